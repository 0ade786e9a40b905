using CentresConnectes.IntegrationTests.Infrastructure;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Documents;
using CentresConnectes.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace CentresConnectes.IntegrationTests;

/// <summary>The PDF builder, read back with poppler (pdftotext, pdfinfo): pages, text, footer, orientation.</summary>
public sealed class DocumentTests
{
    private const string FundingNotice = "Ce projet est cofinancé par l'Union Européenne avec le FEDER";

    private static readonly PdfColumn[] PersonColumns =
    [
        new("Nom", 2), new("Prénom", 2), new("Âge", 0.7f, PdfAlign.Right), new("Ville de résidence", 2.5f), new("Heure d'arrivée", 1.2f, PdfAlign.Center),
    ];

    private static IEnumerable<IReadOnlyList<string?>> People(int count)
    {
        for (var i = 1; i <= count; i++)
            yield return [$"NOM{i:D5}", "Élodie", (i % 90).ToString(), i % 3 == 0 ? "Faches-Thumesnil" : "Lille", "14:05"];
    }

    /// <summary>The footer's « n / N » (pdftotext may drop the thin spaces around the slash).</summary>
    private static string PageNumber(string page) =>
        System.Text.RegularExpressions.Regex.Match(page, @"(\d+) ?/ ?(\d+)\s*$") is { Success: true } m ? $"{m.Groups[1].Value}/{m.Groups[2].Value}" : "(none)";

    [Fact]
    public async Task A_long_table_breaks_across_pages_with_its_header_row_the_footer_and_page_numbers_on_each()
    {
        var spec = new PdfDocumentSpec("Liste de présence", [new PdfHeading("Présences"), new PdfTable(PersonColumns, People(1500))])
        {
            Subtitles = ["Période du 01/03/2026 au 31/03/2026", "Créneaux : tous"],
            StructureName = "Centre social Test",
            GeneratedAtUtc = new DateTime(2026, 3, 31, 16, 30, 0, DateTimeKind.Utc),
        };
        var pdf = PdfRenderer.Render(spec);

        var info = await PdfInspector.InfoAsync(pdf);
        info.Pages.ShouldBeGreaterThan(20);
        info.IsLandscape.ShouldBeFalse();
        info.Width.ShouldBe(595.28, 0.5);
        info.Height.ShouldBe(841.89, 0.5);

        var pages = await PdfInspector.PagesAsync(pdf);
        pages.Count.ShouldBe(info.Pages);
        pages[0].ShouldContain("Centre social Test");
        pages[0].ShouldContain("Période du 01/03/2026 au 31/03/2026");
        for (var i = 0; i < pages.Count; i++)
        {
            var page = pages[i];
            page.ShouldContain(FundingNotice, customMessage: $"page {i + 1}");
            PageNumber(page).ShouldBe($"{i + 1}/{pages.Count}", $"page {i + 1}");
            page.ShouldContain("Édité le 31/03/2026 à 18:30", customMessage: $"page {i + 1} (Paris time)");
            page.ShouldContain("Ville de résidence", customMessage: $"header row repeated on page {i + 1}");
            if (i > 0)
                page.ShouldContain("Liste de présence — Centre social Test");
        }
        // Every row exactly once, in order, none lost at a page break.
        var all = string.Join("\n", pages);
        var positions = Enumerable.Range(1, 1500).Select(n => all.IndexOf($"NOM{n:D5}", StringComparison.Ordinal)).ToList();
        positions.ShouldAllBe(p => p >= 0);
        positions.ShouldBe(positions.Order().ToList());
        Enumerable.Range(1, 1500).Count(n => all.Split($"NOM{n:D5} ").Length != 2).ShouldBe(0);
    }

