using CentresConnectes.Ludotheque.Application.Kiosk;
using CentresConnectes.Members.Contracts;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using CentresConnectes.ReferenceData.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace CentresConnectes.Ludotheque.Areas.Ludotheque.Pages.Borne;

/// <summary>
/// « Modifier ou ajouter un membre » on the kiosk: the family signed in with its password lists its
/// members, adds one (a child born, a new partner) or corrects a first name or birth date, through
/// Members' <see cref="IFamilyRegister"/> (no-duplicate rule, audited). The household is the session's,
/// never the form's: another family's person id is « not found ». A QR card alone does not open it
/// (a lost card must not let anyone rewrite a family).
/// </summary>
[AllowAnonymous]
[KioskPage]
[EnableRateLimiting(RateLimits.KioskSignIn)]
public sealed class MembresModel(IFamilyRegister register, IMemberDirectory directory, KioskFamilySession session, IKioskContext kiosk,
    IReferenceDataQuery referenceLists) : AppPageModel
{
    public const string Path = "/ludotheque/borne/membres";

    [FromRoute] public Guid? PersonId { get; set; }

    [BindProperty] public KioskMemberInput Member { get; set; } = new();

    public string FamilyName { get; private set; } = "";

    public IReadOnlyList<PersonSummaryDto> Members { get; private set; } = [];

    public PersonSummaryDto? Editing { get; private set; }

    public KioskFormLists Lists { get; private set; } = null!;

    public string? AlreadyRegistered { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Family() is not { } family)
            return Redirect("/ludotheque/borne");
        await LoadAsync(family, ct);
        if (Editing is { } editing)
        {
            Member.FirstName = editing.FirstName;
            Member.DateOfBirth = editing.DateOfBirth;
        }
        else
            Member.LastName = FamilyName;
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (Family() is not { } family)
            return Redirect("/ludotheque/borne");
        PersonId = null;
        return await RunAsync(family, () => register.AddMemberAsync(family.HouseholdId,
            Member.ToMember(FamilyName.Length > 0 ? FamilyName : Member.LastName ?? ""), RecordedBy(family), ct),
            $"{Member.FirstName?.Trim()} fait maintenant partie de la famille.", ct);
    }

    public async Task<IActionResult> OnPostCorrectAsync(CancellationToken ct)
    {
        if (Family() is not { } family)
            return Redirect("/ludotheque/borne");
        if (PersonId is not { } personId)
            return NotFound();
        return await RunAsync(family, () => register.CorrectMemberAsync(family.HouseholdId, personId, Member.FirstName, Member.DateOfBirth, RecordedBy(family), ct),
            "La fiche est corrigée.", ct);
    }

    private async Task<IActionResult> RunAsync(KioskFamily family, Func<Task> action, string success, CancellationToken ct)
    {
        // The family name for a new member's default « Nom », and a 404 before anything for a foreign person id.
        await LoadAsync(family, ct);
        try
        {
            await action();
            FlashSuccess(success);
            return Redirect(Path);
        }
        catch (AlreadyRegisteredException ex)
        {
            AlreadyRegistered = ex.Message;
        }
        catch (BusinessException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
        }
        return Page();
    }

    private KioskFamily? Family() =>
        session.Resume(HttpContext, kiosk.Require().DeviceId) is { ViaCard: false, FamilyUserId: not null } family ? family : null;

    private static string RecordedBy(KioskFamily family) => $"{KioskRegistrationService.RecordedBy} (compte {family.FamilyUserId:N})";

    private async Task LoadAsync(KioskFamily family, CancellationToken ct)
    {
        var household = await directory.FindHouseholdAsync(family.HouseholdId, ct) ?? throw new EntityNotFoundException("Famille", family.HouseholdId);
        FamilyName = household.Name;
        Members = (await directory.GetPersonsAsync(household.MemberIds, ct)).Where(p => !p.IsAnonymised)
            .OrderBy(p => p.DateOfBirth).ThenBy(p => p.FirstName, StringComparer.Create(ParisTime.French, true)).ToList();
        if (PersonId is { } personId)
            Editing = Members.SingleOrDefault(p => p.Id == personId) ?? throw new EntityNotFoundException("Personne", personId);
        Lists = await KioskFormLists.LoadAsync(referenceLists, register, ct);
    }
}
