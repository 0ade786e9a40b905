using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using CentresConnectes.ReferenceData.Application;
using CentresConnectes.ReferenceData.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.ReferenceData.Areas.ReferenceData.Pages.Settings;

[RequirePermission(ReferenceDataPermissions.Manage)]
public sealed class AgeBracketsModel(AgeBracketService brackets) : AppPageModel
{
    public IReadOnlyList<AgeBracketDto> Brackets { get; private set; } = [];
    public AgeBracketInput? Input { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Brackets = await brackets.ListAsync(true, ct);

    public async Task<IActionResult> OnPostAddAsync(string? label, int? minAge, int? maxAge, CancellationToken ct)
    {
        var input = new AgeBracketInput(label, minAge, maxAge);
        AgeBracketDto? added = null;
        if (await TryAsync(async () => added = await brackets.AddAsync(input, ct)))
        {
            FlashSuccess($"La tranche « {added!.Label} » est ajoutée.");
            return RedirectToPage();
        }
        Input = input;
        Brackets = await brackets.ListAsync(true, ct);
        return Page();
    }

    public Task<IActionResult> OnPostUpdateAsync(Guid id, string? label, int? minAge, int? maxAge, CancellationToken ct) =>
        RunAsync(() => brackets.UpdateAsync(id, new AgeBracketInput(label, minAge, maxAge), ct), "La tranche est enregistrée.");

    public Task<IActionResult> OnPostDeactivateAsync(Guid id, CancellationToken ct) =>
        RunAsync(() => brackets.SetActiveAsync(id, false, ct), "La tranche est désactivée : les statistiques ne l'utilisent plus.");

    public Task<IActionResult> OnPostActivateAsync(Guid id, CancellationToken ct) =>
        RunAsync(() => brackets.SetActiveAsync(id, true, ct), "La tranche est réactivée.");

    public Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct) =>
        RunAsync(() => brackets.DeleteAsync(id, ct), "La tranche est supprimée.");

    private async Task<IActionResult> RunAsync(Func<Task> action, string success)
    {
        await TryFlashAsync(action, success);
        return RedirectToPage();
    }
}
