using CentresConnectes.Members.Application;
using CentresConnectes.Members.Contracts;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.Members.Areas.Members.Pages.Households;

/// <summary>"Inscription d'une nouvelle famille": the family, then its members one by one.</summary>
[RequirePermission(MembersPermissions.Write)]
public sealed class CreateModel(HouseholdService households, MemberPrivacy privacy) : AppPageModel
{
    [BindProperty] public HouseholdInput Input { get; set; } = new();

    /// <summary>The family's notes are notes de suivi: the field only for who may read them.</summary>
    public bool CanSeeNotes => privacy.CanSeeNotes;

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Guid id = default;
        if (!await TryAsync(async () => id = await households.CreateAsync(Input, ct)))
            return Page();
        FlashSuccess($"La famille {Input.Name?.Trim()} est créée : ajoutez maintenant ses membres.");
        return Redirect($"/adherents/nouveau?famille={id}");
    }
}
