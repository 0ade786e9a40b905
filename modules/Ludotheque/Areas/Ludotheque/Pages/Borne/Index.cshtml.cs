using CentresConnectes.Ludotheque.Application;
using CentresConnectes.Ludotheque.Application.Kiosk;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using CentresConnectes.ReferenceData.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace CentresConnectes.Ludotheque.Areas.Ludotheque.Pages.Borne;

/// <summary>The kiosk's home: logo, date and time, counter, « Se connecter » (identifiant + mot de passe), card, sign-up, reminder.</summary>
[AllowAnonymous]
[KioskPage]
[EnableRateLimiting(RateLimits.KioskSignIn)]
public sealed class IndexModel(FamilyAccountService accounts, KioskFamilySession session, IKioskContext kiosk, IStructureBrandingProvider branding,
    IWelcomeMessageSource welcome) : AppPageModel
{
    [BindProperty] public string? Login { get; set; }
    [BindProperty] public string? Password { get; set; }

    public StructureBranding? Branding { get; private set; }

    /// <summary>The structure's « message d'accueil », sanitised HTML (null when none is written).</summary>
    public string? WelcomeHtml { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Home means nobody is signed in: the next family starts afresh.
        session.End(HttpContext);
        Branding = await branding.GetAsync(kiosk.Require().TenantId, ct);
        WelcomeHtml = await welcome.GetCurrentAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var device = kiosk.Require();
        SignedInFamily? family = null;
        if (await TryAsync(async () => family = await accounts.SignInAsync(Login, Password, ct)))
        {
            session.Start(HttpContext, new KioskFamily(device.DeviceId, family!.HouseholdId, family.UserId, ViaCard: false));
            return Redirect("/ludotheque/borne/famille");
        }
        Password = null;
        Branding = await branding.GetAsync(device.TenantId, ct);
        WelcomeHtml = await welcome.GetCurrentAsync(ct);
        return Page();
    }
}
