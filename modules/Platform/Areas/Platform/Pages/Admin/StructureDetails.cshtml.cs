using CentresConnectes.Platform.Application;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.Platform.Areas.Platform.Pages.Admin;

[RequirePermission(PlatformPermissions.Structures)]
public sealed class StructureDetailsModel(StructureService structures, ImpersonationService impersonation) : AppPageModel
{
    public Domain.Structure Structure { get; private set; } = null!;

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? ContactEmail { get; set; }
    [BindProperty] public string? ContactPhone { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Structure = await structures.GetAsync(id, ct);
        Name = Structure.Name;
        ContactEmail = Structure.ContactEmail;
        ContactPhone = Structure.ContactPhone;
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await TryAsync(() => structures.UpdateAsync(id, Name, ContactEmail, ContactPhone, ct)))
        {
            Structure = await structures.GetAsync(id, ct);
            return Page();
        }
        FlashSuccess("Les informations de la structure sont enregistrées.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostSuspendAsync(Guid id, CancellationToken ct)
    {
        await structures.SetActiveAsync(id, false, ct);
        FlashSuccess("La structure est suspendue : ses utilisateurs ne peuvent plus se connecter.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostReactivateAsync(Guid id, CancellationToken ct)
    {
        await structures.SetActiveAsync(id, true, ct);
        FlashSuccess("La structure est réactivée.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostInviteAsync(Guid id, CancellationToken ct)
    {
        var sent = false;
        if (await TryAsync(async () => sent = await structures.ResendInvitationAsync(id, ct)) && sent)
            FlashSuccess("L'invitation a été renvoyée.");
        else
            FlashError(ModelState.ErrorCount > 0 ? ErrorText : "L'invitation n'a pas pu être envoyée : vérifiez la configuration des e-mails.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostEnterAsync(Guid id, CancellationToken ct)
    {
        if (!await TryAsync(() => impersonation.EnterStructureAsync(id, ct)))
        {
            FlashError(ErrorText);
            return RedirectToPage(new { id });
        }
        return Redirect("/");
    }
}
