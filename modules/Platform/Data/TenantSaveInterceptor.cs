using CentresConnectes.Platform.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CentresConnectes.Platform.Data;

/// <summary>
/// Stamps the current structure on new tenant-owned rows and refuses any write to another
/// structure's row. The tenant is read from the context instance being saved.
/// </summary>
public sealed class TenantSaveInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Apply(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Apply(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Apply(DbContext? context)
    {
        if (context is not AppDbContext app)
            return;
        var tenantId = app.CurrentTenantId;
        foreach (var entry in app.ChangeTracker.Entries<IMultiTenant>())
        {
            var property = entry.Property(nameof(IMultiTenant.TenantId));
            switch (entry.State)
            {
                case EntityState.Added:
                    if (tenantId == Guid.Empty)
                        throw new CrossTenantWriteException($"Cannot add {entry.Metadata.ClrType.Name} outside a structure.");
                    var given = (Guid)property.CurrentValue!;
                    if (given != Guid.Empty && given != tenantId)
                        throw new CrossTenantWriteException($"Cannot add {entry.Metadata.ClrType.Name} to another structure.");
                    property.CurrentValue = tenantId;
                    break;
                case EntityState.Modified:
                case EntityState.Deleted:
                    var original = (Guid)property.OriginalValue!;
                    if (original != tenantId || (Guid)property.CurrentValue! != tenantId)
                        throw new CrossTenantWriteException($"Cannot modify {entry.Metadata.ClrType.Name} of another structure.");
                    break;
            }
        }
    }
}
