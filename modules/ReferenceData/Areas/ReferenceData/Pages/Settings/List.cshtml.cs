using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using CentresConnectes.ReferenceData.Application;
using CentresConnectes.ReferenceData.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.ReferenceData.Areas.ReferenceData.Pages.Settings;

/// <summary>
/// One list of the structure ("Paramètre : Sexe", "Ville de résidence"…). Handlers answer the whole
/// page (redirect + flash) to plain forms, and just the list to htmx. Ids are checked by the service:
/// another structure's id answers 404.
/// </summary>
[RequirePermission(ReferenceDataPermissions.Manage)]
public sealed class ReferenceListModel(ReferenceListService lists) : AppPageModel
{
    public ReferenceListKind Kind { get; private set; }
    public string Slug => ReferenceListKinds.Slug(Kind);
    public string Title => ReferenceListKinds.DisplayName(Kind);
    public IReadOnlyList<ReferenceItemDto> Items { get; private set; } = [];
    public string? Message { get; private set; }
    public string? NewLabel { get; private set; }

    public async Task<IActionResult> OnGetAsync(string kind, CancellationToken ct)
    {
        if (!Resolve(kind))
            return NotFound();
        Items = await lists.ListAsync(Kind, true, ct);
        return Page();
    }

    public Task<IActionResult> OnPostAddAsync(string kind, string? label, CancellationToken ct) =>
        RunAsync(kind, async () => { var added = await lists.AddAsync(Kind, label, ct); return $"« {added.Label} » est ajoutée."; }, label, ct);

    public Task<IActionResult> OnPostRenameAsync(string kind, Guid id, string? label, CancellationToken ct) =>
        RunAsync(kind, async () => { var item = await lists.RenameAsync(Kind, id, label, ct); return $"La valeur s'appelle maintenant « {item.Label} »."; }, null, ct);

    public Task<IActionResult> OnPostMoveAsync(string kind, Guid id, MoveDirection direction, CancellationToken ct) =>
        RunAsync(kind, async () => { await lists.MoveAsync(Kind, id, direction, ct); return null; }, null, ct);

    public Task<IActionResult> OnPostDeactivateAsync(string kind, Guid id, CancellationToken ct) =>
        RunAsync(kind, async () => { await lists.SetActiveAsync(Kind, id, false, ct); return "La valeur est désactivée : elle n'est plus proposée, les fiches qui l'ont la gardent."; }, null, ct);

    public Task<IActionResult> OnPostActivateAsync(string kind, Guid id, CancellationToken ct) =>
        RunAsync(kind, async () => { await lists.SetActiveAsync(Kind, id, true, ct); return "La valeur est réactivée."; }, null, ct);

    public Task<IActionResult> OnPostSensitiveAsync(string kind, Guid id, bool sensitive, CancellationToken ct) =>
        RunAsync(kind, async () =>
        {
            await lists.SetSensitiveAsync(Kind, id, sensitive, ct);
            return sensitive
                ? "Le groupe est sensible : seules les personnes habilitées aux données sociales le voient sur les fiches, dans les filtres et les exports."
                : "Le groupe n'est plus sensible : tous les comptes qui consultent les adhérents le voient.";
        }, null, ct);

    public Task<IActionResult> OnPostDeleteAsync(string kind, Guid id, CancellationToken ct) =>
        RunAsync(kind, async () => (await lists.DeleteAsync(Kind, id, ct)).Message, null, ct);

    private bool Resolve(string kind)
    {
        if (!ReferenceListKinds.TryParse(kind, out var k))
            return false;
        Kind = k;
        return true;
    }

    private async Task<IActionResult> RunAsync(string kind, Func<Task<string?>> action, string? typedLabel, CancellationToken ct)
    {
        if (!Resolve(kind))
            return NotFound();
        string? message = null;
        var ok = await TryAsync(async () => message = await action());
        if (IsHtmxFragment)
        {
            Message = ok ? message : null;
            NewLabel = ok ? null : typedLabel;
            Items = await lists.ListAsync(Kind, true, ct);
            return Partial("_ReferenceList", this);
        }
        if (ok && message is not null)
            FlashSuccess(message);
        else if (!ok)
            FlashError(ErrorText);
        return Redirect("/parametres/listes/" + Slug);
    }
}
