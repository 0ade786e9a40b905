using CentresConnectes.Members.Application;
using CentresConnectes.Members.Contracts;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.Members.Areas.Members.Pages.Persons;

/// <summary>What the person form partial needs: the input, the structure's lists, the permissions.</summary>
public sealed record PersonFormView(PersonInput Input, ReferenceLookup Lookup, bool SocialData, bool Notes, string? HouseholdName, bool IsNew, Guid? PersonId);

/// <summary>Shared by the create and edit pages.</summary>
public abstract class PersonFormPage(PersonService persons) : AppPageModel
{
    /// <summary>The confirmation names the person, so the user knows which file was saved.</summary>
    public static string SavedMessage(string fullName) => $"La fiche de {fullName} a bien été enregistrée.";

    [BindProperty] public PersonInput Input { get; set; } = new();

    /// <summary>Where the user came from (list with its filters, family, person), checked by <see cref="ReturnUrls.Safe"/>.</summary>
    [BindProperty(SupportsGet = true, Name = ReturnUrls.Parameter)] public string? ReturnUrl { get; set; }

    public string? SafeReturnUrl => ReturnUrls.Safe(ReturnUrl);

    public PersonFormView Form { get; protected set; } = null!;

    protected PersonService Persons => persons;

    protected async Task LoadFormAsync(bool isNew, Guid? personId, string? householdName, CancellationToken ct) =>
        Form = new PersonFormView(Input, await persons.LoadReferencesAsync(ct), persons.CanSeeSocialData, persons.CanSeeNotes, householdName, isNew, personId);

    /// <summary>Runs the save; an "already registered" person sends the user to the existing profile.</summary>
    protected async Task FlashSavedAsync(Guid id, CancellationToken ct) =>
        FlashSuccess(SavedMessage((await persons.GetAsync(id, ct)).FullName));

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
