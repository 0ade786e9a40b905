using CentresConnectes.Ludotheque.Application;
using CentresConnectes.Ludotheque.Contracts;
using CentresConnectes.Ludotheque.Domain;
using CentresConnectes.Members.Application;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace CentresConnectes.Ludotheque.Tests;

/// <summary>
/// The presence tallies (ADR 0021) are kept by the database's triggers: whatever writes or removes
/// presences, the counts read through them are those of the presences, for any period.
/// </summary>
public abstract class PresenceTallyTests(LudothequeFactory app)
{
    private static DateOnly D(string text) => DateOnly.Parse(text);

    [Fact]
    public async Task Counts_of_any_period_are_those_of_the_presences_after_writes_and_removals()
    {
        var structure = await app.CreateStructureAsync("Décomptes");
        var neighbour = await app.CreateStructureAsync("Décomptes voisins");
        await app.GenerateAsync(structure.Id, D("2024-12-20"), D("2026-01-10"), ("09:30", "12:00"), ("14:00", "18:00"));
        await app.GenerateAsync(neighbour.Id, D("2025-03-01"), D("2025-03-02"), ("14:00", "18:00"));
        var family = await app.FamilyAsync(structure.Id, "MARTIN", ("Sophie", D("1985-03-14")), ("Léa", D("2016-05-20")), ("Noé", D("2020-09-01")));
        var other = await app.FamilyAsync(structure.Id, "DIALLO", ("Awa", D("1990-01-02")), ("Moussa", D("2014-07-08")));
        // A person alone (no household): their presences carry none.
        var alone = await app.InAsync(structure.Id, sp => sp.GetRequiredService<PersonService>()
            .CreateAsync(new PersonInput { LastName = "SEUL", FirstName = "Jean", DateOfBirth = D("1950-02-03") }));
        var persons = family.PersonIds.Concat(other.PersonIds).Append(alone).ToList();
        var slots = await app.DbAsync(structure.Id, db => db.Set<Slot>().AsNoTracking().OrderBy(s => s.StartsAtUtc).ToListAsync());

        var random = new Random(21);
        foreach (var slot in slots.Where((_, i) => i % 7 == 0 || i < 30 || i > slots.Count - 30))
        {
            var who = persons.Where(_ => random.Next(3) > 0).ToList();
            if (who.Count > 0)
                await app.InAsync(structure.Id, sp => sp.GetRequiredService<PresenceService>().RecordAsync(new StaffPresenceInput { SlotId = slot.Id, PersonIds = who }));
        }
        // The same persons again in one slot (a second tablet, a replay): the ones already present are
        // skipped by the unique index, and a skipped row counts nothing.
        for (var time = 0; time < 2; time++)
        {
            var again = await app.InAsync(structure.Id, sp => sp.GetRequiredService<PresenceService>().RecordAsync(new StaffPresenceInput { SlotId = slots[1].Id, PersonIds = persons }));
            if (time == 1)
                again.ShouldBe(new CheckInResult(0, persons.Count));
        }
        var neighbourFamily = await app.FamilyAsync(neighbour.Id, "VOISIN", ("Paul", D("1980-01-01")));
        var neighbourSlot = await app.DbAsync(neighbour.Id, db => db.Set<Slot>().AsNoTracking().FirstAsync());
        await app.InAsync(neighbour.Id, sp => sp.GetRequiredService<PresenceService>().RecordAsync(new StaffPresenceInput { SlotId = neighbourSlot.Id, PersonIds = [.. neighbourFamily.PersonIds] }));
        // Removals (one of a month that then has no presence left for that person among them).
        var removed = await app.DbAsync(structure.Id, db => db.Set<Presence>().AsNoTracking().OrderBy(p => p.ArrivedAtUtc).Select(p => p.Id).Take(12).ToListAsync());
        foreach (var id in removed.Where((_, i) => i % 2 == 0))
            await app.InAsync(structure.Id, async sp =>
            {
                await sp.GetRequiredService<PresenceService>().RemoveAsync(id, "Erreur de saisie");
                return true;
            });

        // Bulk writes (an import, a load): one statement writes several presences of one person in one
        // month, one statement removes six of them — the tallies count each presence once (the period
        // checks below, June's among them).
        var hisSlots = await app.DbAsync(structure.Id, db => db.Set<Presence>().Where(p => p.PersonId == alone).Select(p => p.SlotId).ToListAsync());
        var june = slots.Where(s => s.Date.Year == 2025 && s.Date.Month == 6 && !hisSlots.Contains(s.Id)).Take(8).ToList();
        var bulk = june.Select(s => new Presence(s.Id, alone, null, s.StartsAtUtc, PresenceSource.Staff, null, null, null)).ToList();
        (await app.InAsync(structure.Id, sp => BulkInsert.InsertNewAsync(sp.GetRequiredService<AppDbContext>(), bulk, default))).ShouldBe(8);
        var bulkIds = bulk.Select(b => b.Id).ToList();
        (await app.DbAsync(structure.Id, db => db.Set<Presence>().Where(p => bulkIds.Skip(2).Contains(p.Id)).ExecuteDeleteAsync())).ShouldBe(6);

        (await app.DbAsync(structure.Id, db => db.Set<Presence>().CountAsync())).ShouldBeGreaterThan(300);
        (await app.DbAsync(structure.Id, db => db.Set<PresenceTally>().CountAsync(t => t.Count <= 0))).ShouldBe(0, "a tally that falls to 0 is removed");

        (DateOnly, DateOnly, bool)[] periods =
        [
            (D("2025-01-01"), D("2025-12-31"), false), // a whole year
            (D("2025-01-01"), D("2025-12-31"), true), // the same, month by month
            (D("2024-12-20"), D("2026-01-10"), false), // days, a year, days
            (D("2024-12-01"), D("2026-01-31"), false), // a month, a year, a month
            (D("2025-01-15"), D("2025-03-10"), false), // days, a month, days
            (D("2025-02-01"), D("2025-02-28"), false), // one month
            (D("2025-06-01"), D("2025-06-30"), false), // the month of the bulk writes
            (slots[70].Date, slots[70].Date, false), // one day (its morning has presences)
            (D("2024-12-31"), D("2025-01-01"), true), // two days over the new year
            (D("2025-03-01"), D("2026-02-28"), false), // whole months only, over two years
        ];
        foreach (var (from, to, monthly) in periods)
        {
            var (counted, expected) = await app.InAsync(structure.Id, async sp =>
            {
                var query = sp.GetRequiredService<ILudothequeStatisticsQuery>();
                var counts = await query.PresenceCounts(from, to, monthly)
                    .GroupBy(c => new { c.PersonId, c.HouseholdId }).Select(g => new { g.Key.PersonId, g.Key.HouseholdId, Count = g.Sum(c => c.Count) })
                    .ToListAsync();
                var presences = await query.Presences.Where(p => p.Date >= from && p.Date <= to)
                    .GroupBy(p => new { p.PersonId, p.HouseholdId }).Select(g => new { g.Key.PersonId, g.Key.HouseholdId, Count = g.Count() })
                    .ToListAsync();
                if (monthly)
                {
                    var rows = await query.PresenceCounts(from, to, monthly).Select(c => c.Date).ToListAsync();
                    rows.ShouldAllBe(d => d >= new DateOnly(from.Year, from.Month, 1) && d <= to, "monthly rows fall in one month of the period");
                }
                return (counts.Select(c => (c.PersonId, c.HouseholdId, c.Count)).Order().ToList(), presences.Select(c => (c.PersonId, c.HouseholdId, c.Count)).Order().ToList());
            });
            expected.ShouldNotBeEmpty($"{from}–{to}");
            counted.ShouldBe(expected, $"{from}–{to}{(monthly ? " (monthly)" : "")}");
        }
        var aloneCounts = await app.InAsync(structure.Id, sp => sp.GetRequiredService<ILudothequeStatisticsQuery>()
            .PresenceCounts(D("2025-01-01"), D("2025-12-31")).Where(c => c.PersonId == alone).ToListAsync());
        aloneCounts.ShouldNotBeEmpty();
        aloneCounts.ShouldAllBe(c => c.HouseholdId == null, "a presence without household is counted without one");

        // The other structure counts its own presence only.
        var theirs = await app.InAsync(neighbour.Id, sp => sp.GetRequiredService<ILudothequeStatisticsQuery>().PresenceCounts(D("2024-01-01"), D("2026-12-31")).ToListAsync());
        theirs.Sum(c => c.Count).ShouldBe(1);
        theirs.ShouldAllBe(c => c.PersonId == neighbourFamily.PersonIds[0]);
        (await app.DbAsync(neighbour.Id, db => db.Set<PresenceTally>().CountAsync())).ShouldBe(2, "its month and its year");
    }

