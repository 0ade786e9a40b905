using CentresConnectes.Ludotheque.Application;
using CentresConnectes.Ludotheque.Application.Kiosk;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace CentresConnectes.Ludotheque.Areas.Ludotheque.Pages.Borne;

/// <summary>« Scanner ma carte »: the camera (or a USB reader typing into the field) gives the card's token.</summary>
[AllowAnonymous]
[KioskPage]
[EnableRateLimiting(RateLimits.KioskSignIn)]
public sealed class CarteModel(FamilyCardService cards, KioskFamilySession session, IKioskContext kiosk) : AppPageModel
{
    [BindProperty] public string? Token { get; set; }

    public void OnGet() => session.End(HttpContext);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var device = kiosk.Require();
        CardHolder? holder = null;
        if (!await TryAsync(async () => holder = await cards.ResolveAsync(Token, ct)))
        {
            Token = null;
            return Page();
        }
        session.Start(HttpContext, new KioskFamily(device.DeviceId, holder!.HouseholdId, holder.FamilyUserId, ViaCard: true));
        return Redirect(FamilleModel.Path);
    }
}
