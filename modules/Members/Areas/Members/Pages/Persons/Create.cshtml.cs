using CentresConnectes.Members.Application;
using CentresConnectes.Members.Contracts;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.Members.Areas.Members.Pages.Persons;

/// <summary>Registers a person (optionally into a family), with groups at creation.</summary>
[RequirePermission(MembersPermissions.Write)]
public sealed class CreateModel(PersonService persons, HouseholdService households, TimeProvider clock) : PersonFormPage(persons)
{
    [BindProperty(SupportsGet = true, Name = "famille")] public Guid? HouseholdId { get; set; }

    /// <summary>Ville, minima and QF were filled in from the family's eldest member.</summary>
    public bool InheritedFromFamily { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.RegisteredOn = ParisTime.Today(clock);
        string? householdName = null;
        if (HouseholdId is { } id)
        {
            var household = await households.GetAsync(id, ct);
            householdName = household.Name;
            Input.HouseholdId = id;
            Input.LastName = household.Name;
            // A new member lives where the family lives, with its minima and QF (what the user may see); changeable.
            if (household.Members.FirstOrDefault() is { } eldest)
            {
                var reference = await Persons.GetAsync(eldest.Id, ct);
                Input.VilleId = reference.VilleId;
                Input.MinimaSociauxId = reference.MinimaSociauxId;
                Input.QuotientFamilialId = reference.QuotientFamilialId;
                InheritedFromFamily = true;
            }
        }
        await LoadFormAsync(true, null, householdName, ct);
    }

    public async Task<IActionResult> OnPostAsync(string? next, CancellationToken ct)
    {
        var id = Guid.Empty;
        var redirect = await SaveAsync(async () => id = await Persons.CreateAsync(Input, ct));
        if (redirect is not null)
            return redirect;
        if (!ModelState.IsValid)
        {
            string? householdName = Input.HouseholdId is { } h ? (await households.GetAsync(h, ct)).Name : null;
            await LoadFormAsync(true, null, householdName, ct);
            return Page();
        }
        await FlashSavedAsync(id, ct);
        if (Input.HouseholdId is { } householdId)
        {
            // Entering a family: another member, or the family itself once the last one is in.
            return Redirect(next == "famille" ? $"/adherents/nouveau?famille={householdId}" : $"/familles/{householdId}");
        }
        return Redirect(SafeReturnUrl ?? "/adherents");
    }
}
