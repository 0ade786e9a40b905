using CentresConnectes.Ludotheque.Application.Kiosk;
using CentresConnectes.Platform.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CentresConnectes.Ludotheque.Api;

/// <summary>
/// VALIDER as kiosk.js sends it (the « Fiche de présence » form's fields), answered in JSON: the kiosk's
/// busiest request, so an endpoint in the device context rather than the page's handler — no page
/// filters, model binding or antiforgery round (ADR 0024). Not under /api: it serves the kiosk's
/// anonymous page, not an account. The page keeps its own POST for a browser without script.
/// </summary>
internal static class KioskCheckInEndpoint
{
    public const string Path = "/ludotheque/borne/valider";

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Path, ValidateAsync).RequireKioskDevice();

    private static async Task<IResult> ValidateAsync(HttpRequest request, KioskCheckInService checkIn, KioskFamilySession session, IKioskContext kiosk,
        CancellationToken ct)
    {
        if (!request.HasFormContentType)
            return Results.Json(new CheckInAnswer(CheckInTickets.Refused), statusCode: StatusCodes.Status400BadRequest);
        var form = await request.ReadFormAsync(ct);
        // Values that do not parse are sent on as nothing (an empty id, no click time): the service refuses
        // them with its own French reason, as it does for the page's binding.
        var personIds = form["personIds"].Select(v => Guid.TryParse(v, out var id) ? id : Guid.Empty).ToList();
        var checkInId = Guid.TryParse(form["checkInId"], out var parsed) ? parsed : Guid.Empty;
        DateTime? clickedAt = DateTimeOffset.TryParse(form["clickedAt"], System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var clicked) ? clicked.UtcDateTime : null;
        try
        {
            var result = await checkIn.ValidateAsync(form["ticket"], kiosk.Require().DeviceId, personIds, checkInId, clickedAt, ct);
            session.End(request.HttpContext);
            return Results.Json(CheckInAnswer.Of(result));
        }
        catch (Exception ex) when (ex is BusinessException or EntityNotFoundException)
        {
            var (answer, status) = CheckInAnswer.Refusal(ex);
            return Results.Json(answer, statusCode: status);
        }
    }
}
