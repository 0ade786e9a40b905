using CentresConnectes.Ludotheque.Application;
using CentresConnectes.Ludotheque.Application.Kiosk;
using CentresConnectes.Ludotheque.Contracts;
using CentresConnectes.Ludotheque.Domain;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.Ludotheque.Areas.Ludotheque.Pages.Familles;

/// <summary>
/// The « Fiche de présence » of a signed-in family account, off the kiosk: what staff see after
/// « Saisir la présence pour cette famille » (Platform's act-as-family). Same service and ticket as the kiosk.
/// </summary>
[RequirePermission(LudothequePermissions.FamilyCheckIn)]
public sealed class MaPresenceModel(KioskCheckInService checkIn, FamilyAccountService accounts, ICurrentUser user) : AppPageModel
{
    public const string Path = "/ludotheque/ma-presence";

    public FamilyPage Sheet { get; private set; } = null!;
    /// <summary>Where to go after VALIDER: staff return to their own account, a family stays here.</summary>
    public string DoneUrl => user.IsImpersonated ? "/intervention/fin" : Path;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var family = await accounts.FindByUserAsync(user.Id!.Value, ct);
        if (family is null)
            return NotFound();
        Sheet = await checkIn.GetPageAsync(family.HouseholdId, null, user.IsImpersonated ? PresenceSource.Staff : PresenceSource.Kiosk, family.UserId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? ticket, List<Guid>? personIds, Guid checkInId, DateTimeOffset? clickedAt, CancellationToken ct)
    {
        var wantsJson = Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.Ordinal) == true);
        try
        {
            var result = await checkIn.ValidateAsync(ticket, null, personIds ?? [], checkInId, clickedAt?.UtcDateTime, ct);
            if (wantsJson)
                return new JsonResult(CheckInAnswer.Of(result));
            FlashSuccess(KioskCheckInService.Thanks);
            return Redirect(DoneUrl);
        }
        catch (Exception ex) when (ex is BusinessException or EntityNotFoundException)
        {
            var (answer, status) = CheckInAnswer.Refusal(ex);
            if (wantsJson)
                return new JsonResult(answer) { StatusCode = status };
            FlashError(answer.Message);
            return Redirect(Path);
        }
    }
}
