using System.Collections.Concurrent;

namespace CentresConnectes.Platform.Infrastructure.Security;

/// <summary>
/// Counts failures per key (an address, an account and an address…) over a sliding window, in
/// memory: a single application instance serves an installation. A key reaching its limit is
/// blocked until the window of its last failure ends.
/// </summary>
public sealed class FailureCounter(TimeProvider clock)
{
    private sealed class Entry
    {
        public int Count;
        public DateTimeOffset WindowEnd;
    }

    private readonly ConcurrentDictionary<string, Entry> _entries = new();

    public bool IsBlocked(string key, int limit)
    {
        if (!_entries.TryGetValue(key, out var entry))
            return false;
        lock (entry)
            return entry.WindowEnd > clock.GetUtcNow() && entry.Count >= limit;
    }

    /// <summary>Records one failure; true when this one reaches <paramref name="limit"/> (the moment the key becomes blocked).</summary>
    public bool RecordFailure(string key, int limit, TimeSpan window)
    {
        var now = clock.GetUtcNow();
        Prune(now);
        var entry = _entries.GetOrAdd(key, _ => new Entry());
        lock (entry)
        {
            if (entry.WindowEnd <= now)
                entry.Count = 0;
            entry.Count++;
            entry.WindowEnd = now + window;
            return entry.Count == limit;
        }
    }

    public void Reset(string key) => _entries.TryRemove(key, out _);

    /// <summary>Forgets every key starting with <paramref name="prefix"/> (all the locks of one account).</summary>
    public void ResetPrefix(string prefix)
    {
        foreach (var key in _entries.Keys)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal))
                _entries.TryRemove(key, out _);
        }
    }

    private void Prune(DateTimeOffset now)
    {
        if (_entries.Count < 10_000)
            return;
        foreach (var (key, entry) in _entries)
        {
            if (entry.WindowEnd <= now)
                _entries.TryRemove(key, out _);
        }
    }
}
