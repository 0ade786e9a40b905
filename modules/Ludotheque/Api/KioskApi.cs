using CentresConnectes.Ludotheque.Application;
using CentresConnectes.Ludotheque.Contracts;
using CentresConnectes.Members.Contracts;
using CentresConnectes.Platform.Api;
using CentresConnectes.Platform.Application;
using CentresConnectes.Platform.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CentresConnectes.Ludotheque.Api;

public sealed record FamilyPasswordReset(string? Password);

public sealed record FamilyAccountActivation(bool Active);

/// <summary>
/// Family accounts, QR cards and kiosks over the API: the same services as the « Compte famille » and
/// « Bornes » pages. Enrolling a kiosk stays a page: the credential must land in the tablet's own browser.
/// </summary>
internal static class KioskApi
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var families = endpoints.MapApiGroup("ludotheque/families/{householdId:guid}", "Ludothèque – comptes famille");

        families.MapGet("/account", async (Guid householdId, FamilyAccountService s, CancellationToken ct) =>
                await s.FindByHouseholdAsync(householdId, ct) is { } account ? Results.Ok(account) : Results.NotFound())
            .RequirePermission(LudothequePermissions.Kiosk);

        families.MapPost("/account", async (Guid householdId, FamilyAccountInput input, FamilyAccountService s, CancellationToken ct) =>
                Results.Created($"/api/ludotheque/families/{householdId}/account", await s.CreateAsync(householdId, input, ct)))
            .RequirePermission(LudothequePermissions.Kiosk);

        families.MapPost("/account/reset", async (Guid householdId, FamilyPasswordReset body, FamilyAccountService s, CancellationToken ct) =>
            {
                await s.ResetAsync(householdId, body.Password, ct);
                return Results.NoContent();
            })
            .RequirePermission(LudothequePermissions.Kiosk);

        families.MapPost("/account/active", async (Guid householdId, FamilyAccountActivation body, FamilyAccountService s, CancellationToken ct) =>
            {
                await s.SetActiveAsync(householdId, body.Active, ct);
                return Results.NoContent();
            })
            .RequirePermission(LudothequePermissions.Kiosk);

        // A family that registered itself on the kiosk, checked by staff (ADR 0016).
        families.MapPost("/account/verify", async (Guid householdId, FamilyAccountService s, ICurrentUser user, CancellationToken ct) =>
            {
                await s.VerifyAsync(householdId, user.RecordedName, ct);
                return Results.NoContent();
            })
            .RequirePermission(LudothequePermissions.Kiosk);

        endpoints.MapApiGroup("ludotheque/families-to-verify", "Ludothèque – comptes famille")
            .MapGet("/", (FamilyAccountService s, CancellationToken ct) => s.ListToVerifyAsync(ct))
            .RequirePermission(LudothequePermissions.Kiosk);

        // A new card (the previous one stops working), as the PDF to print: its token exists nowhere else.
        families.MapPost("/card", async (Guid householdId, FamilyCardService cards, IMemberDirectory members, IStructureBrandingProvider branding,
                IStructureLogoSource logo, ICurrentTenant tenant, CancellationToken ct) =>
            {
                var household = await members.FindHouseholdAsync(householdId, ct) ?? throw new EntityNotFoundException("Famille", householdId);
                var token = await cards.IssueAsync(householdId, ct);
                var structure = await branding.GetAsync(tenant.RequireId(), ct);
                return Results.File(FamilyCardPdf.Render(structure?.Name ?? "", household.Name, token, await logo.GetCurrentLogoAsync(ct)), "application/pdf", $"carte-famille-{household.Name}.pdf");
            })
            .RequirePermission(LudothequePermissions.Kiosk);

        families.MapDelete("/card", async (Guid householdId, FamilyCardService cards, CancellationToken ct) =>
            {
                await cards.RevokeAsync(householdId, ct);
                return Results.NoContent();
            })
            .RequirePermission(LudothequePermissions.Kiosk);

        var kiosks = endpoints.MapApiGroup("ludotheque/kiosks", "Ludothèque – bornes");

        kiosks.MapGet("/", (KioskDeviceService s, CancellationToken ct) => s.ListAsync(ct))
            .RequirePermission(LudothequePermissions.Kiosk);

        kiosks.MapDelete("/{id:guid}", async (Guid id, KioskDeviceService s, CancellationToken ct) =>
            {
                await s.RevokeAsync(id, ct);
                return Results.NoContent();
            })
            .RequirePermission(LudothequePermissions.Kiosk);
    }
}