    [Theory]
    [InlineData("2025-01-01", "2025-12-31", false, "Y2025-01-01")]
    [InlineData("2025-01-01", "2025-12-31", true, "M2025-01-01 M2025-02-01 M2025-03-01 M2025-04-01 M2025-05-01 M2025-06-01 M2025-07-01 M2025-08-01 M2025-09-01 M2025-10-01 M2025-11-01 M2025-12-01")]
    [InlineData("2024-12-20", "2026-01-10", false, "D2024-12-20/2024-12-31 Y2025-01-01 D2026-01-01/2026-01-10")]
    [InlineData("2025-01-15", "2025-03-10", false, "D2025-01-15/2025-01-31 M2025-02-01 D2025-03-01/2025-03-10")]
    [InlineData("2024-02-01", "2024-02-29", false, "M2024-02-01")]
    [InlineData("2024-02-01", "2024-02-28", false, "D2024-02-01/2024-02-28")]
    [InlineData("2025-06-04", "2025-06-04", false, "D2025-06-04/2025-06-04")]
    [InlineData("2023-11-01", "2025-12-31", false, "M2023-11-01 M2023-12-01 Y2024-01-01 Y2025-01-01")]
    public void A_period_splits_into_whole_years_whole_months_and_at_most_two_runs_of_days(string from, string to, bool monthly, string expected)
    {
        var split = PeriodSplit.Of(D(from), D(to), monthly);
        var parts = split.Years.Select(y => (y, $"Y{y:yyyy-MM-dd}"))
            .Concat(split.Months.Select(m => (m, $"M{m:yyyy-MM-dd}")))
            .Concat(split.Days.Select(d => (d.From, $"D{d.From:yyyy-MM-dd}/{d.To:yyyy-MM-dd}")))
            .OrderBy(p => p.Item1).Select(p => p.Item2);
        string.Join(' ', parts).ShouldBe(expected);
    }
}

[Collection(PostgresCollection.Postgres)]
public sealed class PostgresPresenceTallyTests(PostgresLudothequeFactory app) : PresenceTallyTests(app);

[Collection(SqliteCollection.Sqlite)]
public sealed class SqlitePresenceTallyTests(SqliteLudothequeFactory app) : PresenceTallyTests(app);
