using CentresConnectes.Ludotheque.Application;
using CentresConnectes.Ludotheque.Domain;
using CentresConnectes.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace CentresConnectes.Ludotheque.Tests;

/// <summary>Every {id} page and API route of the ludothèque, through TestSupport's probe: structure B gets 404 for A's ids.</summary>
public abstract class CrossStructureProbeTests(LudothequeFactory app)
{
    private const string Kiosk = "family accounts, cards and kiosks need a family account and an enrolled device: " +
                                 "Staff_of_B_get_404_for_A_s_family_accounts_cards_and_kiosks and Family_accounts_cards_and_kiosks_over_the_API_and_404_for_another_structure check them";

    private const string KioskMembers = "a kiosk page: the household is the kiosk family session's, never the URL's; another household's or structure's person answers 404 — " +
                                        "The_family_adds_and_corrects_its_members_and_cannot_touch_another_household checks it";

    [Fact]
    public async Task Another_structure_gets_404_on_every_ludotheque_id_route()
    {
        var (a, clientA) = await app.StructureWithAdminAsync("Sonde ludo A");
        await app.GenerateAsync(a.Id, DateOnly.Parse("2025-06-04"), null, ("14:00", "18:00"));
        var slot = await app.DbAsync(a.Id, db => db.Set<Slot>().AsNoTracking().SingleAsync());
        var family = await app.FamilyAsync(a.Id, "SONDE", ("Inès", DateOnly.Parse("2017-02-02")));
        await app.InAsync(a.Id, sp => sp.GetRequiredService<PresenceService>().RecordAsync(new StaffPresenceInput { SlotId = slot.Id, PersonIds = [family.PersonIds[0]] }));
        var presence = await app.DbAsync(a.Id, db => db.Set<Presence>().AsNoTracking().SingleAsync());
        var (_, clientB) = await app.StructureWithAdminAsync("Sonde ludo B");
        using (clientA)
        using (clientB)
        {
            var probe = new CrossStructureProbe(app.Services, "Ludotheque")
                .Sample("/api/ludotheque/slots", new { id = slot.Id })
                .Sample("/api/ludotheque/presences", new { id = presence.Id })
                .Body("POST", "/api/ludotheque/presences/{id:guid}/remove", new { reason = "essai" })
                .Skip("/api/ludotheque/families/{householdId:guid}/account", Kiosk)
                .Skip("/api/ludotheque/families/{householdId:guid}/account/active", Kiosk)
                .Skip("/api/ludotheque/families/{householdId:guid}/account/reset", Kiosk)
                .Skip("/api/ludotheque/families/{householdId:guid}/card", Kiosk)
                .Skip("/api/ludotheque/kiosks/{id:guid}", Kiosk)
                .Skip("/ludotheque/familles/{householdId:guid}/compte", Kiosk)
                .Skip("/ludotheque/borne/membres/{personId:guid?}", KioskMembers)
                .Skip("/api/ludotheque/families/{householdId:guid}/account/verify",
                    "needs a self-registered family: A_new_family_registers_on_the_kiosk_ticks_its_presence_at_once_and_staff_see_it_to_verify checks another structure's 404");
            var requests = await probe.CheckAsync(clientA, clientB);
            requests.ShouldContain(r => r.StartsWith("POST /api/ludotheque/presences/", StringComparison.Ordinal));
        }
        (await app.DbAsync(a.Id, db => db.Set<Presence>().CountAsync())).ShouldBe(1);
    }
}

[Collection(PostgresCollection.Postgres)]
public sealed class PostgresCrossStructureProbeTests(PostgresLudothequeFactory app) : CrossStructureProbeTests(app);

[Collection(SqliteCollection.Sqlite)]
public sealed class SqliteCrossStructureProbeTests(SqliteLudothequeFactory app) : CrossStructureProbeTests(app);
