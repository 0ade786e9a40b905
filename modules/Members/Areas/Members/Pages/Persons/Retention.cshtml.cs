using CentresConnectes.Members.Application;
using CentresConnectes.Members.Contracts;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.Members.Areas.Members.Pages.Persons;

/// <summary>
/// « Conservation des données » (RGPD): persons without contact for two years, anonymised by the admin
/// after a confirmation step that says how many and that it is final.
/// </summary>
[RequirePermission(MembersPermissions.Delete)]
public sealed class RetentionModel(RetentionService retention) : AppPageModel
{
    public const string Path = "/adherents/conservation";

    public RetentionList List { get; private set; } = null!;

    [BindProperty] public List<Guid> Ids { get; set; } = [];
    [BindProperty] public bool All { get; set; }
    [BindProperty] public bool Confirmed { get; set; }

    /// <summary>Set when the selection awaits confirmation: how many will be anonymised.</summary>
    public int? ToConfirm { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "page")] int page = 1, CancellationToken ct = default) =>
        List = await retention.ListAsync(page, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Confirmed)
        {
            List = await retention.ListAsync(1, ct);
            if (!All && Ids.Count == 0)
                ModelState.AddModelError(string.Empty, "Cochez au moins une personne à anonymiser.");
            else
                ToConfirm = All ? List.Total : Ids.Distinct().Count();
            return Page();
        }
        var count = 0;
        if (!await TryFlashAsync(async () => count = await retention.AnonymiseAsync(Ids, All, ct), null))
            return Redirect(Path);
        FlashSuccess(count == 1
            ? "1 personne a été anonymisée : son identité est effacée, les statistiques sont conservées."
            : $"{count} personnes ont été anonymisées : leur identité est effacée, les statistiques sont conservées.");
        return Redirect(Path);
    }
}
