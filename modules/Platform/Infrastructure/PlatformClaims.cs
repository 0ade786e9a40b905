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
    /// <summary>The impersonator's security stamp when the impersonation began: a new password or a disabled account ends it.</summary>
    public const string ImpersonatorSecurityStamp = "cc_imp_stamp";
    /// <summary>When the person signed in with their password (Unix seconds): the session's absolute lifetime counts from it.</summary>
    public const string SessionStartedUtc = "cc_started";
    public const string SecurityStamp = "AspNet.Identity.SecurityStamp";

    public static Guid? GetGuid(this ClaimsPrincipal principal, string type) =>
        Guid.TryParse(principal.FindFirstValue(type), out var id) ? id : null;

    public static Guid? GetUserId(this ClaimsPrincipal principal) => principal.GetGuid(ClaimTypes.NameIdentifier);

    public static Guid? GetTenantId(this ClaimsPrincipal principal) => principal.GetGuid(TenantId);
}
