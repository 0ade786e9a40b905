namespace CentresConnectes.TestSupport;

/// <summary>
/// The real clock shifted by an offset the test sets: time keeps flowing (timeouts, leases), but a test
/// can stand on a Tuesday at 10:00 in Paris, move past a session's lifetime or a deadline — and must put
/// it back (<see cref="Reset"/>) before its host serves the next test.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
        set => Interlocked.Exchange(ref _offsetTicks, value.Ticks);
    }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public void Reset() => Offset = TimeSpan.Zero;

    /// <summary>Moves the clock to <paramref name="utc"/> (time flows on from there).</summary>
    public void Set(DateTime utc) => Offset = DateTime.SpecifyKind(utc, DateTimeKind.Utc) - System.GetUtcNow().UtcDateTime;
}
