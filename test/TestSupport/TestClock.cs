using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;

namespace CentresConnectes.TestSupport;

/// <summary>
/// The real clock shifted by an offset the test sets: time keeps flowing (timeouts, leases), but a test
/// can stand on a Tuesday at 10:00 in Paris, move past a session's lifetime or a deadline — or stop
/// time at an instant (<see cref="Freeze"/>) when it compares recorded times exactly. A test puts it
/// back (<see cref="Reset"/>) before its host serves the next test.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private long _offsetTicks;
    private long _frozenTicks; // 0: not frozen

    public TimeSpan Offset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
        set => Interlocked.Exchange(ref _offsetTicks, value.Ticks);
    }

    public override DateTimeOffset GetUtcNow() => Interlocked.Read(ref _frozenTicks) is var frozen and not 0
        ? new DateTimeOffset(frozen, TimeSpan.Zero)
        : System.GetUtcNow() + Offset;

    public void Advance(TimeSpan by)
    {
        Interlocked.Add(ref _offsetTicks, by.Ticks);
        if (Interlocked.Read(ref _frozenTicks) != 0)
            Interlocked.Add(ref _frozenTicks, by.Ticks);
    }

    public void Reset()
    {
        Offset = TimeSpan.Zero;
        Interlocked.Exchange(ref _frozenTicks, 0);
    }

    /// <summary>Moves the clock to <paramref name="utc"/> (time flows on from there).</summary>
    public void Set(DateTime utc) => Offset = DateTime.SpecifyKind(utc, DateTimeKind.Utc) - System.GetUtcNow().UtcDateTime;

    /// <summary>Stops the clock at <paramref name="utc"/> until <see cref="Reset"/>.</summary>
    public void Freeze(DateTime utc) => Interlocked.Exchange(ref _frozenTicks, DateTime.SpecifyKind(utc, DateTimeKind.Utc).Ticks);

    /// <summary>
    /// <paramref name="parisTime"/> on the next Tuesday at least a day after <paramref name="utcNow"/> that
    /// is not a public holiday and whose Wednesday is not one either: SMS go on such a day, and the
    /// tests that send « tomorrow » see them go tomorrow.
    /// </summary>
    public static DateTime WorkingTuesdayUtc(DateTime utcNow, TimeOnly parisTime)
    {
        var date = DateOnly.FromDateTime(utcNow).AddDays(1);
        while (date.DayOfWeek != DayOfWeek.Tuesday || FrenchHolidays.IsPublicHoliday(date) || FrenchHolidays.IsPublicHoliday(date.AddDays(1)))
            date = date.AddDays(1);
        return ParisTime.ToUtc(date, parisTime);
    }
}
