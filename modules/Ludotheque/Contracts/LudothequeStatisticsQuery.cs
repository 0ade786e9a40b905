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
/// Slots and presences of the current structure as composable queries (tenant-filtered), so the
/// statistics are computed by the database: no presence is loaded into memory to be counted.
/// </summary>
public interface ILudothequeStatisticsQuery
{
    IQueryable<SlotFacts> Slots { get; }

    IQueryable<PresenceFacts> Presences { get; }
}
