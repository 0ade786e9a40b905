using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CentresConnectes.Platform.Tests;

/// <summary>The model built from every module of the host: no tenant-owned entity escapes the filter.</summary>
public sealed class TenantModelTests : IDisposable
{
    private readonly SqliteDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private IReadOnlyList<IEntityType> TenantEntityTypes()
    {
        using var db = _database.DetachedContext();
        return db.Model.GetEntityTypes().Where(t => typeof(IMultiTenant).IsAssignableFrom(t.ClrType)).ToList();
    }

    [Fact]
    public void The_model_holds_every_module_of_the_host()
    {
        using var db = _database.DetachedContext();
        db.Modules.Select(m => m.GetType()).ShouldBe(AppModules.All().Select(m => m.GetType()).Append(typeof(TestModule)));
    }

    [Fact]
    public void The_check_sees_tenant_owned_entities()
    {
        // Without this the next test could pass on an empty list.
        TenantEntityTypes().Select(t => t.ClrType).ShouldContain(typeof(TestNote));
        TenantEntityTypes().Select(t => t.ClrType).ShouldContain(typeof(TestPinnedNote));
    }

    [Fact]
    public void Every_tenant_owned_entity_carries_the_named_tenant_filter()
    {
        var missing = TenantEntityTypes()
            .Where(t => t.GetRootType().FindDeclaredQueryFilter(AppDbContext.TenantFilter) is null)
            .Select(t => t.ClrType.FullName)
            .ToList();
        missing.ShouldBeEmpty("IMultiTenant entities without the \"Tenant\" query filter");
    }

    [Fact]
    public void The_tenant_filter_reads_the_tenant_id()
    {
        foreach (var type in TenantEntityTypes())
        {
            var filter = type.GetRootType().FindDeclaredQueryFilter(AppDbContext.TenantFilter)!;
            filter.Expression!.ToString().ShouldContain(nameof(IMultiTenant.TenantId), customMessage: type.ClrType.Name);
            filter.Expression!.ToString().ShouldContain(nameof(AppDbContext.CurrentTenantId), customMessage: type.ClrType.Name);
        }
    }

    [Fact]
    public void Every_tenant_owned_table_is_indexed_by_tenant()
    {
        foreach (var type in TenantEntityTypes().Where(t => t.BaseType is null))
        {
            // A primary key is an index too (the presence tallies' key leads with TenantId).
            type.GetIndexes().Select(i => i.Properties).Append(type.FindPrimaryKey()?.Properties ?? [])
                .ShouldContain(columns => columns.Count > 0 && columns[0].Name == nameof(IMultiTenant.TenantId),
                    customMessage: type.ClrType.Name + " has no index or key starting with TenantId");
        }
    }

    [Fact]
    public void No_single_column_tenant_index_doubles_a_composite_one()
    {
        var redundant = TenantEntityTypes().Where(t => t.BaseType is null)
            .Where(t => t.GetIndexes().Any(i => i.Properties.Count > 1 && i.Properties[0].Name == nameof(IMultiTenant.TenantId))
                && t.GetIndexes().Any(i => i.Properties.Count == 1 && i.Properties[0].Name == nameof(IMultiTenant.TenantId) && !i.IsUnique))
            .Select(t => t.ClrType.Name)
            .ToList();
        // The check must see the case it is about: Persons has composite indexes leading with TenantId.
        TenantEntityTypes().ShouldContain(t => t.GetIndexes().Any(i => i.Properties.Count > 1 && i.Properties[0].Name == nameof(IMultiTenant.TenantId)));
        redundant.ShouldBeEmpty("a composite index starting with TenantId already serves the tenant filter");
    }
}
