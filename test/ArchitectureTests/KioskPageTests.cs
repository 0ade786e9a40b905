using CentresConnectes.Platform.Contracts;
using Microsoft.AspNetCore.Authorization;

namespace CentresConnectes.ArchitectureTests;

/// <summary>
/// The pages Platform's kiosk device context may serve: anonymous, and only on an enrolled device of
/// a structure (<see cref="KioskPageAttribute"/>, which also allows the camera). Adding one is a
/// security decision: it must be listed here.
/// </summary>
public sealed class KioskPageTests
{
    public static readonly string[] KioskPages =
    [
        "CentresConnectes.Ludotheque.Areas.Ludotheque.Pages.Borne.IndexModel",               // kiosk home and family sign-in
        "CentresConnectes.Ludotheque.Areas.Ludotheque.Pages.Borne.FamilleModel",             // « Fiche de présence », VALIDER and its replays
        "CentresConnectes.Ludotheque.Areas.Ludotheque.Pages.Borne.CarteModel",               // « Scanner ma carte » (camera, USB reader)
        "CentresConnectes.Ludotheque.Areas.Ludotheque.Pages.Borne.CompteurModel",            // live counter fragment
        "CentresConnectes.Ludotheque.Areas.Ludotheque.Pages.Borne.IdentifiantsOubliesModel", // « Identifiants oubliés ? »
        "CentresConnectes.Ludotheque.Areas.Ludotheque.Pages.Borne.InscriptionModel",         // « Inscription d'une nouvelle famille » (rate-limited)
        "CentresConnectes.Ludotheque.Areas.Ludotheque.Pages.Borne.MembresModel",             // « Modifier ou ajouter un membre » (family signed in with its password)
    ];

    private static IEnumerable<Type> PagesMarkedKiosk() =>
        PageAuthorizationTests.AllPageModels.Where(t => t.GetCustomAttributes(typeof(KioskPageAttribute), true).Length > 0);

    [Fact]
    public void The_kiosk_pages_are_exactly_the_reviewed_list()
    {
        PagesMarkedKiosk().Select(t => t.FullName!).Order().ShouldBe(KioskPages.Order());
    }

    [Fact]
    public void Kiosk_pages_are_explicitly_anonymous()
    {
        // The host's fallback policy requires a signed-in user; kiosk pages say [AllowAnonymous] themselves.
        foreach (var page in PagesMarkedKiosk())
            page.GetCustomAttributes(true).OfType<IAllowAnonymous>().ShouldNotBeEmpty(page.FullName);
    }
}
