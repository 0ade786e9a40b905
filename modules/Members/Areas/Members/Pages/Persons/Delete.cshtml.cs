using CentresConnectes.Members.Application;
using CentresConnectes.Members.Contracts;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.Members.Areas.Members.Pages.Persons;

/// <summary>Deletes a person (refused with the reason when another module still refers to them).</summary>
[RequirePermission(MembersPermissions.Delete)]
public sealed class DeleteModel(PersonService persons) : AppPageModel
{
    public IActionResult OnGet(Guid id) => Redirect($"/adherents/{id}");

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await TryFlashAsync(() => persons.DeleteAsync(id, ct), "La personne a été supprimée du registre."))
            return Redirect($"/adherents/{id}");
        return Redirect("/adherents");
    }
}
