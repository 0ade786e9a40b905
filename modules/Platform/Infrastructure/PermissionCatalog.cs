using System.Security.Claims;
using CentresConnectes.Platform.Contracts;
using Microsoft.AspNetCore.Authorization;

namespace CentresConnectes.Platform.Infrastructure;

/// <summary>Every permission declared by the modules, and who holds it.</summary>
public sealed class PermissionCatalog
{
    private readonly PermissionDefinitionContext _definitions;

    public PermissionCatalog(IEnumerable<IModule> modules)
    {
        _definitions = new PermissionDefinitionContext();
        foreach (var module in modules)
            module.DefinePermissions(_definitions);
    }

    public IReadOnlyCollection<PermissionDefinition> All => _definitions.All;

    public PermissionDefinition? Find(string name) => _definitions.Find(name);

    /// <summary>
    /// A permission is granted through the user's roles. A tenant permission also needs a structure:
    /// the super-admin at host level holds none until entering a structure.
    /// </summary>
    public bool IsGranted(ClaimsPrincipal principal, string permission)
    {
        if (principal.Identity?.IsAuthenticated != true)
            return false;
        var definition = _definitions.Find(permission);
        if (definition is null)
            return false;
        if (!definition.HostOnly && principal.GetTenantId() is null)
            return false;
        if (definition.HostOnly && principal.GetTenantId() is not null)
            return false;
        return definition.GrantedToRoles.Any(principal.IsInRole);
    }
}

internal sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

internal sealed class PermissionHandler(PermissionCatalog catalog) : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (catalog.IsGranted(context.User, requirement.Permission))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

/// <summary>Builds "Permission:X" policies on demand, so modules only declare permissions.</summary>
internal sealed class PermissionPolicyProvider(Microsoft.Extensions.Options.IOptions<AuthorizationOptions> options)
    : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (policyName.StartsWith(RequirePermissionAttribute.PolicyPrefix, StringComparison.Ordinal))
        {
            return new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .AddRequirements(new PermissionRequirement(policyName[RequirePermissionAttribute.PolicyPrefix.Length..]))
                .Build();
        }
        return await base.GetPolicyAsync(policyName);
    }
}
