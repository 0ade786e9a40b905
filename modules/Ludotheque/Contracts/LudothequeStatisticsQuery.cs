namespace CentresConnectes.Ludotheque.Contracts;

/// <summary>An opening slot: its Paris date and wall-clock times.</summary>
public sealed class SlotFacts
{
    public Guid Id { get; init; }
    public DateOnly Date { get; init; }
    public TimeOnly Start { get; init; }
    public TimeOnly End { get; init; }
}

/// <summary>One person present in one slot, with the slot's date.</summary>
public sealed class PresenceFacts
{
    public Guid Id { get; init; }
    public Guid SlotId { get; init; }
    public DateOnly Date { get; init; }
    public Guid PersonId { get; init; }
    /// <summary>The family the person came with (null when staff recorded a person alone).</summary>
    public Guid? HouseholdId { get; init; }
}

/// <summary>
/// Some presences of one person, counted: <see cref="Count"/> presences with that household on the
/// days <see cref="Date"/> stands for (a year or a month from its first day, or that one day).
/// </summary>
public sealed class PresenceCountFacts
{
    public Guid PersonId { get; init; }
    /// <summary>The family the person came with (null when staff recorded a person alone).</summary>
    public Guid? HouseholdId { get; init; }
    public DateOnly Date { get; init; }
    public int Count { get; init; }
}

/// <summary>
/// Slots and presences of the current structure as composable queries (tenant-filtered), so the
/// statistics are computed by the database: no presence is loaded into memory to be counted.
/// </summary>
public interface ILudothequeStatisticsQuery
{
    IQueryable<SlotFacts> Slots { get; }

    IQueryable<PresenceFacts> Presences { get; }

    /// <summary>
    /// The presences of the days <paramref name="from"/>–<paramref name="to"/>, counted: summed per person
    /// (and household) they are exactly those of <see cref="Presences"/> over the same days, read from
    /// the yearly and monthly tallies for the whole years and months of the period (a year: one row a
    /// person) and from the presences for the days around them. <paramref name="monthly"/>: no yearly
    /// rows, so that every row falls in one calendar month.
    /// </summary>
    IQueryable<PresenceCountFacts> PresenceCounts(DateOnly from, DateOnly to, bool monthly = false);
}
