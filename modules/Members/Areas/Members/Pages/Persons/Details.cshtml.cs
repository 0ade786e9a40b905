using CentresConnectes.Members.Application;
using CentresConnectes.Members.Contracts;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;

namespace CentresConnectes.Members.Areas.Members.Pages.Persons;

/// <summary>A person's profile (fiche): identity, contact, consent, groups, family, notes.</summary>
[RequirePermission(MembersPermissions.Read)]
public sealed class DetailsModel(PersonService persons, HouseholdService households) : AppPageModel
{
    public PersonDetails Person { get; private set; } = null!;
    public HouseholdDetails? Household { get; private set; }

    /// <summary>The list (with its filters) or family the user came from, for the way back and after editing.</summary>
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = ReturnUrls.Parameter)] public string? ReturnUrl { get; set; }

    public string? SafeReturnUrl => ReturnUrls.Safe(ReturnUrl);

    /// <summary>This page as the place to come back to (keeping its own way back).</summary>
    public string Self => ReturnUrls.With($"/adherents/{Person.Id}", SafeReturnUrl);

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Person = await persons.GetAsync(id, ct);
        if (Person.HouseholdId is { } householdId)
            Household = await households.GetAsync(householdId, ct);
    }
}
