using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using CentresConnectes.ReferenceData.Application;
using CentresConnectes.ReferenceData.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.ReferenceData.Areas.ReferenceData.Pages.Admin;

/// <summary>The super-admin's platform defaults (host level).</summary>
[RequirePermission(ReferenceDataPermissions.Defaults)]
public sealed class DefaultsModel(DefaultsService defaults) : AppPageModel
{
    public IReadOnlyList<DefaultItemDto> Items { get; private set; } = [];
    public IReadOnlyList<DefaultAgeBracketDto> Brackets { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Items = await defaults.ListAsync(ct);
        Brackets = await defaults.ListAgeBracketsAsync(ct);
    }

    public async Task<IActionResult> OnPostAddAsync(string? kind, string? label, CancellationToken ct)
    {
        if (!ReferenceListKinds.TryParse(kind, out var k))
            return NotFound();
        return await RunAsync(() => defaults.AddAsync(k, label, ct), "La valeur est ajoutée.", "liste-" + ReferenceListKinds.Slug(k));
    }

    public Task<IActionResult> OnPostRenameAsync(Guid id, string? label, CancellationToken ct) =>
        RunAsync(() => defaults.RenameAsync(id, label, ct), "La valeur est renommée.");

    public Task<IActionResult> OnPostMoveAsync(Guid id, MoveDirection direction, CancellationToken ct) =>
        RunAsync(() => defaults.MoveAsync(id, direction, ct), null);

    public Task<IActionResult> OnPostSensitiveAsync(Guid id, bool sensitive, CancellationToken ct) =>
        RunAsync(() => defaults.SetSensitiveAsync(id, sensitive, ct), sensitive ? "Le groupe sera sensible dans les nouvelles structures." : "Le groupe ne sera plus sensible dans les nouvelles structures.");

    public Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct) =>
        RunAsync(() => defaults.DeleteAsync(id, ct), "La valeur est retirée des listes par défaut.");

    public Task<IActionResult> OnPostAddBracketAsync(string? label, int? minAge, int? maxAge, CancellationToken ct) =>
        RunAsync(() => defaults.AddAgeBracketAsync(new AgeBracketInput(label, minAge, maxAge), ct), "La tranche est ajoutée.", "tranches");

    public Task<IActionResult> OnPostUpdateBracketAsync(Guid id, string? label, int? minAge, int? maxAge, CancellationToken ct) =>
        RunAsync(() => defaults.UpdateAgeBracketAsync(id, new AgeBracketInput(label, minAge, maxAge), ct), "La tranche est enregistrée.", "tranches");

    public Task<IActionResult> OnPostDeleteBracketAsync(Guid id, CancellationToken ct) =>
        RunAsync(() => defaults.DeleteAgeBracketAsync(id, ct), "La tranche est retirée.", "tranches");

    public async Task<IActionResult> OnPostProvisionExistingAsync(CancellationToken ct)
    {
        var count = await defaults.ProvisionExistingStructuresAsync(ct);
        FlashSuccess(count == 0
            ? "Toutes les structures avaient déjà leurs listes : rien à faire."
            : $"{count} structure{(count > 1 ? "s ont" : " a")} reçu les listes par défaut qui leur manquaient.");
        return RedirectToPage();
    }

    private async Task<IActionResult> RunAsync(Func<Task> action, string? success, string? fragment = null)
    {
        await TryFlashAsync(action, success);
        return RedirectToPage(null, null, null, fragment);
    }
}
