using CentresConnectes.Ludotheque.Application;
using CentresConnectes.Ludotheque.Domain;
using CentresConnectes.Members.Application;
using CentresConnectes.ReferenceData.Contracts;
using CentresConnectes.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniExcelLibs;
using static Microsoft.Playwright.Assertions;

namespace CentresConnectes.BrowserTests;

/// <summary>
/// « Statistiques » in a real browser: the first half of 2025, the ville « Lille » as criterion and the
/// brackets 0–5, 6–11, 18 et plus → figures and charts → a figure's list and its Excel file → the PDF
/// (rendered to PNG) and the Excel workbook, opened and checked. Every page passes axe's WCAG A/AA rules
/// and is photographed for the manual (08-statistiques.md).
///
/// Presences (Wednesdays 14:00–18:00): 08/01 Sophie Tom Léa; 12/02 Karim Inès Tom; 12/03 Marie Léa Tom Inès;
/// 09/04 Sophie Tom; 14/05 Karim Inès; 11/06 Marie Tom Léa. Lille: Sophie, Tom (4 ans au 30/06), Léa (8 ans),
/// Marie (grand-mère); Ronchin: Karim, Inès. With « Lille »: 4 persons, 12 presences (Tom 5, Léa 3, Sophie 2, Marie 2).
/// </summary>
public sealed class StatisticsJourneyTests : StructureJourney
{
    [Fact]
    public async Task Period_criteria_and_brackets_to_figures_charts_a_list_the_pdf_and_the_workbook()
    {
        await ArrangeAsync();
        var page = await SignedInAdminAsync();

        // 1. The form: period, a criterion, the brackets (the structure's rows replaced, the others emptied).
        await page.GotoAsync("/statistiques");
        await Expect(Steps.Heading(page)).ToHaveTextAsync("Statistiques");
        await page.GetByLabel("Du", new() { Exact = true }).FillAsync("2025-01-01");
        await page.GetByLabel("Au", new() { Exact = true }).FillAsync("2025-06-30");
        await page.GetByLabel("Lille", new() { Exact = true }).CheckAsync();
        var minis = page.Locator("input[name=Mini]");
        var maxis = page.Locator("input[name=Maxi]");
        (int, int)[] brackets = [(0, 5), (6, 11), (18, 120)];
        var rows = await minis.CountAsync();
        for (var i = 0; i < rows; i++)
        {
            await minis.Nth(i).FillAsync(i < brackets.Length ? brackets[i].Item1.ToString(System.Globalization.CultureInfo.InvariantCulture) : "");
            await maxis.Nth(i).FillAsync(i < brackets.Length ? brackets[i].Item2.ToString(System.Globalization.CultureInfo.InvariantCulture) : "");
        }
        await Accessibility.CheckAsync(page, "Statistiques (formulaire)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();

        // 2. Figures and charts.
        await Expect(page.GetByTestId("statistics")).ToContainTextAsync("Du 01/01/2025 au 30/06/2025");
        await Expect(page.GetByTestId("criteria")).ToContainTextAsync("Critères : Villes : Lille");
        await Expect(page.Locator("[data-figure=inscrits] [data-value]")).ToHaveTextAsync("4");
        await Expect(page.Locator("[data-figure=presences] [data-value]")).ToHaveTextAsync("12");
        var ages = page.Locator("[data-section=tranches-age] tbody tr");
        await Expect(ages.Nth(0)).ToContainTextAsync("0 à 5 ans");
        await Expect(ages.Nth(0).Locator("td").Nth(1)).ToHaveTextAsync("5");
        await Expect(ages.Nth(2)).ToContainTextAsync("18 ans et plus");
        await Expect(page.Locator("canvas[data-chart-ready=true]")).ToHaveCountAsync(5, new() { Timeout = 30_000 });
        await Accessibility.CheckAsync(page, "Statistiques (résultat)");
        await Screenshots.TakeAsync(page, "statistiques-resultat");

        // 3. A figure is a link to the persons it counts, with their Excel file.
        var resultUrl = page.Url;
        await page.Locator("[data-figure=inscrits] [data-value] a").ClickAsync();
        await Expect(Steps.Heading(page)).ToHaveTextAsync("Nombre d'inscrits total sur la période");
        await Expect(page.GetByTestId("totals")).ToHaveTextAsync("4 personnes, 12 présences du 01/01/2025 au 30/06/2025.");
        await Expect(page.GetByTestId("drilldown").Locator("tbody tr")).ToHaveCountAsync(4);
        await Accessibility.CheckAsync(page, "Statistiques (liste d'un chiffre)");
        await Screenshots.TakeAsync(page, "statistiques-liste");
        var listFile = await DownloadAsync(page, "list-xlsx");
        listFile.Name.ShouldBe("statistiques-liste-inscrits-2025-01-01-2025-06-30.xlsx");
        using (var stream = new MemoryStream(listFile.Bytes))
        {
            var persons = stream.Query(useHeaderRow: true, sheetName: "Liste").Cast<IDictionary<string, object?>>().ToList();
            persons.Select(p => ((string?)p["Prénom"], p["Présences"])).ShouldBe([("Marie", 2d), ("Léa", 3d), ("Sophie", 2d), ("Tom", 5d)]);
        }

        // 4. The PDF: period and criteria stated, every table; rendered to look at.
        await page.GotoAsync(resultUrl);
        var pdf = await DownloadAsync(page, "pdf");
        pdf.Name.ShouldBe("statistiques-2025-01-01-2025-06-30.pdf");
        var text = string.Join(" ", await PdfInspector.PagesAsync(pdf.Bytes, layout: false));
        text.ShouldContain("Critères : Villes : Lille");
        text.ShouldContain("Nombre total de présences 12 0 +12");
        text.ShouldContain("0 à 5 ans 1 5 0 0");
        (await PdfInspector.RenderPngAsync(pdf.Bytes, Screenshots.Folder, "statistiques-pdf")).ShouldNotBeEmpty();

        // 5. The workbook: the same figures, numbers as numbers.
        var xlsx = await DownloadAsync(page, "xlsx");
        xlsx.Name.ShouldBe("statistiques-2025-01-01-2025-06-30.xlsx");
        using (var stream = new MemoryStream(xlsx.Bytes))
        {
            var figures = stream.Query(useHeaderRow: true, sheetName: "Fréquentation").Cast<IDictionary<string, object?>>().ToList();
            figures.Single(f => (string?)f["Indicateur"] == "Nombre total de présences")["Période"].ShouldBe(12d);
            figures.Single(f => (string?)f["Indicateur"] == "Nombre d'inscrits total sur la période")["Période"].ShouldBe(4d);
        }
        using (var stream = new MemoryStream(xlsx.Bytes))
        {
            var months = stream.Query(useHeaderRow: true, sheetName: "Présences par mois").Cast<IDictionary<string, object?>>().ToList();
            months.Select(m => m["Présences"]).ShouldBe([3d, 1d, 3d, 2d, 0d, 3d]);
        }
    }

    private static async Task<(string Name, byte[] Bytes)> DownloadAsync(IPage page, string testId)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId(testId).ClickAsync(), new() { Timeout = 60_000 });
        var path = await download.PathAsync();
        return (download.SuggestedFilename, await File.ReadAllBytesAsync(path));
    }

    private async Task ArrangeAsync()
    {
        var structureId = await App.DbAsync(null, db => db.Set<Platform.Domain.Structure>().Select(s => s.Id).SingleAsync());
        await App.InScopeAsync(structureId, async sp =>
        {
            var items = await sp.GetRequiredService<IReferenceDataQuery>().ListAllAsync(includeInactive: false);
            Guid I(ReferenceListKind kind, string code) => items.Single(i => i.Kind == kind && i.Code == code).Id;
            var households = sp.GetRequiredService<HouseholdService>();
            var persons = sp.GetRequiredService<PersonService>();
            async Task<Guid> P(Guid household, string last, string first, DateOnly born, string sexe, string ville, string statut) =>
                await persons.CreateAsync(new PersonInput
                {
                    LastName = last, FirstName = first, DateOfBirth = born, HouseholdId = household, RegisteredOn = new DateOnly(2024, 9, 2),
                    SexeId = I(ReferenceListKind.Sexe, sexe), VilleId = I(ReferenceListKind.Ville, ville), StatutId = I(ReferenceListKind.Statut, statut),
                });
            var leroy = await households.CreateAsync(new HouseholdInput { Name = "LEROY" });
            var sophie = await P(leroy, "LEROY", "Sophie", new DateOnly(1989, 3, 14), "f", "lille", "mere");
            var tom = await P(leroy, "LEROY", "Tom", new DateOnly(2021, 2, 10), "m", "lille", "enfant-a-charge");
            var lea = await P(leroy, "LEROY", "Léa", new DateOnly(2017, 5, 3), "f", "lille", "enfant-a-charge");
            var bernard = await households.CreateAsync(new HouseholdInput { Name = "BERNARD" });
            var karim = await P(bernard, "BERNARD", "Karim", new DateOnly(1984, 11, 2), "m", "ronchin", "pere");
            var ines = await P(bernard, "BERNARD", "Inès", new DateOnly(2023, 1, 20), "f", "ronchin", "enfant-a-charge");
            var garcia = await households.CreateAsync(new HouseholdInput { Name = "GARCIA" });
            var marie = await P(garcia, "GARCIA", "Marie", new DateOnly(1955, 8, 30), "f", "lille", "grand-mere");

            await sp.GetRequiredService<SlotService>().GenerateAsync(new SlotGenerationInput
            {
                From = new DateOnly(2025, 1, 1), To = new DateOnly(2025, 6, 30), Days = [DayOfWeek.Wednesday],
                Ranges = [new TimeRangeInput { Start = new TimeOnly(14, 0), End = new TimeOnly(18, 0) }],
            });
            var slots = await sp.GetRequiredService<Platform.Data.AppDbContext>().Set<Slot>().AsNoTracking().ToListAsync();
            var presences = sp.GetRequiredService<PresenceService>();
            async Task Present(int month, int day, params Guid[] who) => await presences.RecordAsync(new StaffPresenceInput
            {
                SlotId = slots.Single(s => s.Date == new DateOnly(2025, month, day)).Id, PersonIds = [.. who],
            });
            await Present(1, 8, sophie, tom, lea);
            await Present(2, 12, karim, ines, tom);
            await Present(3, 12, marie, lea, tom, ines);
            await Present(4, 9, sophie, tom);
            await Present(5, 14, karim, ines);
            await Present(6, 11, marie, tom, lea);
        });
    }
}
