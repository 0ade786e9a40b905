namespace CentresConnectes.TestSupport;

/// <summary>
/// The application's clock: real time plus an offset a test may move forward (a session's absolute
/// lifetime, an expiry) — and must put back (<see cref="Reset"/>) before its host serves the next test.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private long _offsetTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public void Reset() => Interlocked.Exchange(ref _offsetTicks, 0);

    /// <summary>Moves the clock to a given instant ("the slot open now" in the ludothèque's tests).</summary>
    public void Set(DateTime utc) =>
        Interlocked.Exchange(ref _offsetTicks, (DateTime.SpecifyKind(utc, DateTimeKind.Utc) - System.GetUtcNow().UtcDateTime).Ticks);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
}
