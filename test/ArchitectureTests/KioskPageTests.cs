using CentresConnectes.Platform.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

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

/// <summary>
/// The endpoints the same device context may serve (<see cref="KioskDeviceContext.RequireKioskDevice"/>),
/// read from the running application: a reviewed list too.
/// </summary>
public sealed class KioskEndpointTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    public static readonly string[] KioskEndpoints =
    [
        "POST /ludotheque/borne/valider", // VALIDER as kiosk.js sends it, and its replays
    ];

    [Fact]
    public void The_kiosk_endpoints_are_exactly_the_reviewed_list_and_anonymous()
    {
        var marked = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<KioskEndpointMetadata>() is not null)
            .ToList();
        marked.Select(e => $"{string.Join(",", e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])} /{e.RoutePattern.RawText!.TrimStart('/')}")
            .Order().ShouldBe(KioskEndpoints.Order());
        // The host's fallback policy requires a signed-in user: a kiosk endpoint is anonymous by its own metadata.
        marked.ShouldAllBe(e => e.Metadata.GetMetadata<IAllowAnonymous>() != null);
    }
}
