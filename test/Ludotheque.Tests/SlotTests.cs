using CentresConnectes.Ludotheque.Application;
using CentresConnectes.Ludotheque.Domain;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace CentresConnectes.Ludotheque.Tests;

public abstract class SlotTests(LudothequeFactory app)
{
    private static DateOnly D(string text) => DateOnly.Parse(text);

    private Task<List<Slot>> SlotsAsync(Guid structureId) =>
        app.DbAsync(structureId, db => db.Set<Slot>().AsNoTracking().OrderBy(s => s.Date).ThenBy(s => s.Start).ToListAsync());

    private Task<T> SlotServiceAsync<T>(Guid structureId, Func<SlotService, Task<T>> action) =>
        app.InAsync(structureId, sp => action(sp.GetRequiredService<SlotService>()));

    [Fact]
    public async Task Slots_across_both_DST_weekends_keep_their_wall_clock_time()
    {
        var structure = await app.CreateStructureAsync("DST");
        await app.GenerateAsync(structure.Id, D("2025-03-29"), D("2025-03-30"), ("09:30", "12:00"));
        await app.GenerateAsync(structure.Id, D("2025-10-25"), D("2025-10-26"), ("09:30", "12:00"));

        var slots = await SlotsAsync(structure.Id);
        slots.Select(s => (s.Date, s.Start, s.StartsAtUtc)).ShouldBe(
        [
            (D("2025-03-29"), new TimeOnly(9, 30), new DateTime(2025, 3, 29, 8, 30, 0)),
            (D("2025-03-30"), new TimeOnly(9, 30), new DateTime(2025, 3, 30, 7, 30, 0)),
            (D("2025-10-25"), new TimeOnly(9, 30), new DateTime(2025, 10, 25, 7, 30, 0)),
            (D("2025-10-26"), new TimeOnly(9, 30), new DateTime(2025, 10, 26, 8, 30, 0)),
        ]);
        slots.ShouldAllBe(s => s.EndsAtUtc - s.StartsAtUtc == TimeSpan.FromMinutes(150));
    }

    [Fact]
    public async Task February_29th_of_a_leap_year_is_generated_and_regeneration_is_idempotent()
    {
        var structure = await app.CreateStructureAsync("Bissextile");
        var first = await app.GenerateAsync(structure.Id, D("2028-02-27"), D("2028-03-01"), ("09:30", "12:00"), ("14:00", "18:00"));
        first.Created.ShouldBe(8);
        first.Message.ShouldBe("8 créneaux créés avec succès.");

        var again = await app.GenerateAsync(structure.Id, D("2028-02-26"), D("2028-03-01"), ("09:30", "12:00"), ("14:00", "18:00"));
        again.Created.ShouldBe(2);
        again.AlreadyExisting.ShouldBe(8);
        again.Message.ShouldBe("2 créneaux créés avec succès (8 existaient déjà).");
        (await SlotsAsync(structure.Id)).Count(s => s.Date == D("2028-02-29")).ShouldBe(2);
        (await SlotsAsync(structure.Id)).Count.ShouldBe(10);
    }

    [Fact]
    public async Task One_day_when_To_is_empty_with_overlapping_ranges()
    {
        var structure = await app.CreateStructureAsync("Un jour");
        var result = await app.GenerateAsync(structure.Id, D("2025-06-04"), null, ("09:30", "12:00"), ("10:00", "11:00"), ("09:30", "12:00"));
        result.Created.ShouldBe(2, "the same range twice is one slot, an overlapping one is another");
        (await SlotsAsync(structure.Id)).ShouldAllBe(s => s.Date == D("2025-06-04"));
    }

    [Fact]
    public async Task Only_the_ticked_weekdays_and_no_public_holiday_when_asked()
    {
        var structure = await app.CreateStructureAsync("Fériés");
        // April–May 2025: Easter Monday 21/04, 1st May (Thursday), 8th May (Thursday), Ascension 29/05 (Thursday).
        var result = await SlotServiceAsync(structure.Id, s => s.GenerateAsync(new SlotGenerationInput
        {
            From = D("2025-04-01"),
            To = D("2025-05-31"),
            Days = [DayOfWeek.Monday, DayOfWeek.Thursday],
            Ranges = [new TimeRangeInput { Start = new TimeOnly(14, 0), End = new TimeOnly(18, 0) }],
            SkipPublicHolidays = true,
        }));
        var slots = await SlotsAsync(structure.Id);
        slots.ShouldAllBe(s => s.Date.DayOfWeek == DayOfWeek.Monday || s.Date.DayOfWeek == DayOfWeek.Thursday);
        slots.Select(s => s.Date).ShouldNotContain(D("2025-04-21"));
        slots.Select(s => s.Date).ShouldNotContain(D("2025-05-01"));
        slots.Select(s => s.Date).ShouldNotContain(D("2025-05-08"));
        slots.Select(s => s.Date).ShouldNotContain(D("2025-05-29"));
        // 8 Mondays + 9 Thursdays in April–May 2025, less the 4 holidays.
        result.Created.ShouldBe(13);
        result.HolidaysSkipped.ShouldBe(4);
        slots.Count.ShouldBe(13);
    }

