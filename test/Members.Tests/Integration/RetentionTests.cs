using System.Net;
using CentresConnectes.Ludotheque.Application;
using CentresConnectes.Ludotheque.Domain;
using CentresConnectes.Members.Application;
using CentresConnectes.Members.Domain;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.SmsAlerts.Domain;
using CentresConnectes.TestSupport;
using static CentresConnectes.Members.Tests.Integration.MembersTestHelpers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace CentresConnectes.Members.Tests.Integration;

/// <summary>
/// RGPD retention (SPEC §9): persons without presence, message sent or change to their file for two
/// years are listed for the admin, who anonymises them (ADR 0015).
/// </summary>
public abstract class RetentionTests(MembersFactory factory)
{
    private sealed record Register(TestStructure Structure, TestClient Admin, Guid Forgotten, Guid Changed, Guid Present, Guid Messaged, Guid OnlyTested);

    /// <summary>Five persons registered three years ago; four of them had a contact a year ago, of which one a mere test message.</summary>
    private async Task<Register> RegisterAsync(string name)
    {
        var (structure, admin) = await factory.StructureWithAdminAsync(name);
        var now = DateTime.UtcNow;
        var ids = new List<Guid>();
        try
        {
            factory.Clock.Set(now.AddYears(-3));
            foreach (var first in new[] { "Oublié", "Modifié", "Venu", "Contacté", "Testé" })
                ids.Add(await factory.InScopeAsync(structure.Id, sp => sp.GetRequiredService<PersonService>().CreateAsync(
                    new PersonInput { LastName = "ANCIEN", FirstName = first, DateOfBirth = new DateOnly(1980, 1, 1) })));

            factory.Clock.Set(now.AddYears(-1));
            await factory.InScopeAsync(structure.Id, sp => sp.GetRequiredService<PersonService>().UpdateAsync(ids[1],
                new PersonInput { LastName = "ANCIEN", FirstName = "Modifié", DateOfBirth = new DateOnly(1980, 1, 2) }));
            var day = DateOnly.FromDateTime(now.AddYears(-1));
            await factory.InScopeAsync(structure.Id, async sp =>
            {
                await sp.GetRequiredService<SlotService>().GenerateAsync(new SlotGenerationInput
                {
                    From = day, Days = [.. Enum.GetValues<DayOfWeek>()], Ranges = [new TimeRangeInput { Start = new TimeOnly(10, 0), End = new TimeOnly(12, 0) }],
                });
            });
            var slot = await factory.DbAsync(structure.Id, db => db.Set<Slot>().Select(s => s.Id).SingleAsync());
            await factory.InScopeAsync(structure.Id, sp => sp.GetRequiredService<PresenceService>().RecordAsync(new StaffPresenceInput { SlotId = slot, PersonIds = [ids[2]] }));
            await factory.DbAsync(structure.Id, db =>
            {
                db.Add(new Delivery($"retention:{ids[3]:N}", ids[3], Channel.Sms, "+33612345678", "Rappel", now.AddYears(-1), now.AddYears(-1).AddDays(1))
                    { Status = DeliveryStatus.Sent, SentAtUtc = now.AddYears(-1), CreatedAtUtc = now.AddYears(-1) });
                db.Add(new Delivery(Delivery.TestKey(), ids[4], Channel.Sms, "+33612345679", "Test", now.AddYears(-1), now.AddYears(-1).AddDays(1))
                    { IsTest = true, Status = DeliveryStatus.Sent, SentAtUtc = now.AddYears(-1), CreatedAtUtc = now.AddYears(-1) });
                return db.SaveChangesAsync();
            });
        }
        finally
        {
            factory.Clock.Reset();
        }
        return new Register(structure, admin, ids[0], ids[1], ids[2], ids[3], ids[4]);
    }

    private async Task<List<Guid>> ListedAsync(Guid structureId) =>
        [.. (await factory.InScopeAsync(structureId, sp => sp.GetRequiredService<RetentionService>().ListAsync())).Persons.Select(p => p.Id)];

