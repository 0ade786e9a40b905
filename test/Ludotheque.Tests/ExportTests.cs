using CentresConnectes.Ludotheque.Application;
using CentresConnectes.Ludotheque.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Shouldly;
using Xunit;

namespace CentresConnectes.Ludotheque.Tests;

/// <summary>The attendance list and the slot list as Excel files: the rows on screen, one structure only.</summary>
public abstract class ExportTests(LudothequeFactory app)
{
    private static DateOnly D(string text) => DateOnly.Parse(text);

    [Fact]
    public async Task Attendance_and_slot_lists_download_as_xlsx_with_the_chosen_columns()
    {
        var (a, adminA) = await app.StructureWithAdminAsync("Export A");
        await app.GenerateAsync(a.Id, D("2025-06-04"), D("2025-06-05"), ("09:30", "12:00"), ("14:00", "18:00"));
        var slot = await app.DbAsync(a.Id, db => db.Set<Slot>().AsNoTracking().SingleAsync(s => s.Date == D("2025-06-04") && s.Start == new TimeOnly(14, 0)));
        var family = await app.FamilyAsync(a.Id, "Lefèvre", ("Zoé", D("2019-07-01")), ("Jean", D("1980-01-15")));
        await app.InAsync(a.Id, sp => sp.GetRequiredService<PresenceService>().RecordAsync(new StaffPresenceInput
            { SlotId = slot.Id, PersonIds = [.. family.PersonIds], ArrivalTime = new TimeOnly(14, 5) }));
        var (b, adminB) = await app.StructureWithAdminAsync("Export B");

        using (adminA)
        using (adminB)
        {
            var response = await adminA.GetAsync("/api/ludotheque/attendance/xlsx?from=2025-06-01&to=2025-06-30&slot=14:00-18:00&columns=Nom&columns=Prenom&columns=Age&columns=HeureArrivee");
            response.EnsureSuccessStatusCode();
            response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("liste-de-presence-2025-06-01-2025-06-30.xlsx");
            var rows = (await ReadAsync(response)).ToList();
            rows.Count.ShouldBe(2);
            rows[0].ShouldBe(["04/06/2025", "14:00 - 18:00", "Lefèvre", "Jean", "45 ans", "14:05"]);
            rows[1].ShouldBe(["04/06/2025", "14:00 - 18:00", "Lefèvre", "Zoé", "5 ans", "14:05"]);

            var slots = await adminA.GetAsync("/api/ludotheque/slots/export?from=2025-06-01&to=2025-06-30");
            slots.EnsureSuccessStatusCode();
            var slotRows = (await ReadAsync(slots)).ToList();
            slotRows.Count.ShouldBe(4);
            slotRows[1].ShouldBe(["04/06/2025", "Mercredi", "14:00", "18:00", "2"]);

            // Structure B's files over the same period: nothing of A.
            var other = await adminB.GetAsync("/api/ludotheque/attendance/xlsx?from=2025-06-01&to=2025-06-30&columns=Nom");
            other.EnsureSuccessStatusCode();
            (await ReadAsync(other)).ShouldBeEmpty();
            var otherSlots = await adminB.GetAsync("/api/ludotheque/slots/export?from=2025-06-01&to=2025-06-30");
            (await ReadAsync(otherSlots)).ShouldBeEmpty();
        }
    }

    private static async Task<IEnumerable<string[]>> ReadAsync(HttpResponseMessage response)
    {
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => v?.ToString() ?? "").ToArray()).ToList();
    }
}

[Collection(PostgresCollection.Postgres)]
public sealed class PostgresExportTests(PostgresLudothequeFactory app) : ExportTests(app);

[Collection(SqliteCollection.Sqlite)]
public sealed class SqliteExportTests(SqliteLudothequeFactory app) : ExportTests(app);
