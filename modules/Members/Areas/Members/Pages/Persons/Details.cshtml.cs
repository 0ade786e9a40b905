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

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Person = await persons.GetAsync(id, ct);
        if (Person.HouseholdId is { } householdId)
            Household = await households.GetAsync(householdId, ct);
    }
}
