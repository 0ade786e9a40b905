using CentresConnectes.Ludotheque.Application;
using CentresConnectes.Ludotheque.Domain;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace CentresConnectes.Ludotheque.Tests;

public abstract class PresenceTests(LudothequeFactory app)
{
    private static DateOnly D(string text) => DateOnly.Parse(text);

    private Task<T> PresencesAsync<T>(Guid structureId, Func<PresenceService, Task<T>> action) =>
        app.InAsync(structureId, sp => action(sp.GetRequiredService<PresenceService>()));

    private Task<int> CountAsync(Guid structureId) => app.DbAsync(structureId, db => db.Set<Presence>().CountAsync());

    private async Task<(TestSupport.TestStructure Structure, Slot Slot, (Guid HouseholdId, IReadOnlyList<Guid> PersonIds) Family)> SetUpAsync(string name)
    {
        var structure = await app.CreateStructureAsync(name);
        await app.GenerateAsync(structure.Id, D("2025-06-04"), null, ("09:30", "12:00"), ("14:00", "18:00"));
        var slot = await app.DbAsync(structure.Id, db => db.Set<Slot>().AsNoTracking().SingleAsync(s => s.Start == new TimeOnly(14, 0)));
        var family = await app.FamilyAsync(structure.Id, "MARTIN",
            ("Sophie", D("1985-03-14")), ("Karim", D("1983-11-02")), ("Léa", D("2016-05-20")), ("Noé", D("2020-09-01")));
        return (structure, slot, family);
    }

    private static CheckInCommand CheckIn(Slot slot, (Guid HouseholdId, IReadOnlyList<Guid> PersonIds) family, IEnumerable<Guid> persons, Guid? id = null) =>
        new(family.HouseholdId, slot.Id, persons.ToList(), id ?? Guid.NewGuid(), slot.StartsAtUtc.AddMinutes(20), PresenceSource.Kiosk);

