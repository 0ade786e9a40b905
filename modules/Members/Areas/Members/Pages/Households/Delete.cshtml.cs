using CentresConnectes.Members.Application;
using CentresConnectes.Members.Contracts;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.Members.Areas.Members.Pages.Households;

[RequirePermission(MembersPermissions.Delete)]
public sealed class DeleteModel(HouseholdService households) : AppPageModel
{
    public IActionResult OnGet(Guid id) => Redirect($"/familles/{id}");

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await TryFlashAsync(() => households.DeleteAsync(id, ct), "La famille a été supprimée ; ses membres restent inscrits."))
            return Redirect($"/familles/{id}");
        return Redirect("/familles");
    }
}
