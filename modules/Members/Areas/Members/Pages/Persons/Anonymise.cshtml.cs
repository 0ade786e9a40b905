using CentresConnectes.Members.Application;
using CentresConnectes.Members.Contracts;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.Members.Areas.Members.Pages.Persons;

/// <summary>RGPD erasure that keeps the statistics (see Person.Anonymise).</summary>
[RequirePermission(MembersPermissions.Delete)]
public sealed class AnonymiseModel(PersonService persons) : AppPageModel
{
    public IActionResult OnGet(Guid id) => Redirect($"/adherents/{id}");

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        await persons.AnonymiseAsync(id, ct);
        FlashSuccess("La personne a été anonymisée : son identité est effacée, les statistiques sont conservées.");
        return Redirect($"/adherents/{id}");
    }
}
