using Microsoft.Extensions.DependencyInjection;
using CentresConnectes.Platform.Application;
using CentresConnectes.Platform.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CentresConnectes.Platform.Api;

public sealed record UpdateStructureRequest(string? Name, string? ContactEmail, string? ContactPhone);
public sealed record ChangeRoleRequest(string? Role);
public sealed record CreateApiKeyRequest(string? Name, int? ExpiresInDays = null);
public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);
public sealed record MeResponse(Guid Id, string? Email, string? DisplayName, Guid? StructureId, bool IsSuperAdmin, Guid? ImpersonatorId, IReadOnlyList<string> Permissions);

internal static class PlatformApi
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var structures = endpoints.MapApiGroup("structures", "Structures").RequirePermission(PlatformPermissions.Structures);
        structures.MapGet("/", (StructureService s, CancellationToken ct) => s.ListAsync(ct));
        structures.MapGet("/{id:guid}", async (Guid id, StructureService s, CancellationToken ct) =>
            (await s.ListAsync(ct)).SingleOrDefault(x => x.Id == id) is { } found ? Results.Ok(found) : Results.NotFound());
        structures.MapPost("/", async (CreateStructureCommand command, StructureService s, CancellationToken ct) =>
        {
            var result = await s.CreateAsync(command, ct);
            return Results.Created($"/api/structures/{result.Id}", result);
        });
        structures.MapPut("/{id:guid}", async (Guid id, UpdateStructureRequest r, StructureService s, CancellationToken ct) =>
        {
            await s.UpdateAsync(id, r.Name, r.ContactEmail, r.ContactPhone, ct);
            return Results.NoContent();
        });
        structures.MapPost("/{id:guid}/suspend", async (Guid id, StructureService s, CancellationToken ct) =>
        {
            await s.SetActiveAsync(id, false, ct);
            return Results.NoContent();
        });
        structures.MapPost("/{id:guid}/reactivate", async (Guid id, StructureService s, CancellationToken ct) =>
        {
            await s.SetActiveAsync(id, true, ct);
            return Results.NoContent();
        });

        var staff = endpoints.MapApiGroup("staff", "Comptes du personnel").RequirePermission(PlatformPermissions.Staff);
        staff.MapGet("/", (StaffService s, CancellationToken ct) => s.ListAsync(ct));
        staff.MapGet("/{id:guid}", (Guid id, StaffService s, CancellationToken ct) => s.GetAsync(id, ct));
        staff.MapPost("/", async (InviteStaffCommand command, StaffService s, CancellationToken ct) =>
        {
            var (id, sent) = await s.InviteAsync(command, ct);
            return Results.Created($"/api/staff/{id}", new { id, invitationSent = sent });
        });
        staff.MapPut("/{id:guid}/role", async (Guid id, ChangeRoleRequest r, StaffService s, CancellationToken ct) =>
        {
            await s.ChangeRoleAsync(id, r.Role, ct);
            return Results.NoContent();
        });
        staff.MapPost("/{id:guid}/disable", async (Guid id, StaffService s, CancellationToken ct) =>
        {
            await s.SetActiveAsync(id, false, ct);
            return Results.NoContent();
        });
        staff.MapPost("/{id:guid}/enable", async (Guid id, StaffService s, CancellationToken ct) =>
        {
            await s.SetActiveAsync(id, true, ct);
            return Results.NoContent();
        });

        endpoints.MapApiGroup("audit", "Journal d'audit").RequirePermission(PlatformPermissions.AuditLog)
            .MapGet("/", (int? page, AuditQueryService s, CancellationToken ct) => s.ListAsync(page ?? 1, 50, ct));
        endpoints.MapApiGroup("host/audit", "Journal d'audit").RequirePermission(PlatformPermissions.HostAuditLog)
            .MapGet("/", (int? page, AuditQueryService s, CancellationToken ct) => s.ListAsync(page ?? 1, 50, ct));

        // The caller's own account: any signed-in user.
        var me = endpoints.MapApiGroup("me", "Mon compte");
        me.MapGet("/", (ICurrentUser user, Infrastructure.PermissionCatalog catalog, Microsoft.AspNetCore.Http.HttpContext http) =>
            new MeResponse(user.Id!.Value, user.UserName, user.DisplayName, http.RequestServices.GetRequiredService<ICurrentTenant>().Id,
                user.IsSuperAdmin, user.ImpersonatorId,
                catalog.All.Where(p => catalog.IsGranted(http.User, p.Name)).Select(p => p.Name).ToList()));
        me.MapGet("/api-keys", (ApiKeyService s, CancellationToken ct) => s.ListMineAsync(ct));
        me.MapPost("/api-keys", async (CreateApiKeyRequest r, ApiKeyService s, CancellationToken ct) =>
            Results.Ok(new { key = await s.CreateAsync(r.Name, r.ExpiresInDays, ct) }));
        me.MapDelete("/api-keys/{id:guid}", async (Guid id, ApiKeyService s, CancellationToken ct) =>
        {
            await s.RevokeAsync(id, ct);
            return Results.NoContent();
        });
        me.MapPost("/password", async (ChangePasswordRequest r, ICurrentUser user, AccountService s, CancellationToken ct) =>
        {
            var result = await s.ChangePasswordAsync(user.Id!.Value, r.CurrentPassword, r.NewPassword, ct);
            return result.Succeeded ? Results.NoContent()
                : Results.Problem(statusCode: 400, title: string.Join(" ", result.Errors.Select(e => e.Description)));
        });
    }
}
