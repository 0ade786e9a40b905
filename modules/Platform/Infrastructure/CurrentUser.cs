using System.Security.Claims;
using CentresConnectes.Platform.Contracts;
using Microsoft.AspNetCore.Http;

namespace CentresConnectes.Platform.Infrastructure;

internal sealed class CurrentUser(IHttpContextAccessor httpContextAccessor, PermissionCatalog permissions) : ICurrentUser
{
    private ClaimsPrincipal? Principal => httpContextAccessor.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;
    public Guid? Id => IsAuthenticated ? Principal!.GetUserId() : null;
    public string? UserName => IsAuthenticated ? Principal!.FindFirstValue(ClaimTypes.Name) : null;
    public string? DisplayName => IsAuthenticated ? Principal!.FindFirstValue(PlatformClaims.DisplayName) : null;
    public bool IsSuperAdmin => Principal?.IsInRole(Roles.SuperAdmin) == true;
    public Guid? ImpersonatorId => Principal?.GetGuid(PlatformClaims.ImpersonatorId);
    public string? ImpersonatorName => Principal?.FindFirstValue(PlatformClaims.ImpersonatorName);

    public bool HasPermission(string permission) => Principal is { } p && permissions.IsGranted(p, permission);
}
