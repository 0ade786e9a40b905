using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;

namespace CentresConnectes.Platform.Contracts;

/// <summary>The enrolled kiosk a request comes from: its structure is the request's structure.</summary>
public sealed record KioskDeviceInfo(Guid DeviceId, Guid TenantId, string Name);

/// <summary>The kiosk device of the current request, set by <see cref="KioskPageAttribute"/>.</summary>
public interface IKioskContext
{
    KioskDeviceInfo? Device { get; }

    /// <summary>The device; pages marked <see cref="KioskPageAttribute"/> never run without one.</summary>
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
