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
/// « Inscription d'une nouvelle famille » on the kiosk: the family enters its household, its members and
/// its login, then lands on its « Fiche de présence ». Rate-limited like the sign-in (it also tells
/// whether an e-mail is taken). A person already registered is refused kindly: see the reception.
/// </summary>
[AllowAnonymous]
[KioskPage]
[EnableRateLimiting(RateLimits.KioskSignIn)]
public sealed class InscriptionModel(KioskRegistrationService registration, KioskFamilySession session, IKioskContext kiosk,
    IReferenceDataQuery referenceLists, IFamilyRegister register) : AppPageModel
{
    public const string Path = "/ludotheque/borne/inscription";

    [BindProperty] public KioskRegistrationInput Input { get; set; } = new();

    public KioskFormLists Lists { get; private set; } = null!;

    /// <summary>The kind « already registered » answer, shown instead of a field error.</summary>
    public string? AlreadyRegistered { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // A family signed in a moment ago on this tablet is not the one registering now.
        session.End(HttpContext);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var device = kiosk.Require();
        try
        {
            var family = await registration.RegisterAsync(Input, ct);
            session.Start(HttpContext, new KioskFamily(device.DeviceId, family.HouseholdId, family.UserId, ViaCard: false));
            FlashSuccess("Bienvenue ! Votre famille est inscrite. Touchez chaque personne présente, puis VALIDER.");
            return Redirect(FamilleModel.Path);
        }
        catch (AlreadyRegisteredException ex)
        {
            AlreadyRegistered = ex.Message;
        }
        catch (BusinessException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
        }
        catch (EntityNotFoundException)
        {
            ModelState.AddModelError(string.Empty, "Une des valeurs choisies n'existe pas ici : choisissez-la de nouveau.");
        }
        Input.Password = Input.ConfirmPassword = null;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Lists = await KioskFormLists.LoadAsync(referenceLists, register, ct);
        while (Input.Members.Count < KioskRegistrationService.MaxLines)
            Input.Members.Add(new KioskMemberInput());
    }
}
