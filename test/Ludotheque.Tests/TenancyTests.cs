using System.Net;
using CentresConnectes.Ludotheque.Application;
using CentresConnectes.Ludotheque.Domain;
using CentresConnectes.Platform.Data;
using CentresConnectes.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace CentresConnectes.Ludotheque.Tests;

/// <summary>Structure B never reads, lists, counts, exports or changes structure A's slots and presences.</summary>
public abstract class TenancyTests(LudothequeFactory app)
{
    private static DateOnly D(string text) => DateOnly.Parse(text);

    [Fact]
    public async Task Another_structure_gets_404_or_nothing_for_slots_presences_and_lists()
    {
        var a = await app.CreateStructureAsync("A");
        await app.GenerateAsync(a.Id, D("2025-06-04"), null, ("14:00", "18:00"));
        var slot = await app.DbAsync(a.Id, db => db.Set<Slot>().AsNoTracking().SingleAsync());
        var family = await app.FamilyAsync(a.Id, "DURAND", ("Inès", D("2017-02-02")));
        await app.InAsync(a.Id, sp => sp.GetRequiredService<PresenceService>().RecordAsync(new StaffPresenceInput { SlotId = slot.Id, PersonIds = [family.PersonIds[0]] }));
        var presence = await app.DbAsync(a.Id, db => db.Set<Presence>().AsNoTracking().SingleAsync());

        var (b, adminB) = await app.StructureWithAdminAsync("B");
        await app.GenerateAsync(b.Id, D("2025-06-04"), null, ("14:00", "18:00"));
        var slotB = await app.DbAsync(b.Id, db => db.Set<Slot>().AsNoTracking().SingleAsync());
        using (adminB)
        {
            // List and count: B sees its own slot only, with 0 presences.
            var list = await adminB.GetJsonAsync<List<SlotRow>>("/api/ludotheque/slots?from=2025-06-01&to=2025-06-30");
            list.Select(s => s.Id).ShouldBe([slotB.Id]);
            list.Single().Presences.ShouldBe(0);

            // Read, modify, record into, with A's ids: 404.
            (await adminB.GetAsync($"/api/ludotheque/slots/{slot.Id}/presences")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await adminB.PostJsonAsync($"/api/ludotheque/presences/{presence.Id}/remove", new { reason = "essai" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await adminB.PostJsonAsync("/api/ludotheque/presences", new { slotId = slot.Id, personIds = new[] { family.PersonIds[0] } })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            // A's person into B's own slot: the person does not exist for B.
            (await adminB.PostJsonAsync("/api/ludotheque/presences", new { slotId = slotB.Id, personIds = new[] { family.PersonIds[0] } })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

            // Export: B's attendance list of that day is empty.
            var attendance = await adminB.PostJsonAsync("/api/ludotheque/attendance", new { from = "2025-06-04", columns = new[] { "Nom", "Prenom" } });
            attendance.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await attendance.Content.ReadAsStringAsync()).ShouldNotContain("DURAND");

            // Deleting slots over the same period removes B's slot only.
            var deletion = await adminB.PostJsonAsync("/api/ludotheque/slots/delete", new { from = "2025-06-01", to = "2025-06-30", days = Enum.GetValues<DayOfWeek>() });
            deletion.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        (await app.DbAsync(a.Id, db => db.Set<Slot>().CountAsync())).ShouldBe(1);
        (await app.DbAsync(a.Id, db => db.Set<Presence>().CountAsync())).ShouldBe(1);
        (await app.DbAsync(b.Id, db => db.Set<Slot>().CountAsync())).ShouldBe(0);
    }
}

[Collection(PostgresCollection.Postgres)]
public sealed class PostgresTenancyTests(PostgresLudothequeFactory app) : TenancyTests(app);

[Collection(SqliteCollection.Sqlite)]
public sealed class SqliteTenancyTests(SqliteLudothequeFactory app) : TenancyTests(app);
