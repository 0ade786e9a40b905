using CentresConnectes.Platform.Application;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.Platform.Areas.Platform.Pages.Structure;

/// <summary>One staff account of the current structure; another structure's id answers 404.</summary>
[RequirePermission(PlatformPermissions.Staff)]
public sealed class StaffDetailsModel(StaffService staff) : AppPageModel
{
    public StaffAccount Account { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => Account = await staff.GetAsync(id, ct);

    public Task<IActionResult> OnPostRoleAsync(Guid id, string? role, CancellationToken ct) =>
        RunAsync(id, () => staff.ChangeRoleAsync(id, role, ct), "Le rôle est modifié.");

    public Task<IActionResult> OnPostDisableAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, () => staff.SetActiveAsync(id, false, ct), "Le compte est désactivé : ses sessions sont fermées.");

    public Task<IActionResult> OnPostEnableAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, () => staff.SetActiveAsync(id, true, ct), "Le compte est réactivé.");

    public async Task<IActionResult> OnPostInviteAsync(Guid id, CancellationToken ct)
    {
        if (await staff.ResendInvitationAsync(id, ct))
            FlashSuccess("L'invitation a été renvoyée.");
        else
            FlashError("L'invitation n'a pas pu être envoyée : vérifiez la configuration des e-mails.");
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> RunAsync(Guid id, Func<Task> action, string success)
    {
        await TryFlashAsync(action, success);
        return RedirectToPage(new { id });
    }
}
