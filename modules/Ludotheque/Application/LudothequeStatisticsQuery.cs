using CentresConnectes.Ludotheque.Contracts;
using CentresConnectes.Ludotheque.Domain;
using CentresConnectes.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.Ludotheque.Application;

/// <summary>The ludothèque's projections for statistics (the context's tenant filter applies to every table).</summary>
internal sealed class LudothequeStatisticsQuery(AppDbContext db) : ILudothequeStatisticsQuery
{
    public IQueryable<SlotFacts> Slots => db.Set<Slot>().AsNoTracking().Select(s => new SlotFacts
    {
        Id = s.Id,
        Date = s.Date,
        Start = s.Start,
        End = s.End,
    });

    public IQueryable<PresenceFacts> Presences => db.Set<Presence>().AsNoTracking()
        .Join(db.Set<Slot>(), p => p.SlotId, s => s.Id, (p, s) => new PresenceFacts
        {
            Id = p.Id,
            SlotId = p.SlotId,
            Date = s.Date,
            PersonId = p.PersonId,
            HouseholdId = p.HouseholdId,
        });

    public IQueryable<PresenceCountFacts> PresenceCounts(DateOnly from, DateOnly to, bool monthly = false)
    {
        var split = PeriodSplit.Of(from, to, monthly);
        // One UNION ALL part per kind of row the period has: the whole years' tallies, the whole months'
        // tallies, each run of days' presences (at most two). A part of its own for each span keeps each
        // one a range of the tallies' key (« Span = 2 AND Start IN (…) OR Span = 1 AND … » read the
        // whole index); the key includes the count on PostgreSQL, so the tallies are read from it alone.
        var parts = new List<IQueryable<PresenceCountFacts>>();
        if (split.Years.Count > 0)
            parts.Add(Tallies(TallySpan.Year, split.Years));
        if (split.Months.Count > 0)
            parts.Add(Tallies(TallySpan.Month, split.Months));
        foreach (var (first, last) in split.Days)
            parts.Add(Presences.Where(p => p.Date >= first && p.Date <= last)
                .Select(p => new PresenceCountFacts { PersonId = p.PersonId, HouseholdId = p.HouseholdId, Date = p.Date, Count = 1 }));
        // A period has at least one day, so at least one part.
        return parts.Skip(1).Aggregate(parts[0], (all, part) => all.Concat(part));
    }

    private IQueryable<PresenceCountFacts> Tallies(TallySpan span, List<DateOnly> starts) =>
        db.Set<PresenceTally>().AsNoTracking()
            .Where(t => t.Span == span && starts.Contains(t.Start))
            .Select(t => new PresenceCountFacts
            {
                PersonId = t.PersonId,
                HouseholdId = t.HouseholdId == PresenceTally.NoHousehold ? null : t.HouseholdId,
                Date = t.Start,
                Count = t.Count,
            });
}

/// <summary>A period as whole calendar years, whole months outside them, and the runs of days left (at most two).</summary>
internal sealed record PeriodSplit(List<DateOnly> Years, List<DateOnly> Months, List<(DateOnly From, DateOnly To)> Days)
{
    public static PeriodSplit Of(DateOnly from, DateOnly to, bool monthly)
    {
        var split = new PeriodSplit([], [], []);
        for (var day = from; day <= to;)
        {
            if (!monthly && day is { Month: 1, Day: 1 } && day.AddYears(1).AddDays(-1) <= to)
            {
                split.Years.Add(day);
                day = day.AddYears(1);
            }
            else if (day.Day == 1 && day.AddMonths(1).AddDays(-1) <= to)
            {
                split.Months.Add(day);
                day = day.AddMonths(1);
            }
            else
            {
                var monthEnd = new DateOnly(day.Year, day.Month, 1).AddMonths(1).AddDays(-1);
                var end = monthEnd < to ? monthEnd : to;
                split.Days.Add((day, end));
                day = end.AddDays(1);
            }
        }
        return split;
    }
}
