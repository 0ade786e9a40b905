using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace CentresConnectes.Ludotheque.Application.Kiosk;

/// <summary>The family signed in on a kiosk: which device, which household, which account (none for a QR card).</summary>
public sealed record KioskFamily(Guid DeviceId, Guid HouseholdId, Guid? FamilyUserId, bool ViaCard);

/// <summary>
/// The family's session on a shared kiosk: a data-protected cookie, separate from staff sessions, that
/// dies after <see cref="IdleTimeout"/> without activity (each kiosk page renews it) and at VALIDER.
/// Bound to the device: copied to another device, it opens nothing.
/// </summary>
public sealed class KioskFamilySession(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string CookieName = "cc.borne.famille";
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(2);

    private sealed record Envelope(KioskFamily Family, DateTime ExpiresAtUtc);

    // The expiry is in the payload, measured with the application's TimeProvider (not the machine clock).
    private readonly IDataProtector _protector = protection.CreateProtector("Ludotheque.KioskFamilySession.v1");

    public void Start(HttpContext http, KioskFamily family) =>
        http.Response.Cookies.Append(CookieName,
            _protector.Protect(JsonSerializer.Serialize(new Envelope(family, clock.GetUtcNow().UtcDateTime.Add(IdleTimeout)))),
            new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps, IsEssential = true, Path = "/ludotheque/borne" });

    /// <summary>The family of this device's session, renewed for another <see cref="IdleTimeout"/>; null when none or expired.</summary>
    public KioskFamily? Resume(HttpContext http, Guid deviceId)
    {
        var value = http.Request.Cookies[CookieName];
        if (string.IsNullOrEmpty(value) || value.Length > 4000)
            return null;
        KioskFamily? family;
        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope>(_protector.Unprotect(value));
            family = envelope is not null && envelope.ExpiresAtUtc >= clock.GetUtcNow().UtcDateTime ? envelope.Family : null;
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException or FormatException)
        {
            End(http);
            return null;
        }
        if (family is null || family.DeviceId != deviceId)
        {
            End(http);
            return null;
        }
        Start(http, family);
        return family;
    }

    public void End(HttpContext http) => http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/ludotheque/borne" });
}
