using System.Reflection;
using System.Runtime.Loader;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;

namespace CentresConnectes.ArchitectureTests;

/// <summary>A module as the tests see it: its assembly, whose name is also its root namespace.</summary>
public sealed record ModuleAssembly(Assembly Assembly, IReadOnlyList<Type> ModuleTypes)
{
    public string Name => Assembly.GetName().Name!;
    public string ContractsNamespace => Name + ".Contracts";
    public bool IsKernel => Assembly == typeof(IModule).Assembly;
    public override string ToString() => Name;
}

/// <summary>What the application is made of, found by looking (never by a list kept by hand).</summary>
public static class Solution
{

    private static readonly Lazy<IReadOnlyList<ModuleAssembly>> LazyModules = new(FindModules);

    /// <summary>Every assembly named CentresConnectes.* next to the tests that holds an <see cref="IModule"/>.</summary>
    public static IReadOnlyList<ModuleAssembly> Modules => LazyModules.Value;

    public static Assembly Host => typeof(Program).Assembly;

    /// <summary>The module assemblies plus the web host: everything that can serve a page.</summary>
    public static IReadOnlyList<Assembly> WebAssemblies => [.. Modules.Select(m => m.Assembly), Host];

    public static PermissionCatalog Permissions { get; } = new(
        Modules.SelectMany(m => m.ModuleTypes).Select(t => (IModule)Activator.CreateInstance(t)!).ToList());

    public static IEnumerable<Type> LoadableTypes(this Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            return ex.Types.OfType<Type>();
        }
    }

    private static IReadOnlyList<ModuleAssembly> FindModules()
    {
        var modules = new List<ModuleAssembly>();
        foreach (var file in Directory.GetFiles(AppContext.BaseDirectory, "CentresConnectes.*.dll").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (name == typeof(Solution).Assembly.GetName().Name)
                continue;
            var assembly = AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName(name));
            var moduleTypes = assembly.LoadableTypes()
                .Where(t => typeof(IModule).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
                .ToList();
            if (moduleTypes.Count > 0)
                modules.Add(new ModuleAssembly(assembly, moduleTypes));
        }
        return modules;
    }

    public static DirectoryInfo RepositoryRoot => TestSupport.TestEnvironment.RepositoryRoot;
}
