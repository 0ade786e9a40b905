using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;

namespace CentresConnectes.Platform.Contracts;

/// <summary>The enrolled kiosk a request comes from: its structure is the request's structure.</summary>
public sealed record KioskDeviceInfo(Guid DeviceId, Guid TenantId, string Name);

/// <summary>The kiosk device of the current request, set by <see cref="KioskPageAttribute"/> and <see cref="KioskDeviceContext.RequireKioskDevice"/>.</summary>
public interface IKioskContext
{
    KioskDeviceInfo? Device { get; }

    /// <summary>The device; kiosk pages and endpoints never run without one.</summary>
    KioskDeviceInfo Require() => Device ?? throw new BusinessException("Cet appareil n'est pas installé comme borne.");
}

/// <summary>
/// Marks an anonymous page served to an enrolled kiosk device. The page then works in the device's
/// structure, and only there: the structure comes from the device credential (cookie), never from a
/// URL or form field. Without a valid, unrevoked credential the page does not run. The camera is
/// allowed on these pages only (QR card scanning). Each such page is on the reviewed list of
/// ArchitectureTests' KioskPageTests.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class KioskPageAttribute : Attribute, IFilterFactory
{
    public bool IsReusable => false;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) =>
        ActivatorUtilities.CreateInstance<KioskDeviceFilter>(serviceProvider);
}

/// <summary>What marks a kiosk endpoint, for the reviewed list of ArchitectureTests' KioskPageTests.</summary>
public sealed class KioskEndpointMetadata;

/// <summary>Platform's kiosk device context, for pages (<see cref="KioskPageAttribute"/>) and endpoints.</summary>
public static class KioskDeviceContext
{
    /// <summary>Where a kiosk page sends a device that is not (or no longer) enrolled.</summary>
    public const string NotEnrolledPath = "/borne/non-installee";

    public const string NotEnrolledMessage = "Cet appareil n'est pas (ou plus) une borne de la structure. Un membre de l'équipe doit l'installer.";

    /// <summary>
    /// The endpoint counterpart of <see cref="KioskPageAttribute"/>: anonymous, and run only for an
    /// enrolled device, in its structure (a French JSON refusal otherwise). For what a kiosk's script
    /// sends, where a page's model binding, filters and rendering would be work for nothing.
    /// </summary>
    public static RouteHandlerBuilder RequireKioskDevice(this RouteHandlerBuilder builder) =>
        builder.AllowAnonymous().WithMetadata(new KioskEndpointMetadata()).AddEndpointFilter(new KioskDeviceEndpointFilter());
}
