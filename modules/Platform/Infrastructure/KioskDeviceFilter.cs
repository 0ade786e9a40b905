using CentresConnectes.Platform.Application;
using CentresConnectes.Platform.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CentresConnectes.Platform.Infrastructure;

internal sealed class KioskContext : IKioskContext
{
    public KioskDeviceInfo? Device { get; set; }
}

/// <summary>
/// Runs a <see cref="KioskPageAttribute"/> page inside the structure of the device it is served to.
/// A resource filter, so the structure holds for model binding, the handler and the rendering.
/// </summary>
internal sealed class KioskDeviceFilter(KioskDeviceService devices, ICurrentTenant tenant, IKioskContext context) : IAsyncResourceFilter
{
    public const string NotEnrolledPath = "/borne/non-installee";
    public const string NotEnrolledMessage = "Cet appareil n'est pas (ou plus) une borne de la structure. Un membre de l'équipe doit l'installer.";

    /// <summary>Kiosk pages scan QR cards with the camera; every other page keeps it forbidden (SecurityHeaders).</summary>
    public const string CameraAllowed = "camera=(self), microphone=(), geolocation=()";

    public async Task OnResourceExecutionAsync(ResourceExecutingContext executing, ResourceExecutionDelegate next)
    {
        var http = executing.HttpContext;
        http.Response.Headers["Permissions-Policy"] = CameraAllowed;
        var device = await devices.ResolveAsync(KioskDeviceService.ReadCookie(http.Request), http.RequestAborted);
        if (device is null)
        {
            executing.Result = HttpMethods.IsGet(http.Request.Method) && !http.Request.Headers.ContainsKey("HX-Request")
                ? new RedirectResult(NotEnrolledPath)
                : new ContentResult { StatusCode = StatusCodes.Status403Forbidden, Content = NotEnrolledMessage, ContentType = "text/plain; charset=utf-8" };
            return;
        }
        ((KioskContext)context).Device = device;
        // cross-tenant: an anonymous kiosk request works in its enrolled device's structure, and only in it. (test: A_kiosk_of_A_never_shows_or_records_anything_of_B)
        using (tenant.Change(device.TenantId))
            await next();
    }
}
