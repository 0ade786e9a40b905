using CentresConnectes.Platform.Application;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.Platform.Areas.Platform.Pages.Admin;

[RequirePermission(PlatformPermissions.Structures)]
public sealed class StructuresModel(StructureService structures, ImpersonationService impersonation) : AppPageModel
{
    public IReadOnlyList<StructureSummary> Structures { get; private set; } = [];
    public IReadOnlyList<string> UsageLabels { get; private set; } = [];

    [BindProperty]
    public CreateStructureInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        StructureResult? result = null;
        if (!await TryAsync(async () => result = await structures.CreateAsync(
                new CreateStructureCommand(Input.Name, Input.ContactEmail, Input.ContactPhone, Input.AdminEmail, Input.AdminName), ct)))
        {
            await LoadAsync(ct);
            return Page();
        }
        if (result!.InvitationSent)
            FlashSuccess($"La structure « {Input.Name?.Trim()} » est créée ; une invitation a été envoyée à {Input.AdminEmail?.Trim()}.");
        else
            FlashError($"La structure « {Input.Name?.Trim()} » est créée, mais l'invitation n'a pas pu être envoyée : vérifiez la configuration des e-mails puis renvoyez-la depuis la fiche de la structure.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEnterAsync(Guid id, CancellationToken ct)
    {
        if (!await TryAsync(() => impersonation.EnterStructureAsync(id, ct)))
        {
            FlashError(ErrorText);
            return RedirectToPage();
        }
        return Redirect("/");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Structures = await structures.ListAsync(ct);
        UsageLabels = Structures.SelectMany(s => s.Usage.Keys).Distinct().ToList();
    }

    public sealed class CreateStructureInput
    {
        public string? Name { get; set; }
        public string? ContactEmail { get; set; }
        public string? ContactPhone { get; set; }
        public string? AdminName { get; set; }
        public string? AdminEmail { get; set; }
    }
}
