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

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
}
