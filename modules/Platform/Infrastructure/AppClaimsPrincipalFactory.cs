using System.Security.Claims;
using CentresConnectes.Platform.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CentresConnectes.Platform.Infrastructure;

/// <summary>
/// Adds the account's structure (the only source of the current tenant) and display name; the name claim
/// (ICurrentUser.UserName: audit entries, a campaign's author) is the shown name, never a technical one.
/// </summary>
internal sealed class AppClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<AppRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.ShownName != user.UserName && identity.FindFirst(identity.NameClaimType) is { } name)
        {
            identity.RemoveClaim(name);
            identity.AddClaim(new Claim(identity.NameClaimType, user.ShownName));
        }
        if (user.TenantId is { } tenantId)
            identity.AddClaim(new Claim(PlatformClaims.TenantId, tenantId.ToString()));
        identity.AddClaim(new Claim(PlatformClaims.DisplayName, user.DisplayName));
        return identity;
    }
}
