using System.Reflection;
using NetArchTest.Rules;

namespace CentresConnectes.ArchitectureTests;

/// <summary>
/// A module uses another module only through that module's <c>Contracts</c> namespace. Platform is
/// the shared kernel (what ABP would have given): the others build on its deliberately public set —
/// <c>Platform.Contracts</c>, the building blocks of <c>Platform.Infrastructure</c> and <c>Platform.Api</c>,
/// and <c>AppDbContext</c> for their own tables — never on its entities (<c>Platform.Domain</c>) or its
/// services (<c>Platform.Application</c>); and it depends on no other module at all.
/// </summary>
public sealed class ModuleBoundaryTests
{
    /// <summary>The names (namespaces and root-namespace types) of <paramref name="target"/> that <paramref name="source"/> must not use.</summary>
    public static string[] ForbiddenNames(Assembly source, ModuleAssembly target)
    {
        var sourceIsKernel = source == typeof(Platform.Contracts.IModule).Assembly;
        if (target.IsKernel && !sourceIsKernel)
            return target.Assembly.LoadableTypes()
                .Where(t => !t.IsNested && KernelInternals.Contains(t.Namespace) && !OpenToModules.Contains(t.FullName))
                .Select(t => t.FullName!).ToArray();
        var types = target.Assembly.LoadableTypes().Where(t => !t.IsNested && t.Namespace is not null).ToList();
        bool Allowed(string ns) => !sourceIsKernel && (ns == target.ContractsNamespace || ns.StartsWith(target.ContractsNamespace + ".", StringComparison.Ordinal));
        var namespaces = types.Select(t => t.Namespace!)
            .Where(ns => ns.StartsWith(target.Name + ".", StringComparison.Ordinal) && !Allowed(ns))
            .Distinct();
        // The root namespace itself cannot be listed (it prefixes Contracts): its types are, one by one.
        var rootTypes = types.Where(t => t.Namespace == target.Name).Select(t => t.FullName!);
        return [.. namespaces, .. rootTypes];
    }

    /// <summary>What no other module may use of the kernel: its entities and its application services.</summary>
    public static readonly string[] KernelInternals = ["CentresConnectes.Platform.Domain", "CentresConnectes.Platform.Application"];

    /// <summary>
    /// Kernel services the kiosk (device enrolment, family accounts, act-as-family) and the SMS module
    /// (per-structure provider settings, e-mail links) were written against while the boundary was being
    /// narrowed. Each is a debt, named here one by one so no other type slips in: it is to move behind a
    /// Platform.Contracts interface, then leave this list.
    /// </summary>
    public static readonly HashSet<string?> OpenToModules =
    [
        "CentresConnectes.Platform.Application.KioskDeviceService",
        "CentresConnectes.Platform.Application.KioskDeviceView",
        "CentresConnectes.Platform.Domain.KioskDevice",
        "CentresConnectes.Platform.Application.AccountService",
        "CentresConnectes.Platform.Application.ImpersonationService",
        "CentresConnectes.Platform.Application.IdentityResults",
        "CentresConnectes.Platform.Domain.AppUser",
        "CentresConnectes.Platform.Application.StructureService",
        "CentresConnectes.Platform.Application.StructureSummary",
        "CentresConnectes.Platform.Application.AppUrls",
        "CentresConnectes.Platform.Application.EmailTemplates",
    ];

    /// <summary>"Type → module" lines for every type of <paramref name="source"/> crossing a boundary.</summary>
    public static List<string> Violations(Assembly source, IEnumerable<ModuleAssembly> modules)
    {
        var violations = new List<string>();
        foreach (var target in modules.Where(m => m.Assembly != source))
        {
            var forbidden = ForbiddenNames(source, target);
            if (forbidden.Length == 0)
                continue;
            var result = Types.InAssembly(source).Should().NotHaveDependencyOnAny(forbidden).GetResult();
            if (!result.IsSuccessful)
                violations.AddRange(result.FailingTypeNames.Select(t => $"{ReflectionName(t)} uses internals of {target.Name}"));
        }
        return violations;
    }

    // NetArchTest (Cecil) separates nested types with '/', reflection with '+'.
    private static string ReflectionName(string cecilName) => cecilName.Replace('/', '+');

