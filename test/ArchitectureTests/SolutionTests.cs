using CentresConnectes.Platform;

namespace CentresConnectes.ArchitectureTests;

/// <summary>The discovery the other tests rely on: if it found nothing, they would pass on nothing.</summary>
public sealed class SolutionTests
{
    [Fact]
    public void Every_module_of_the_host_and_of_the_modules_folder_is_found()
    {
        Solution.Modules.ShouldContain(m => m.IsKernel && m.ModuleTypes.Contains(typeof(PlatformModule)));
        var found = Solution.Modules.SelectMany(m => m.ModuleTypes).ToList();
        foreach (var module in AppModules.All())
            found.ShouldContain(module.GetType());

        // One module per project folder under modules/: a module not loaded here would escape every rule.
        var projects = Solution.RepositoryRoot.GetDirectories("modules").Single()
            .EnumerateFiles("*.csproj", SearchOption.AllDirectories)
            .Where(f => !f.FullName.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .ToList();
        projects.ShouldNotBeEmpty();
        Solution.Modules.Count.ShouldBe(projects.Count, "module assemblies found vs. projects under modules/");
    }

    [Fact]
    public void A_module_assembly_is_named_after_its_module_namespace()
    {
        foreach (var module in Solution.Modules)
            foreach (var type in module.ModuleTypes)
                type.Namespace.ShouldBe(module.Name, $"{type.FullName} lives outside its assembly's root namespace");
    }

    /// <summary>
    /// The benchmarks print the application's peak memory and latencies: they must run with the host's
    /// runtime settings (GC, thread pool — ADR 0019), or a figure would describe a process the
    /// application never is. Both projects import host/Runtime.props, and state nothing of their own.
    /// </summary>
    [Fact]
    public void The_benchmarks_run_with_the_hosts_runtime_settings()
    {
        static System.Xml.Linq.XDocument Load(string path) => System.Xml.Linq.XDocument.Load(Path.Combine(Solution.RepositoryRoot.FullName, path));
        string[] runtime = ["ServerGarbageCollection", "ConcurrentGarbageCollection", "RuntimeHostConfigurationOption", "TieredPGO", "TieredCompilation"];

        var settings = Load("host/Runtime.props");
        settings.Descendants("ServerGarbageCollection").Single().Value.ShouldBe("false", "the host's GC is stated, not the Web SDK's server default");
        foreach (var (project, import) in new[] { ("host/CentresConnectes.Web/CentresConnectes.Web.csproj", "../Runtime.props"), ("test/Benchmarks/Benchmarks.csproj", "../../host/Runtime.props") })
        {
            var xml = Load(project);
            xml.Descendants("Import").Select(i => i.Attribute("Project")?.Value).ShouldContain(import, project);
            xml.Descendants().Select(e => e.Name.LocalName).Intersect(runtime).ShouldBeEmpty($"{project} states a runtime setting of its own");
        }
    }
}
