using System.Globalization;
using System.Security.Claims;
using CentresConnectes.Platform.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CentresConnectes.Platform.Infrastructure;

/// <summary>
/// Checks every authenticated request against the database (one indexed read): a disabled account,
/// a changed security stamp, a suspended structure, a session older than its absolute lifetime or an
/// expired impersonation ends the session at once. An impersonation also ends when the impersonator's
/// own stamp changes (new password, disabled account): it lives on their authority.
/// </summary>
internal static class SessionValidator
{
    /// <summary>However active, a session ends this long after the password was typed (ASVS 7.3.2).</summary>
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(12);

    /// <summary>Stamps the sign-in time on a new session; an impersonation and the way back carry the original one.</summary>
    public static Task SigningInAsync(CookieSigningInContext context)
    {
        if (context.Principal?.FindFirst(PlatformClaims.SessionStartedUtc) is null && context.Principal?.Identity is ClaimsIdentity identity)
        {
            var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
            identity.AddClaim(new Claim(PlatformClaims.SessionStartedUtc, clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        }
        return Task.CompletedTask;
    }

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var userId = principal?.GetUserId();
        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        if (principal is null || userId is null || !WithinLifetime(principal, clock))
        {
            await RejectAsync(context);
            return;
        }

        var db = context.HttpContext.RequestServices.GetRequiredService<AppDbContext>();
        var account = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new
            {
                u.IsActive,
                u.SecurityStamp,
                u.TenantId,
                StructureActive = u.TenantId == null || db.Structures.Any(s => s.Id == u.TenantId && s.IsActive),
            })
            .SingleOrDefaultAsync(context.HttpContext.RequestAborted);

        var valid = account is { IsActive: true, StructureActive: true }
            && account.SecurityStamp == principal.FindFirst(PlatformClaims.SecurityStamp)?.Value
            && account.TenantId == principal.GetTenantId();

        if (valid && principal.FindFirst(PlatformClaims.ImpersonationExpiresUtc)?.Value is { } expires)
        {
            valid = DateTimeOffset.TryParse(expires, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var until)
                && until > clock.GetUtcNow();
            var impersonatorId = principal.GetGuid(PlatformClaims.ImpersonatorId);
            var impersonatorStamp = principal.FindFirst(PlatformClaims.ImpersonatorSecurityStamp)?.Value;
            valid = valid && impersonatorId is not null && impersonatorStamp is not null
                && await db.Users.AnyAsync(u => u.Id == impersonatorId && u.IsActive && u.SecurityStamp == impersonatorStamp, context.HttpContext.RequestAborted);
        }

        if (!valid)
            await RejectAsync(context);
    }

    private static bool WithinLifetime(ClaimsPrincipal principal, TimeProvider clock) =>
        long.TryParse(principal.FindFirst(PlatformClaims.SessionStartedUtc)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var started)
        && clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(started) < AbsoluteLifetime;

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(context.Scheme.Name);
    }
}
