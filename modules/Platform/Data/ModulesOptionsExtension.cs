using CentresConnectes.Platform.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CentresConnectes.Platform.Data;

/// <summary>Carries the module list into <see cref="AppDbContext"/> options (the model is built from it).</summary>
public sealed class ModulesOptionsExtension(IReadOnlyList<IModule> modules, DatabaseProvider provider) : IDbContextOptionsExtension
{
    public IReadOnlyList<IModule> Modules { get; } = modules;
    public DatabaseProvider Provider { get; } = provider;

    public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
        // The model differs with the module set: cache one model per set and provider.
        services.AddSingleton<IModelCacheKeyFactory, ModuleSetModelCacheKeyFactory>();
    }

    public void Validate(IDbContextOptions options) { }

    internal string CacheKey => Provider + ":" + string.Join(",", Modules.Select(m => m.GetType().FullName));

    private sealed class ExtensionInfo(ModulesOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        private new ModulesOptionsExtension Extension => (ModulesOptionsExtension)base.Extension;
        public override bool IsDatabaseProvider => false;
        public override string LogFragment => $"Modules={Extension.CacheKey} ";
        public override int GetServiceProviderHashCode() => Extension.CacheKey.GetHashCode(StringComparison.Ordinal);
        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) =>
            other is ExtensionInfo o && o.Extension.CacheKey == Extension.CacheKey;
        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) =>
            debugInfo["Modules"] = Extension.CacheKey;
    }
}

internal sealed class ModuleSetModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        context is AppDbContext app
            ? (context.GetType(), string.Join(",", app.Modules.Select(m => m.GetType().FullName)), app.Provider, designTime)
            : (context.GetType(), designTime);
}

public static class ModulesDbContextOptionsExtensions
{
    public static DbContextOptionsBuilder UseModules(this DbContextOptionsBuilder builder, IReadOnlyList<IModule> modules, DatabaseProvider provider)
    {
        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new ModulesOptionsExtension(modules, provider));
        return builder;
    }
}
