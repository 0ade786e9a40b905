using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CentresConnectes.Platform.Areas.Platform.Pages.Kiosk;

/// <summary>Where a kiosk page sends a device without a valid credential (never enrolled, or revoked).</summary>
[AllowAnonymous]
public sealed class NotEnrolledModel : PageModel
{
    public void OnGet() => Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status403Forbidden;
}
