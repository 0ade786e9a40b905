using CentresConnectes.Platform.Application;
using CentresConnectes.Platform.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;

namespace CentresConnectes.Platform.Infrastructure;

internal sealed class KioskContext : IKioskContext
{
    public KioskDeviceInfo? Device { get; set; }
}

/// <summary>
/// The device context of kiosk pages and endpoints: the request's device credential decides its
/// structure, and only it. One place for both, so a page and an endpoint cannot drift apart.
/// </summary>
internal sealed class KioskDeviceGate(KioskDeviceService devices, ICurrentTenant tenant, IKioskContext context)
{
    /// <summary>Runs <paramref name="inStructure"/> in the structure of the request's enrolled device, or answers <paramref name="refused"/> without one.</summary>
    public async Task<T> RunAsync<T>(HttpContext http, Func<Task<T>> inStructure, Func<T> refused)
    {
        var device = await devices.ResolveAsync(KioskDeviceService.ReadCookie(http.Request), http.RequestAborted);
        if (device is null)
            return refused();
        ((KioskContext)context).Device = device;
        // cross-tenant: an anonymous kiosk request works in its enrolled device's structure, and only in it. (test: A_kiosk_of_A_never_shows_or_records_anything_of_B)
        using (tenant.Change(device.TenantId))
            return await inStructure();
    }
}

/// <summary>
/// Runs a <see cref="KioskPageAttribute"/> page inside the structure of the device it is served to.
/// A resource filter, so the structure holds for model binding, the handler and the rendering.
/// </summary>
internal sealed class KioskDeviceFilter(KioskDeviceGate gate) : IAsyncResourceFilter
{
    /// <summary>Kiosk pages scan QR cards with the camera; every other page keeps it forbidden (SecurityHeaders).</summary>
    public const string CameraAllowed = "camera=(self), microphone=(), geolocation=()";

    public Task OnResourceExecutionAsync(ResourceExecutingContext executing, ResourceExecutionDelegate next)
    {
        var http = executing.HttpContext;
        http.Response.Headers["Permissions-Policy"] = CameraAllowed;
        return gate.RunAsync<ResourceExecutedContext?>(http, async () => await next(), () =>
        {
            executing.Result = HttpMethods.IsGet(http.Request.Method) && !http.Request.Headers.ContainsKey("HX-Request")
                ? new RedirectResult(KioskDeviceContext.NotEnrolledPath)
                : new ContentResult { StatusCode = StatusCodes.Status403Forbidden, Content = KioskDeviceContext.NotEnrolledMessage, ContentType = "text/plain; charset=utf-8" };
            return null;
        });
    }
}

/// <summary>The same for a minimal endpoint (<see cref="KioskDeviceContext.RequireKioskDevice"/>): refused with a French JSON message.</summary>
internal sealed class KioskDeviceEndpointFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next) =>
        await invocation.HttpContext.RequestServices.GetRequiredService<KioskDeviceGate>().RunAsync(invocation.HttpContext,
            () => next(invocation).AsTask(),
            () => (object?)Results.Json(new { message = KioskDeviceContext.NotEnrolledMessage }, statusCode: StatusCodes.Status403Forbidden));
}
