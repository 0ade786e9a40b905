using System.Globalization;
using CentresConnectes.Platform.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CentresConnectes.Platform.Infrastructure;

/// <summary>
/// Checks every authenticated request against the database (one indexed read): a disabled account,
/// a changed security stamp, a suspended structure or an expired impersonation ends the session at once.
/// </summary>
internal static class SessionValidator
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var userId = principal?.GetUserId();
        if (principal is null || userId is null)
        {
            await RejectAsync(context);
            return;
        }

        var db = context.HttpContext.RequestServices.GetRequiredService<AppDbContext>();
        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
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
            valid = valid && impersonatorId is not null
                && await db.Users.AnyAsync(u => u.Id == impersonatorId && u.IsActive, context.HttpContext.RequestAborted);
        }

        if (!valid)
            await RejectAsync(context);
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(context.Scheme.Name);
    }
}
