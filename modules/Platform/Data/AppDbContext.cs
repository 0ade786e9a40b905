using System.Reflection;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.Platform.Data;

/// <summary>
/// The one DbContext of the application (ADR 0002): Identity plus every module's model.
/// Contexts are pooled; each lease is attached to the scope's <see cref="ICurrentTenant"/>
/// and detached on return, so the tenant filter always reads the current instance's tenant.
/// </summary>
public sealed class AppDbContext : IdentityDbContext<AppUser, AppRole, Guid>, IDataProtectionKeyContext
{
    public const string TenantFilter = "Tenant";

    private ICurrentTenant? _tenant;

    public AppDbContext(DbContextOptions<AppDbContext> options) : base(options)
    {
        var extension = options.FindExtension<ModulesOptionsExtension>()
            ?? throw new InvalidOperationException("AppDbContext needs UseModules(...) in its options.");
        Modules = extension.Modules;
        Provider = extension.Provider;
    }

    public IReadOnlyList<IModule> Modules { get; }
    public DatabaseProvider Provider { get; }

    /// <summary>
    /// The tenant the filter compares with. Without an attached tenant (or at host level) it is
    /// <see cref="Guid.Empty"/>, which no row carries: the filter then shows nothing.
    /// </summary>
    public Guid CurrentTenantId => _tenant?.Id ?? Guid.Empty;

    internal ICurrentTenant? Tenant => _tenant;

    public DbSet<Structure> Structures => Set<Structure>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<KioskDevice> KioskDevices => Set<KioskDevice>();
    public DbSet<Installation> Installations => Set<Installation>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    internal void AttachTenant(ICurrentTenant tenant) => _tenant = tenant;

    public override void Dispose()
    {
        _tenant = null;
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        _tenant = null;
        return base.DisposeAsync();
    }

    /// <summary>
    /// One convention for stored times on both providers: UTC, read back as <see cref="DateTimeKind.Utc"/>.
    /// PostgreSQL's timestamptz does so itself; SQLite stores text and would hand back Unspecified, which
    /// code converting to Paris time could mistake for local time.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        if (Provider == DatabaseProvider.Sqlite)
        {
            configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
            configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        }
    }

    private sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : v,
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        foreach (var module in Modules)
            module.ConfigureModel(builder, Provider);
        ApplyTenantFilters(builder);
    }

    private static readonly MethodInfo ApplyTenantFilterMethod =
        typeof(AppDbContext).GetMethod(nameof(ApplyTenantFilter), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private void ApplyTenantFilters(ModelBuilder builder)
    {
        foreach (var entityType in builder.Model.GetEntityTypes().ToList())
        {
            if (entityType.BaseType is null && typeof(IMultiTenant).IsAssignableFrom(entityType.ClrType))
                ApplyTenantFilterMethod.MakeGenericMethod(entityType.ClrType).Invoke(this, [builder]);
        }
    }

    // The lambda captures `this`: EF turns CurrentTenantId into a parameter read from the
    // context instance that runs the query, never from the instance that built the model.
    private void ApplyTenantFilter<TEntity>(ModelBuilder builder) where TEntity : class, IMultiTenant
    {
        var entity = builder.Entity<TEntity>();
        entity.HasQueryFilter(TenantFilter, e => e.TenantId == CurrentTenantId);
        // Every filtered query starts with TenantId: an index must lead with it. A module's composite
        // index (or key) starting with TenantId already serves (a second, single-column one only slows writes).
        var served = entity.Metadata.GetIndexes().Select(i => i.Properties).Append(entity.Metadata.FindPrimaryKey()?.Properties ?? [])
            .Any(columns => columns.Count > 0 && columns[0].Name == nameof(IMultiTenant.TenantId));
        if (!served)
            entity.HasIndex(e => e.TenantId);
    }
}
