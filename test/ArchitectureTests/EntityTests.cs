using System.Reflection;
using CentresConnectes.Platform.Contracts;

namespace CentresConnectes.ArchitectureTests;

/// <summary>TenantId is written by the save interceptor only: no public setter lets code set it by hand.</summary>
public sealed class EntityTests
{
    public static string? Problem(Type type)
    {
        var property = type.GetProperty(nameof(IMultiTenant.TenantId), BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance);
        if (property is null)
            return $"{type.FullName} implements IMultiTenant without a TenantId property of its own";
        if (property.SetMethod is { IsPublic: true })
            return $"{type.FullName}.TenantId has a public setter (init included)";
        return null;
    }

    [Fact]
    public void No_tenant_owned_entity_has_a_public_TenantId_setter()
    {
        var problems = Solution.Modules
            .SelectMany(m => m.Assembly.LoadableTypes())
            .Where(t => t is { IsClass: true } && typeof(IMultiTenant).IsAssignableFrom(t))
            .Select(Problem)
            .OfType<string>()
            .ToList();
        problems.ShouldBeEmpty();
    }

    [Fact]
    public void The_rule_catches_public_and_init_setters()
    {
        Problem(typeof(EntityProbes.PublicSetter)).ShouldNotBeNull();
        Problem(typeof(EntityProbes.InitSetter)).ShouldNotBeNull();
        Problem(typeof(EntityProbes.PrivateSetter)).ShouldBeNull();
        Problem(typeof(EntityProbes.ProtectedSetter)).ShouldBeNull();
    }
}

internal static class EntityProbes
{
    internal sealed class PublicSetter : IMultiTenant { public Guid TenantId { get; set; } }
    internal sealed class InitSetter : IMultiTenant { public Guid TenantId { get; init; } }
    internal sealed class PrivateSetter : IMultiTenant { public Guid TenantId { get; private set; } }
    internal class ProtectedSetter : IMultiTenant { public Guid TenantId { get; protected set; } }
}
