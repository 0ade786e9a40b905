using System.Net;
using CentresConnectes.Ludotheque.Application;
using CentresConnectes.Ludotheque.Domain;
using CentresConnectes.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace CentresConnectes.Ludotheque.Tests;

/// <summary>The attendance list as a PDF (Platform's documents builder), read back with poppler.</summary>
public abstract class AttendancePdfTests(LudothequeFactory app)
{
    private static DateOnly D(string text) => DateOnly.Parse(text);

    private const string FundingNotice = "Ce projet est cofinancé par l'Union Européenne avec le FEDER";

    private async Task<(TestStructure Structure, TestClient Admin, IReadOnlyList<Guid> Persons)> BusyStructureAsync(string name, int families)
    {
        var (structure, admin) = await app.StructureWithAdminAsync(name);
        await app.GenerateAsync(structure.Id, D("2025-06-02"), D("2025-06-03"), ("09:30", "12:00"), ("14:00", "18:00"));
        var slots = await app.DbAsync(structure.Id, db => db.Set<Slot>().AsNoTracking().OrderBy(s => s.StartsAtUtc).ToListAsync());
        var persons = new List<Guid>();
        for (var i = 0; i < families; i++)
        {
            var family = await app.FamilyAsync(structure.Id, $"FAMILLE{i:D3}", ("Léa", D("2019-03-04")), ("Noé", D("1990-01-01")));
            persons.AddRange(family.PersonIds);
        }
        await app.InAsync(structure.Id, async sp =>
        {
            var presences = sp.GetRequiredService<PresenceService>();
            foreach (var slot in slots)
                await presences.RecordAsync(new StaffPresenceInput { SlotId = slot.Id, PersonIds = [.. persons], ArrivalTime = slot.Start.AddMinutes(5) });
            return 0;
        });
        return (structure, admin, persons);
    }

    [Fact]
    public async Task The_pdf_lists_every_presence_over_pages_with_the_period_the_totals_and_the_feder_notice()
    {
        var (structure, admin, persons) = await BusyStructureAsync("Liste PDF", families: 40);
        using (admin)
        {
            var response = await admin.GetAsync("/api/ludotheque/attendance/pdf?from=2025-06-02&to=2025-06-03&columns=Nom&columns=Prenom&columns=Age&columns=HeureArrivee");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
            response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("liste-de-presence-2025-06-02-2025-06-03.pdf");
            var pdf = await response.Content.ReadAsByteArrayAsync();

            var info = await PdfInspector.InfoAsync(pdf);
            info.IsLandscape.ShouldBeFalse("4 chosen columns fit portrait");
            var pages = await PdfInspector.PagesAsync(pdf);
            pages.Count.ShouldBe(info.Pages);
            pages.Count.ShouldBeGreaterThan(3, "320 presences");
            pages[0].ShouldContain(structure.Name);
            pages[0].ShouldContain("Liste de présence du 02/06/2025 au 03/06/2025");
            pages[0].ShouldContain("Créneaux : Tous les créneaux");
            pages[0].ShouldContain("320 présences");
            pages[0].ShouldContain("80 personnes");
            pages[0].ShouldContain("4 créneaux");
            foreach (var page in await PdfInspector.PagesAsync(pdf, layout: false))
            {
                page.ShouldContain(FundingNotice);
                page.ShouldContain("Heure d'arrivée", customMessage: "header row on every page");
            }
            var all = string.Join("\n", pages);
            // Every family twice a slot (two members), four slots: 8 lines each.
            for (var i = 0; i < 40; i++)
                all.Split($"FAMILLE{i:D3}").Length.ShouldBe(9, $"FAMILLE{i:D3}");
            all.ShouldContain("09:35");
            all.ShouldContain("14:05");
            all.ShouldContain("6 ans");

            await PdfInspector.RenderPngAsync(pdf, Path.Combine(Path.GetTempPath(), "cc-attendance-pdf"), $"portrait-{app.Provider}");
        }
    }

    [Fact]
    public async Task Many_columns_turn_the_page_to_landscape_and_a_slot_choice_narrows_the_list()
    {
        var (_, admin, _) = await BusyStructureAsync("Liste paysage", families: 2);
        using (admin)
        {
            var response = await admin.PostJsonAsync("/api/ludotheque/attendance/pdf", new
            {
                from = "2025-06-02", to = "2025-06-03", slot = "14:00-18:00",
                columns = new[] { "Nom", "Prenom", "Sexe", "Age", "Ville", "Statut", "MinimaSociaux", "QuotientFamilial", "HeureArrivee" },
            });
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var pdf = await response.Content.ReadAsByteArrayAsync();
            (await PdfInspector.InfoAsync(pdf)).IsLandscape.ShouldBeTrue();
            var text = string.Join("\n", await PdfInspector.PagesAsync(pdf, layout: false));
            text.ShouldContain("Créneaux : 14:00 - 18:00");
            text.ShouldContain("8 présences");
            text.ShouldContain("Quotient familial");
            text.ShouldNotContain("09:30");
            await PdfInspector.RenderPngAsync(pdf, Path.Combine(Path.GetTempPath(), "cc-attendance-pdf"), $"landscape-{app.Provider}");
        }
    }

    [Fact]
    public async Task Bad_input_gets_a_french_message_and_another_structure_gets_an_empty_list()
    {
        var (_, admin, _) = await BusyStructureAsync("Liste A", families: 1);
        admin.Dispose();
        var (_, other) = await app.StructureWithAdminAsync("Liste B");
        using (other)
        {
            var bad = await other.GetAsync("/api/ludotheque/attendance/pdf?from=2025-06-03&to=2025-06-02");
            bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await bad.Content.ReadAsStringAsync()).ShouldContain("La date de fin est avant la date de début.");

            var response = await other.GetAsync("/api/ludotheque/attendance/pdf?from=2025-06-02&to=2025-06-03&columns=Nom");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var text = (await PdfInspector.PagesAsync(await response.Content.ReadAsByteArrayAsync())).ShouldHaveSingleItem();
            text.ShouldContain("Aucune présence sur cette période.");
            text.ShouldNotContain("FAMILLE");
            text.ShouldContain("0 présence");
        }
    }
}

[Collection(PostgresCollection.Postgres)]
public sealed class PostgresAttendancePdfTests(PostgresLudothequeFactory app) : AttendancePdfTests(app);

[Collection(SqliteCollection.Sqlite)]
public sealed class SqliteAttendancePdfTests(SqliteLudothequeFactory app) : AttendancePdfTests(app);
