using System.Security.Cryptography;
using System.Text;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.Platform.Domain;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.Platform.Application;

public sealed record KioskDeviceView(Guid Id, string Name, DateTime EnrolledAtUtc, DateTime? LastSeenAtUtc, DateTime? RevokedAtUtc)
{
    public string EnrolledOn => ParisTime.FormatDateTime(EnrolledAtUtc);
    public string? LastSeen => LastSeenAtUtc is { } seen ? ParisTime.FormatDateTime(seen) : null;
    public bool IsActive => RevokedAtUtc is null;
}

/// <summary>
/// The "device context" of anonymous kiosk pages: staff enrol a device for their structure (a long-lived,
/// revocable credential, not a staff session left open), and kiosk pages find the structure from it.
/// The permission to enrol belongs to the module whose kiosk it is (its pages declare it).
/// </summary>
public sealed class KioskDeviceService(AppDbContext db, ICurrentTenant tenant, ICurrentUser user, IAuditLog audit, TimeProvider clock,
    KioskDeviceCache cache)
{
    public const string CookieName = "cc.borne";
    /// <summary>A kiosk stays enrolled for years; staff revoke it when the tablet is lost or replaced.</summary>
    public static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(5 * 365);

    public async Task<IReadOnlyList<KioskDeviceView>> ListAsync(CancellationToken ct = default)
    {
        tenant.RequireId();
        return await db.KioskDevices.AsNoTracking().OrderByDescending(d => d.EnrolledAtUtc)
            .Select(d => new KioskDeviceView(d.Id, d.Name, d.EnrolledAtUtc, d.LastSeenAtUtc, d.RevokedAtUtc))
            .ToListAsync(ct);
    }

    /// <summary>Enrols a device for the current structure; returns the secret for its cookie (never stored in clear).</summary>
    public async Task<(Guid Id, string Token)> EnrolAsync(string? name, CancellationToken ct = default)
    {
        tenant.RequireId();
        var userId = user.Id ?? throw new BusinessException("Connectez-vous d'abord.");
        var label = Fields.Required(name, "Nom de la borne", KioskDevice.NameMaxLength);
        var token = NewToken();
        var device = new KioskDevice(label, Hash(token), userId, clock.GetUtcNow().UtcDateTime);
        db.KioskDevices.Add(device);
        audit.Record("Borne installée", "Borne", device.Id.ToString(), label);
        await db.SaveChangesAsync(ct);
        return (device.Id, token);
    }

    public async Task RevokeAsync(Guid id, CancellationToken ct = default)
    {
        tenant.RequireId();
        var device = await db.KioskDevices.SingleOrDefaultAsync(d => d.Id == id, ct) ?? throw new EntityNotFoundException("Borne", id);
        device.Revoke(clock.GetUtcNow().UtcDateTime);
        audit.Record("Borne retirée", "Borne", device.Id.ToString(), device.Name);
        await db.SaveChangesAsync(ct);
        cache.ForgetDevice(device.Id);
    }

    /// <summary>
    /// The active device a presented credential belongs to, or null (unknown, malformed, revoked, or its
    /// structure suspended). Called before any structure is known: the lookup is by hash alone.
    /// </summary>
    public async Task<KioskDeviceInfo?> ResolveAsync(string? presented, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(presented) || presented.Length > 100)
            return null;
        var hash = Hash(presented);
        if (cache.Find(hash) is { } known)
            return known;
        // cross-tenant: the credential is what tells the structure; the hash is unique across the installation. (test: A_kiosk_without_a_valid_device_credential_serves_nothing)
        // One round trip with its structure's state: every kiosk request (page, VALIDER, counter) starts here.
        var found = await db.KioskDevices.IgnoreQueryFilters().Where(d => d.TokenHash == hash)
            .Select(d => new { Device = d, StructureActive = db.Structures.Any(s => s.Id == d.TenantId && s.IsActive) })
            .SingleOrDefaultAsync(ct);
        if (found is not { StructureActive: true, Device.IsActive: true })
            return null;
        var device = found.Device;
        var now = clock.GetUtcNow().UtcDateTime;
        // Written at most every 10 minutes: a kiosk polling its counter must not write on every read.
        if (device.LastSeenAtUtc is null || now - device.LastSeenAtUtc > TimeSpan.FromMinutes(10))
        {
            // cross-tenant: the device's own row, written in its own structure (no structure is current yet). (test: A_revoked_kiosk_is_refused_at_once_even_with_a_page_open)
            using (tenant.Change(device.TenantId))
            {
                device.LastSeenAtUtc = now;
                await db.SaveChangesAsync(ct);
            }
        }
        var info = new KioskDeviceInfo(device.Id, device.TenantId, device.Name);
        cache.Remember(hash, info);
        return info;
    }

    /// <summary>Gives the device its credential: HttpOnly (scripts never see it), same-site only.</summary>
    public static void WriteCookie(HttpResponse response, string token) =>
        response.Cookies.Append(CookieName, token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = response.HttpContext.Request.IsHttps,
            IsEssential = true,
            Path = "/",
            MaxAge = CookieLifetime,
        });

    public static string? ReadCookie(HttpRequest request) => request.Cookies[CookieName];

    internal static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    internal static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