    [Theory]
    [InlineData("2025-06-10", "2025-06-01", "09:30", "12:00", true, "La date de fin (01/06/2025) est avant la date de début (10/06/2025).")]
    [InlineData("2025-06-01", "2025-06-10", "12:00", "09:30", true, "La plage 12:00 - 09:30 se termine avant de commencer.")]
    [InlineData("2025-06-01", "2025-06-10", "09:30", "12:00", false, "Cochez au moins un jour de la semaine.")]
    [InlineData("2025-06-01", "2045-06-10", "09:30", "12:00", true, "La période ne peut pas dépasser 10 ans.")]
    public async Task Impossible_requests_are_refused_in_French_and_write_nothing(string from, string to, string start, string end, bool days, string message)
    {
        var structure = await app.CreateStructureAsync("Refus");
        var ex = await Should.ThrowAsync<BusinessException>(() => SlotServiceAsync(structure.Id, s => s.GenerateAsync(new SlotGenerationInput
        {
            From = D(from),
            To = D(to),
            Days = days ? [DayOfWeek.Monday] : [],
            Ranges = [new TimeRangeInput { Start = TimeOnly.Parse(start), End = TimeOnly.Parse(end) }],
        })));
        ex.Message.ShouldBe(message);
        (await SlotsAsync(structure.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Deleting_keeps_the_slots_with_presences_and_says_which()
    {
        var structure = await app.CreateStructureAsync("Suppression");
        await app.GenerateAsync(structure.Id, D("2025-06-02"), D("2025-06-06"), ("09:30", "12:00"), ("14:00", "18:00"));
        var family = await app.FamilyAsync(structure.Id, "DUPONT", ("Léa", D("2018-04-02")));
        var kept = (await SlotsAsync(structure.Id)).Single(s => s.Date == D("2025-06-04") && s.Start == new TimeOnly(14, 0));
        await app.InAsync(structure.Id, sp => sp.GetRequiredService<PresenceService>()
            .RecordAsync(new StaffPresenceInput { SlotId = kept.Id, PersonIds = [family.PersonIds[0]] }));

        // Afternoons from Tuesday to Friday only.
        var result = await SlotServiceAsync(structure.Id, s => s.DeleteAsync(new SlotDeletionInput
        {
            From = D("2025-06-01"),
            To = D("2025-06-30"),
            Days = [DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
            Start = new TimeOnly(13, 0),
            End = new TimeOnly(19, 0),
        }));
        result.Deleted.ShouldBe(3);
        result.Message.ShouldBe("3 créneaux supprimés. 1 créneau conservé car des présences y sont enregistrées : mer. 04/06/2025 14:00 - 18:00.");
        var left = await SlotsAsync(structure.Id);
        left.Count.ShouldBe(7);
        left.ShouldContain(s => s.Id == kept.Id);
        left.Count(s => s.Start == new TimeOnly(9, 30)).ShouldBe(5);
    }

    [Fact]
    public async Task Two_simultaneous_generations_of_the_same_period_give_one_slot_each()
    {
        var structure = await app.CreateStructureAsync("Concurrence créneaux");
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            app.GenerateAsync(structure.Id, D("2026-01-05"), D("2026-03-31"), ("09:30", "12:00"), ("14:00", "18:00"))));
        var slots = await SlotsAsync(structure.Id);
        slots.Count.ShouldBe(86 * 2);
        results.Sum(r => r.Created).ShouldBe(slots.Count);
    }
}

[Collection(PostgresCollection.Postgres)]
public sealed class PostgresSlotTests(PostgresLudothequeFactory app) : SlotTests(app);

[Collection(SqliteCollection.Sqlite)]
public sealed class SqliteSlotTests(SqliteLudothequeFactory app) : SlotTests(app);