    [Fact]
    public async Task Parallel_validations_of_the_same_family_give_one_presence_per_person()
    {
        var (structure, slot, family) = await SetUpAsync("Deux tablettes");
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            PresencesAsync(structure.Id, s => s.CheckInAsync(CheckIn(slot, family, family.PersonIds.Take(3))))));
        (await CountAsync(structure.Id)).ShouldBe(3);
        results.Sum(r => r.Recorded).ShouldBe(3);
        results.ShouldAllBe(r => r.Recorded + r.AlreadyPresent == 3);
        (await PresencesAsync(structure.Id, s => s.CountPresentAsync(slot.Id))).ShouldBe(3);
    }

    [Fact]
    public async Task A_replayed_check_in_is_the_same_check_in()
    {
        var (structure, slot, family) = await SetUpAsync("Rejeu");
        var command = CheckIn(slot, family, family.PersonIds.Take(2));
        (await PresencesAsync(structure.Id, s => s.CheckInAsync(command))).ShouldBe(new CheckInResult(2, 0));
        (await PresencesAsync(structure.Id, s => s.CheckInAsync(command))).ShouldBe(new CheckInResult(0, 2));
        (await CountAsync(structure.Id)).ShouldBe(2);
        var rows = await app.DbAsync(structure.Id, db => db.Set<Presence>().AsNoTracking().ToListAsync());
        rows.ShouldAllBe(p => p.CheckInId == command.CheckInId && p.ArrivedAtUtc == command.ArrivedAtUtc && p.HouseholdId == family.HouseholdId);
    }

    [Fact]
    public async Task A_person_of_another_family_or_a_forged_slot_writes_nothing()
    {
        var (structure, slot, family) = await SetUpAsync("Falsifié");
        var other = await app.FamilyAsync(structure.Id, "BERNARD", ("Paul", D("2015-01-01")));

        var mixed = await Should.ThrowAsync<BusinessException>(() =>
            PresencesAsync(structure.Id, s => s.CheckInAsync(CheckIn(slot, family, [family.PersonIds[0], other.PersonIds[0]]))));
        mixed.Message.ShouldBe("Une des personnes cochées ne fait pas partie de cette famille.");

        await Should.ThrowAsync<BusinessException>(() =>
            PresencesAsync(structure.Id, s => s.CheckInAsync(CheckIn(slot, family, [Guid.NewGuid()]))));
        await Should.ThrowAsync<EntityNotFoundException>(() =>
            PresencesAsync(structure.Id, s => s.CheckInAsync(CheckIn(slot, family, family.PersonIds) with { SlotId = Guid.NewGuid() })));
        (await Should.ThrowAsync<BusinessException>(() =>
            PresencesAsync(structure.Id, s => s.CheckInAsync(CheckIn(slot, family, []))))).Message.ShouldBe("Personne n'est coché « Présent ».");
        (await CountAsync(structure.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task The_counter_shows_the_open_slot_and_restarts_at_the_next()
    {
        var (structure, slot, family) = await SetUpAsync("Compteur");
        try
        {
            var morning = await app.DbAsync(structure.Id, db => db.Set<Slot>().AsNoTracking().SingleAsync(s => s.Start == new TimeOnly(9, 30)));
            app.Clock.Set(morning.StartsAtUtc.AddMinutes(10));
            await PresencesAsync(structure.Id, s => s.CheckInAsync(CheckIn(morning, family, family.PersonIds)));
            (await PresencesAsync(structure.Id, s => s.CounterAsync())).Present.ShouldBe(4);

            app.Clock.Set(morning.EndsAtUtc.AddMinutes(30));
            var closed = await PresencesAsync(structure.Id, s => s.CounterAsync());
            closed.OpenSlot.ShouldBeNull();
            closed.NextSlot!.Id.ShouldBe(slot.Id);

            app.Clock.Set(slot.StartsAtUtc.AddMinutes(1));
            var afternoon = await PresencesAsync(structure.Id, s => s.CounterAsync());
            afternoon.OpenSlot!.Id.ShouldBe(slot.Id);
            afternoon.Present.ShouldBe(0);
            (await CountAsync(structure.Id)).ShouldBe(4, "the counter never deletes anything");
        }
        finally
        {
            app.Clock.Reset();
        }
    }

    [Fact]
    public async Task Staff_record_a_past_presence_and_remove_a_wrong_one_with_a_reason()
    {
        var (structure, slot, family) = await SetUpAsync("Personnel");
        var result = await PresencesAsync(structure.Id, s => s.RecordAsync(new StaffPresenceInput
            { SlotId = slot.Id, PersonIds = [family.PersonIds[2]], ArrivalTime = new TimeOnly(15, 10) }));
        result.Recorded.ShouldBe(1);
        var presence = await app.DbAsync(structure.Id, db => db.Set<Presence>().AsNoTracking().SingleAsync());
        presence.Source.ShouldBe(PresenceSource.Staff);
        presence.ArrivedAtUtc.ShouldBe(new DateTime(2025, 6, 4, 13, 10, 0));

        (await Should.ThrowAsync<BusinessException>(() => PresencesAsync(structure.Id, s => s.RecordAsync(new StaffPresenceInput
            { SlotId = slot.Id, PersonIds = [family.PersonIds[1]], ArrivalTime = new TimeOnly(19, 0) }))))
            .Message.ShouldBe("L'heure d'arrivée doit être comprise dans le créneau 14:00 - 18:00.");

        (await Should.ThrowAsync<BusinessException>(() => PresencesAsync(structure.Id, async s => { await s.RemoveAsync(presence.Id, " "); return 0; })))
            .Message.ShouldBe("Le champ « Motif » est obligatoire.");
        await PresencesAsync(structure.Id, async s => { await s.RemoveAsync(presence.Id, "Erreur de saisie"); return 0; });
        (await CountAsync(structure.Id)).ShouldBe(0);
        var audit = await app.DbAsync(structure.Id, db => db.AuditEntries.AsNoTracking().Where(a => a.TenantId == structure.Id).Select(a => new { a.Action, a.Details }).ToListAsync());
        audit.ShouldContain(a => a.Action == "Présence saisie par le personnel" && a.Details!.Contains("MARTIN Léa"));
        audit.ShouldContain(a => a.Action == "Présence supprimée" && a.Details!.Contains("Motif : Erreur de saisie"));
    }

    [Fact]
    public async Task A_person_or_family_with_presences_cannot_be_deleted()
    {
        var (structure, slot, family) = await SetUpAsync("Suppression adhérent");
        await PresencesAsync(structure.Id, s => s.CheckInAsync(CheckIn(slot, family, [family.PersonIds[3]])));
        using var admin = await app.SignInAsync(structure.AdminEmail);

        var person = await admin.Http.DeleteAsync($"/api/persons/{family.PersonIds[3]}");
        ((int)person.StatusCode).ShouldBeInRange(400, 499);
        (await person.Content.ReadAsStringAsync()).ShouldContain("présences enregistrées à la ludothèque");
        var other = await admin.Http.DeleteAsync($"/api/persons/{family.PersonIds[0]}");
        other.IsSuccessStatusCode.ShouldBeTrue("a member without presence can go");
    }
}

[Collection(PostgresCollection.Postgres)]
public sealed class PostgresPresenceTests(PostgresLudothequeFactory app) : PresenceTests(app);

[Collection(SqliteCollection.Sqlite)]
public sealed class SqlitePresenceTests(SqliteLudothequeFactory app) : PresenceTests(app);
