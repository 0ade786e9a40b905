using System.Security.Claims;

namespace CentresConnectes.Platform.Infrastructure;

/// <summary>Claims the platform puts in the session cookie.</summary>
public static class PlatformClaims
{
    public const string TenantId = "cc_tenant";
    public const string DisplayName = "cc_name";
    public const string ImpersonatorId = "cc_imp_id";
    public const string ImpersonatorName = "cc_imp_name";
    public const string ImpersonationExpiresUtc = "cc_imp_exp";
    public const string SecurityStamp = "AspNet.Identity.SecurityStamp";

    public static Guid? GetGuid(this ClaimsPrincipal principal, string type) =>
        Guid.TryParse(principal.FindFirstValue(type), out var id) ? id : null;

    public static Guid? GetUserId(this ClaimsPrincipal principal) => principal.GetGuid(ClaimTypes.NameIdentifier);

    public static Guid? GetTenantId(this ClaimsPrincipal principal) => principal.GetGuid(TenantId);
}
