using CentresConnectes.Ludotheque.Application;
using CentresConnectes.Ludotheque.Contracts;
using CentresConnectes.Members.Contracts;
using CentresConnectes.Platform.Application;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.Ludotheque.Areas.Ludotheque.Pages.Familles;

/// <summary>
/// « Compte famille » of one household (linked from the register's family page): open, reset, disable
/// the account; print or revoke the QR card; « Saisir la présence pour cette famille ».
/// </summary>
[RequirePermission(LudothequePermissions.Kiosk)]
public sealed class CompteModel(
    FamilyAccountService accounts,
    FamilyCardService cards,
    IMemberDirectory members,
    IStructureBrandingProvider branding,
    IStructureLogoSource logo,
    ImpersonationService impersonation,
    ICurrentTenant tenant,
    ICurrentUser user) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public Guid HouseholdId { get; set; }
    [BindProperty] public FamilyAccountInput Input { get; set; } = new();
    [BindProperty] public string? NewPassword { get; set; }

    public HouseholdSummaryDto Household { get; private set; } = null!;
    public FamilyAccountView? Account { get; private set; }
    public bool HasCard { get; private set; }
    public bool CanActAsFamily => user.HasPermission(PlatformPermissions.ImpersonateFamily) && !user.IsImpersonated;

    private string Here => $"/ludotheque/familles/{HouseholdId}/compte";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        Household = await members.FindHouseholdAsync(HouseholdId, ct) ?? throw new EntityNotFoundException("Famille", HouseholdId);
        Account = await accounts.FindByHouseholdAsync(HouseholdId, ct);
        HasCard = await cards.HasActiveAsync(HouseholdId, ct);
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var input = Input;
        if (!await TryAsync(() => accounts.CreateAsync(HouseholdId, input, ct)))
        {
            await LoadAsync(ct);
            Input = new FamilyAccountInput { Email = input.Email, Login = input.Login };
            return Page();
        }
        FlashSuccess(string.IsNullOrEmpty(input.Password) ? "Le compte famille est créé : un e-mail part avec le lien pour choisir le mot de passe." : "Le compte famille est créé.");
        return Redirect(Here);
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct)
    {
        var password = NewPassword;
        await TryFlashAsync(() => accounts.ResetAsync(HouseholdId, password, ct),
            string.IsNullOrEmpty(password) ? "Le lien pour choisir un nouveau mot de passe est envoyé à la famille." : "Le nouveau mot de passe est enregistré.");
        return Redirect(Here);
    }

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        await TryFlashAsync(() => accounts.VerifyAsync(HouseholdId, user.RecordedName, ct), "L'inscription de la famille est vérifiée.");
        return Redirect(Here);
    }

    public async Task<IActionResult> OnPostActiveAsync(bool active, CancellationToken ct)
    {
        await TryFlashAsync(() => accounts.SetActiveAsync(HouseholdId, active, ct), active ? "Le compte famille est réactivé." : "Le compte famille est désactivé.");
        return Redirect(Here);
    }

    /// <summary>Prints a new card (the previous one stops working): the token exists only in this PDF.</summary>
    public async Task<IActionResult> OnPostCardAsync(CancellationToken ct)
    {
        var household = await members.FindHouseholdAsync(HouseholdId, ct) ?? throw new EntityNotFoundException("Famille", HouseholdId);
        var token = await cards.IssueAsync(HouseholdId, ct);
        var structure = await branding.GetAsync(tenant.RequireId(), ct);
        var pdf = FamilyCardPdf.Render(structure?.Name ?? "", household.Name, token, await logo.GetCurrentLogoAsync(ct));
        return File(pdf, "application/pdf", $"carte-famille-{household.Name}.pdf");
    }

    public async Task<IActionResult> OnPostRevokeCardAsync(CancellationToken ct)
    {
        await TryFlashAsync(() => cards.RevokeAsync(HouseholdId, ct), "La carte est révoquée : elle n'ouvre plus rien.");
        return Redirect(Here);
    }

    /// <summary>« Saisir la présence pour cette famille »: staff act as the family's account (audited with both names).</summary>
    public async Task<IActionResult> OnPostActAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Account is not { IsActive: true })
        {
            FlashError("Cette famille n'a pas de compte actif.");
            return Redirect(Here);
        }
        var userId = Account.UserId;
        if (!await TryFlashAsync(() => impersonation.ActAsFamilyAsync(userId, ct), null))
            return Redirect(Here);
        return Redirect(MaPresenceModel.Path);
    }
}
