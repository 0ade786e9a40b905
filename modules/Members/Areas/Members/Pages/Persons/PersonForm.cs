using CentresConnectes.Members.Application;
using CentresConnectes.Members.Contracts;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.Members.Areas.Members.Pages.Persons;

/// <summary>What the person form partial needs: the input, the structure's lists, the permissions.</summary>
public sealed record PersonFormView(PersonInput Input, ReferenceLookup Lookup, bool SocialData, string? HouseholdName, bool IsNew, Guid? PersonId);

/// <summary>Shared by the create and edit pages.</summary>
public abstract class PersonFormPage(PersonService persons) : AppPageModel
{
    public const string SavedMessage = "La personne a bien été enregistrée.";

    [BindProperty] public PersonInput Input { get; set; } = new();

    public PersonFormView Form { get; protected set; } = null!;

    protected PersonService Persons => persons;

    protected async Task LoadFormAsync(bool isNew, Guid? personId, string? householdName, CancellationToken ct) =>
        Form = new PersonFormView(Input, await persons.LoadReferencesAsync(ct), persons.CanSeeSocialData, householdName, isNew, personId);

    /// <summary>Runs the save; an "already registered" person sends the user to the existing profile.</summary>
    protected async Task<IActionResult?> SaveAsync(Func<Task> save)
    {
        // The service validates everything with French messages; binding's English ones would only repeat them.
        ModelState.Clear();
        try
        {
            await TryAsync(save);
            return null;
        }
        catch (DuplicatePersonException ex)
        {
            FlashError($"Cette personne est déjà inscrite ({ex.Reason}) : voici sa fiche.");
            return Redirect($"/adherents/{ex.ExistingPersonId}");
        }
    }
}
