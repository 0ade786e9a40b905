using CentresConnectes.Members.Application;
using CentresConnectes.Members.Contracts;
using CentresConnectes.Platform.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.Members.Areas.Members.Pages.Persons;

[RequirePermission(MembersPermissions.Write)]
public sealed class EditModel(PersonService persons) : PersonFormPage(persons)
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public PersonDetails Person { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Person = await Persons.GetAsync(Id, ct);
        if (Person.IsAnonymised)
            return Redirect($"/adherents/{Id}");
        Input = new PersonInput
        {
            LastName = Person.LastName,
            FirstName = Person.FirstName,
            DateOfBirth = Person.DateOfBirth,
            SexeId = Person.SexeId,
            VilleId = Person.VilleId,
            StatutId = Person.StatutId,
            MinimaSociauxId = Person.MinimaSociauxId,
            QuotientFamilialId = Person.QuotientFamilialId,
            Email = Person.Email,
            Mobile = Person.Mobile,
            Landline = Person.Landline,
            AvatarKey = Person.AvatarKey,
            RegisteredOn = Person.RegisteredOn,
            Notes = Person.Notes,
            ConsentSms = Person.ConsentSms,
            ConsentEmail = Person.ConsentEmail,
            HouseholdId = Person.HouseholdId,
            GroupIds = Person.Groups.Select(g => g.Id).ToList(),
        };
        await LoadFormAsync(false, Id, Person.HouseholdName, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var redirect = await SaveAsync(() => Persons.UpdateAsync(Id, Input, ct));
        if (redirect is not null)
            return redirect;
        if (!ModelState.IsValid)
        {
            Person = await Persons.GetAsync(Id, ct);
            await LoadFormAsync(false, Id, Person.HouseholdName, ct);
            return Page();
        }
        await FlashSavedAsync(Id, ct);
        // Back to where the user came from (the list with its filters, the family), else the person's file.
        return Redirect(SafeReturnUrl ?? $"/adherents/{Id}");
    }
}
