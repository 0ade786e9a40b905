using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;

namespace CentresConnectes.Ludotheque.Domain;

/// <summary>
/// An opening slot (créneau) of the ludothèque. Kept as the Paris wall-clock date and times staff
/// chose — a 09:30 slot stays 09:30 in March and in October — plus the UTC instants they stand for,
/// computed once at creation, which is what "is it open now?" compares with.
/// </summary>
public sealed class Slot : IMultiTenant
{
    private Slot() { }

    public Slot(DateOnly date, TimeOnly start, TimeOnly end)
    {
        if (end <= start)
            throw new ArgumentException("A slot ends after it starts.", nameof(end));
        Id = Guid.CreateVersion7();
        Date = date;
        Start = start;
        End = end;
        StartsAtUtc = ParisTime.ToUtc(date, start);
        EndsAtUtc = ParisTime.ToUtc(date, end);
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public DateOnly Date { get; private set; }
    public TimeOnly Start { get; private set; }
    public TimeOnly End { get; private set; }
    public DateTime StartsAtUtc { get; private set; }
    public DateTime EndsAtUtc { get; private set; }

    /// <summary>« 09:30 - 12:00 », the mock-up's way of naming a slot.</summary>
    public string TimeRangeText => SlotTimes.Text(Start, End);
}

public static class SlotTimes
{
    public static string Text(TimeOnly start, TimeOnly end) => $"{ParisTime.FormatTime(start)} - {ParisTime.FormatTime(end)}";
}
