using CentresConnectes.Platform.Application;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.Platform.Areas.Platform.Pages.Structure;

[RequirePermission(PlatformPermissions.Staff)]
public sealed class StaffModel(StaffService staff) : AppPageModel
{
    public IReadOnlyList<StaffAccount> Accounts { get; private set; } = [];

    [BindProperty] public InviteInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => Accounts = await staff.ListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var sent = false;
        if (!await TryAsync(async () => (_, sent) = await staff.InviteAsync(new InviteStaffCommand(Input.Email, Input.DisplayName, Input.Role), ct)))
        {
            Accounts = await staff.ListAsync(ct);
            return Page();
        }
        if (sent)
            FlashSuccess($"Le compte de {Input.DisplayName?.Trim()} est créé ; une invitation a été envoyée à {Input.Email?.Trim()}.");
        else
            FlashError($"Le compte de {Input.DisplayName?.Trim()} est créé, mais l'invitation n'a pas pu être envoyée : renvoyez-la depuis sa fiche.");
        return RedirectToPage();
    }

    public sealed class InviteInput
    {
        public string? DisplayName { get; set; }
        public string? Email { get; set; }
        public string? Role { get; set; } = Roles.Animateur;
    }
}
