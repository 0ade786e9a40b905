using System.Collections.Concurrent;
using CentresConnectes.Platform.Contracts;

namespace CentresConnectes.Platform.Infrastructure;

/// <summary>
/// The devices recently resolved from their credential (by its hash), so that a kiosk's pages, VALIDER
/// and its counter's polling do not each read the device and its structure's state again (ADR 0022).
/// Revoking a device or suspending a structure forgets its entries at once, in this process; an entry
/// is read again from the database after <see cref="Lifetime"/> whatever happens, for a change made
/// elsewhere (another process, an SQL console).
/// </summary>
public sealed class KioskDeviceCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private sealed record Entry(KioskDeviceInfo Device, DateTime ReadAtUtc);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    internal KioskDeviceInfo? Find(byte[] hash)
    {
        var key = Convert.ToBase64String(hash);
        if (!_entries.TryGetValue(key, out var entry))
            return null;
        if (clock.GetUtcNow().UtcDateTime - entry.ReadAtUtc < Lifetime)
            return entry.Device;
        _entries.TryRemove(KeyValuePair.Create(key, entry));
        return null;
    }

    internal void Remember(byte[] hash, KioskDeviceInfo device) =>
        _entries[Convert.ToBase64String(hash)] = new Entry(device, clock.GetUtcNow().UtcDateTime);

    internal void ForgetDevice(Guid deviceId) => Forget(d => d.DeviceId == deviceId);

    internal void ForgetStructure(Guid tenantId) => Forget(d => d.TenantId == tenantId);

    private void Forget(Func<KioskDeviceInfo, bool> which)
    {
        foreach (var (key, entry) in _entries)
            if (which(entry.Device))
                _entries.TryRemove(KeyValuePair.Create(key, entry));
    }
}