    [Fact]
    public async Task Only_persons_without_presence_message_or_change_for_two_years_are_listed_and_anonymised_after_confirmation()
    {
        var r = await RegisterAsync("Conservation");
        (await ListedAsync(r.Structure.Id)).ShouldBe([r.Forgotten, r.OnlyTested], ignoreOrder: true);

        var page = await r.Admin.GetTextAsync("/adherents/conservation");
        page.ShouldContain("ANCIEN Oublié");
        page.ShouldNotContain("ANCIEN Venu");
        page.ShouldContain("2</strong> personnes sans contact");

        // Ticking one asks for confirmation first; nothing is anonymised yet.
        var confirm = await r.Admin.PostFormAsync("/adherents/conservation", new Dictionary<string, string?> { ["Ids[0]"] = r.Forgotten.ToString() });
        confirm.StatusCode.ShouldBe(HttpStatusCode.OK);
        System.Net.WebUtility.HtmlDecode(await confirm.Content.ReadAsStringAsync()).ShouldContain("Vous allez anonymiser 1 personne.");
        (await factory.DbAsync(r.Structure.Id, db => db.Set<Person>().SingleAsync(p => p.Id == r.Forgotten))).IsAnonymised.ShouldBeFalse();

        var done = await r.Admin.PostFormAsync("/adherents/conservation",
            new Dictionary<string, string?> { ["Ids[0]"] = r.Forgotten.ToString(), ["Confirmed"] = "true" });
        done.LocationOf().ShouldBe("/adherents/conservation");
        (await r.Admin.GetTextAsync("/adherents/conservation")).ShouldContain("1 personne a été anonymisée");
        var forgotten = await factory.DbAsync(r.Structure.Id, db => db.Set<Person>().SingleAsync(p => p.Id == r.Forgotten));
        forgotten.IsAnonymised.ShouldBeTrue();
        forgotten.LastName.ShouldBe("Anonyme");
        (await ListedAsync(r.Structure.Id)).ShouldBe([r.OnlyTested]);
    }

    [Fact]
    public async Task A_person_with_a_contact_is_refused_whole_and_another_structures_person_is_a_404()
    {
        var r = await RegisterAsync("Conservation refus");
        var other = await RegisterAsync("Conservation voisine");

        // Another structure's list and ids are invisible: not listed, 404 when crafted (API and page).
        (await ListedAsync(r.Structure.Id)).ShouldNotContain(other.Forgotten);
        var api = await r.Admin.PostJsonAsync("/api/persons/retention/anonymise", new { ids = new[] { other.Forgotten } });
        api.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var page = await r.Admin.PostFormAsync("/adherents/conservation",
            new Dictionary<string, string?> { ["Ids[0]"] = other.Forgotten.ToString(), ["Confirmed"] = "true" });
        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await factory.DbAsync(other.Structure.Id, db => db.Set<Person>().SingleAsync(p => p.Id == other.Forgotten))).IsAnonymised.ShouldBeFalse();

        // A person seen a year ago with a forgotten one: refused whole, in French, nothing anonymised.
        var refused = await r.Admin.PostJsonAsync("/api/persons/retention/anonymise", new { ids = new[] { r.Forgotten, r.Present } });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("ont eu un contact");
        (await factory.DbAsync(r.Structure.Id, db => db.Set<Person>().CountAsync(p => p.IsAnonymised))).ShouldBe(0);

        // « Anonymiser toute la liste » takes the list as it is now: the two without contact.
        var all = await r.Admin.PostJsonAsync("/api/persons/retention/anonymise", new { all = true });
        all.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await factory.DbAsync(r.Structure.Id, db => db.Set<Person>().Where(p => p.IsAnonymised).Select(p => p.Id).ToListAsync()))
            .ShouldBe([r.Forgotten, r.OnlyTested], ignoreOrder: true);
        (await ListedAsync(other.Structure.Id)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task An_animateur_cannot_see_or_use_the_retention_list()
    {
        var r = await RegisterAsync("Conservation animateur");
        var animateur = await factory.SignInAsync(await factory.CreateStaffAsync(r.Structure.Id, Roles.Animateur));
        (await animateur.Http.GetAsync("/api/persons/retention")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await animateur.PostJsonAsync("/api/persons/retention/anonymise", new { all = true })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await animateur.GetTextAsync("/adherents")).ShouldNotContain("Conservation (RGPD)");
        (await factory.DbAsync(r.Structure.Id, db => db.Set<Person>().CountAsync(p => p.IsAnonymised))).ShouldBe(0);
    }
}

[Collection(PostgresCollection.Postgres)]
public sealed class RetentionTestsOnPostgres(PostgresMembersFactory factory) : RetentionTests(factory);

[Collection(SqliteCollection.Sqlite)]
public sealed class RetentionTestsOnSqlite(SqliteMembersFactory factory) : RetentionTests(factory);
