using CentresConnectes.Ludotheque.Application.Kiosk;
using CentresConnectes.Ludotheque.Domain;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.Ludotheque.Areas.Ludotheque.Pages.Borne;

/// <summary>
/// « Fiche de présence » on the kiosk: the signed-in family ticks who is here and VALIDER records it.
/// VALIDER needs the ticket issued with the page, not the family session: a check-in kept while the
/// Wi-Fi was down is accepted when replayed after the session ended.
/// </summary>
[AllowAnonymous]
[KioskPage]
public sealed class FamilleModel(KioskCheckInService checkIn, KioskFamilySession session, IKioskContext kiosk) : AppPageModel
{
    public const string Path = "/ludotheque/borne/famille";

    public FamilyPage Sheet { get; private set; } = null!;

    /// <summary>« Modifier ou ajouter un membre » is offered to a family signed in with its password, not to a card alone.</summary>
    public bool CanEditMembers { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var device = kiosk.Require();
        if (session.Resume(HttpContext, device.DeviceId) is not { } family)
            return Redirect("/ludotheque/borne");
        CanEditMembers = family is { ViaCard: false, FamilyUserId: not null };
        Sheet = await checkIn.GetPageAsync(family.HouseholdId, device.DeviceId,
            family.ViaCard ? PresenceSource.QrCard : PresenceSource.Kiosk, family.FamilyUserId, ct);
        return Page();
    }

    /// <summary>
    /// VALIDER without script (kiosk.js sends it to <c>KioskCheckInEndpoint</c>), and the replays
    /// a kiosk kept before it did: recorded, then home with the thanks or the reason of the refusal.
    /// </summary>
    public async Task<IActionResult> OnPostAsync(string? ticket, List<Guid>? personIds, Guid checkInId, DateTimeOffset? clickedAt, CancellationToken ct)
    {
        var device = kiosk.Require();
        try
        {
            await checkIn.ValidateAsync(ticket, device.DeviceId, personIds ?? [], checkInId, clickedAt?.UtcDateTime, ct);
            session.End(HttpContext);
            FlashSuccess(KioskCheckInService.Thanks);
        }
        catch (Exception ex) when (ex is BusinessException or EntityNotFoundException)
        {
            FlashError(CheckInAnswer.Refusal(ex).Answer.Message);
        }
        return Redirect("/ludotheque/borne");
    }
}