    public static TheoryData<string> ModuleNames() => [.. Solution.Modules.Select(m => m.Name)];

    [Theory, MemberData(nameof(ModuleNames))]
    public void A_module_uses_other_modules_through_their_contracts_only(string module)
    {
        var source = Solution.Modules.Single(m => m.Name == module).Assembly;
        Violations(source, Solution.Modules).ShouldBeEmpty();
    }

    [Fact]
    public void The_web_host_uses_modules_through_their_module_class_and_contracts_only()
    {
        // The host lists the modules (their IModule class) and composes them; anything deeper is a module's job.
        var violations = new List<string>();
        foreach (var target in Solution.Modules.Where(m => !m.IsKernel))
        {
            var forbidden = ForbiddenNames(Solution.Host, target)
                .Where(n => !target.ModuleTypes.Any(t => t.FullName == n)).ToArray();
            if (forbidden.Length == 0)
                continue;
            var result = Types.InAssembly(Solution.Host).Should().NotHaveDependencyOnAny(forbidden).GetResult();
            if (!result.IsSuccessful)
                violations.AddRange(result.FailingTypeNames.Select(t => $"{ReflectionName(t)} uses internals of {target.Name}"));
        }
        violations.ShouldBeEmpty();
    }

    [Fact]
    public void The_rule_catches_a_type_reaching_into_another_module()
    {
        // This test assembly plays a module: the probe uses a non-contract type of ReferenceData.
        var violations = Violations(typeof(ModuleBoundaryTests).Assembly, Solution.Modules);
        violations.ShouldContain(v => v.StartsWith(typeof(BoundaryProbes.ReachesIntoAModule).FullName!, StringComparison.Ordinal));
        violations.ShouldNotContain(v => v.StartsWith(typeof(BoundaryProbes.UsesContractsOnly).FullName!, StringComparison.Ordinal));
        violations.ShouldNotContain(v => v.StartsWith(typeof(BoundaryProbes.UsesTheKernel).FullName!, StringComparison.Ordinal));
    }

    [Fact]
    public void Modules_may_not_use_the_kernel_entities_or_services()
    {
        var violations = Violations(typeof(ModuleBoundaryTests).Assembly, Solution.Modules);
        violations.ShouldContain(v => v.StartsWith(typeof(BoundaryProbes.ReadsTheStructureEntity).FullName!, StringComparison.Ordinal));
        violations.ShouldContain(v => v.StartsWith(typeof(BoundaryProbes.UsesAKernelService).FullName!, StringComparison.Ordinal));
        violations.ShouldNotContain(v => v.StartsWith(typeof(BoundaryProbes.UsesTheStructureContract).FullName!, StringComparison.Ordinal));
    }

    [Fact]
    public void The_kernel_may_not_even_use_another_module_contracts()
    {
        var referenceData = Solution.Modules.Single(m => m.Name == "CentresConnectes.ReferenceData");
        var forbidden = ForbiddenNames(typeof(Platform.Contracts.IModule).Assembly, referenceData);
        forbidden.ShouldContain(referenceData.ContractsNamespace);
        ForbiddenNames(typeof(ModuleBoundaryTests).Assembly, referenceData).ShouldNotContain(referenceData.ContractsNamespace);
    }
}

/// <summary>Deliberate cases for the rule's own tests (this assembly is no module: the real rules never scan it).</summary>
internal static class BoundaryProbes
{
    internal sealed class ReachesIntoAModule
    {
        public ReferenceData.ReferenceDataModule? Module { get; set; }
    }

    internal sealed class UsesContractsOnly
    {
        public ReferenceData.Contracts.ReferenceListKind Kind { get; set; }
    }

    internal sealed class UsesTheKernel
    {
        public Platform.Infrastructure.PermissionCatalog? Catalog { get; set; }
    }

    internal sealed class ReadsTheStructureEntity
    {
        public Platform.Domain.Structure? Structure { get; set; }
    }

    internal sealed class UsesAKernelService
    {
        public Platform.Application.StaffService? Staff { get; set; }
    }

    internal sealed class UsesTheStructureContract
    {
        public Platform.Contracts.IStructureDirectory? Structures { get; set; }
    }
}