    [Fact]
    public async Task Landscape_pages_are_a4_turned_and_french_text_comes_out_as_written()
    {
        const string french = "Œuvre « Les Pâquerettes » : ça déménage à Lœuilly, l’été – 12,5 €";
        var pdf = PdfRenderer.Render(new PdfDocumentSpec("Statistiques", [new PdfParagraph(french)]) { Orientation = PdfOrientation.Landscape });

        var info = await PdfInspector.InfoAsync(pdf);
        info.Pages.ShouldBe(1);
        info.IsLandscape.ShouldBeTrue();
        info.Width.ShouldBe(841.89, 0.5);
        var text = (await PdfInspector.PagesAsync(pdf)).Single();
        text.ShouldContain(french);
        PageNumber(text).ShouldBe("1/1");
    }

    [Fact]
    public async Task Headings_paragraphs_charts_images_and_page_breaks_all_render()
    {
        using var bitmap = new SKBitmap(400, 200);
        using (var canvas = new SKCanvas(bitmap))
            canvas.Clear(SKColors.SteelBlue);
        using var png = SKImage.FromBitmap(bitmap).Encode(SKEncodedImageFormat.Png, 100);
        var spec = new PdfDocumentSpec("Statistiques 2025",
        [
            new PdfHeading("Fréquentation"),
            new PdfParagraph("Nombre de jours d'ouverture : jours distincts ayant au moins un créneau.", Small: true),
            new PdfTable([new("Indicateur", 3), new("Valeur", 1, PdfAlign.Right)], [["Jours d'ouverture", "212"], ["Total", "212"]]) { BoldLastRow = true },
            new PdfBarChart("Présences par ville", [new("Lille", 1200), new("Ronchin", 450.5), new("Non renseignée", 0)]),
            new PdfPageBreak(),
            new PdfHeading("Graphique"),
            new PdfImage(png.ToArray(), Caption: "Présences par mois"),
            new PdfTable([new("Nom")], []) { EmptyText = "Aucune présence." },
            new PdfPageBreak(),
        ])
        { Logo = png.ToArray(), StructureName = "Centre social Logo" };
        var pdf = PdfRenderer.Render(spec);

        var pages = await PdfInspector.PagesAsync(pdf);
        pages.Count.ShouldBe(2, "the trailing page break adds no blank page");
        pages[0].ShouldContain("Fréquentation");
        pages[0].ShouldContain("Jours d'ouverture");
        pages[0].ShouldContain("1 200");
        pages[0].ShouldContain("450,5");
        pages[0].ShouldContain("Non renseignée");
        pages[1].ShouldContain("Graphique");
        pages[1].ShouldContain("Présences par mois");
        pages[1].ShouldContain("Aucune présence.");

        var images = await PdfInspector.RenderPngAsync(pdf, Path.Combine(Path.GetTempPath(), "cc-pdf-look", Guid.NewGuid().ToString("N")), "doc");
        images.Count.ShouldBe(2);
    }
}

/// <summary>The DI service fills the header from the current structure and the footer's edition time.</summary>
public abstract class StructureDocumentTests(AppFactory app) : AppTest(app)
{
    [Fact]
    public async Task The_current_structure_name_heads_the_document()
    {
        var structure = await App.CreateStructureAsync("Centre Documents " + Guid.NewGuid().ToString("N")[..6]);
        var pdf = await App.InScopeAsync(structure.Id, sp => sp.GetRequiredService<IPdfDocuments>()
            .RenderAsync(new PdfDocumentSpec("Liste de présence", [new PdfParagraph("Bonjour")])));
        var text = (await PdfInspector.PagesAsync(pdf)).Single();
        text.ShouldContain(structure.Name);
        text.ShouldContain("Édité le");
        text.ShouldContain("Ce projet est cofinancé par l'Union Européenne avec le FEDER");
    }
}

[Collection(Apps.Sqlite)]
public sealed class StructureDocumentTestsOnSqlite(SqliteApp app) : StructureDocumentTests(app);

[Collection(Apps.PostgreSql)]
public sealed class StructureDocumentTestsOnPostgreSql(PostgreSqlApp app) : StructureDocumentTests(app);
