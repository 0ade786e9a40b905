using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.ReferenceData.Contracts;
using CentresConnectes.ReferenceData.Data;
using CentresConnectes.ReferenceData.Domain;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.ReferenceData.Application;

/// <summary>
/// Gives a structure its starting lists (a copy of the platform defaults) and its settings row.
/// Idempotent: a list that already has values, existing brackets or an existing settings row are
/// left alone, so it also completes structures created before this module existed.
/// </summary>
public sealed class ReferenceDataProvisioning(AppDbContext db, IStructureDirectory structures, ICurrentTenant tenant)
{
    /// <summary>Returns true when something was added.</summary>
    public async Task<bool> ProvisionAsync(Guid structureId, CancellationToken ct = default) =>
        await ProvisionAsync(structureId, await LoadDefaultsAsync(ct), ct);

    /// <summary>Host operation: completes every existing structure; returns how many got something.</summary>
    public async Task<int> ProvisionAllAsync(CancellationToken ct = default)
    {
        var defaults = await LoadDefaultsAsync(ct);
        // cross-tenant: the structures table is host-owned; each one is then handled inside itself
        // (test: Completing_existing_structures_is_idempotent_and_leaves_filled_lists_alone)
        var ids = await structures.Structures.OrderBy(s => s.CreatedAtUtc).Select(s => s.Id).ToListAsync(ct);
        var count = 0;
        foreach (var id in ids)
        {
            if (await ProvisionAsync(id, defaults, ct))
                count++;
        }
        return count;
    }

    private sealed record DefaultLists(IReadOnlyList<DefaultReferenceItem> Items, IReadOnlyList<DefaultAgeBracket> Brackets);

    private async Task<DefaultLists> LoadDefaultsAsync(CancellationToken ct) => new(
        await db.DefaultItems().AsNoTracking().OrderBy(d => d.Kind).ThenBy(d => d.Order).ToListAsync(ct),
        await db.DefaultAgeBrackets().AsNoTracking().OrderBy(d => d.MinAge).ToListAsync(ct));

    private async Task<bool> ProvisionAsync(Guid structureId, DefaultLists defaults, CancellationToken ct)
    {
        // cross-tenant: inside the new structure, the filter shows its rows only and the interceptor
        // stamps its id (test: Completing_existing_structures_is_idempotent_and_leaves_filled_lists_alone)
        using (tenant.Change(structureId))
        {
            var added = false;
            var filledKinds = await db.ReferenceItems().Select(i => i.Kind).Distinct().ToListAsync(ct);
            foreach (var group in defaults.Items.GroupBy(d => d.Kind).Where(g => !filledKinds.Contains(g.Key)))
            {
                var order = 1;
                foreach (var d in group)
                    db.ReferenceItems().Add(new ReferenceItem(d.Kind, d.Label, d.Code, order++, d.IsSensitive));
                added = true;
            }

            if (!await db.AgeBrackets().AnyAsync(ct))
            {
                var order = 1;
                foreach (var d in defaults.Brackets)
                    db.AgeBrackets().Add(new AgeBracket(d.Label, d.MinAge, d.MaxAge, order++));
                added |= defaults.Brackets.Count > 0;
            }

            if (!await db.StructureSettings().AnyAsync(ct))
            {
                db.StructureSettings().Add(new StructureSettings());
                added = true;
            }

            if (added)
                await db.SaveChangesAsync(ct);
            return added;
        }
    }
}

/// <summary>A new structure starts with the platform defaults (same transaction as its creation).</summary>
internal sealed class StructureCreatedHandler(ReferenceDataProvisioning provisioning) : IEventHandler<StructureCreated>
{
    public Task HandleAsync(StructureCreated @event, CancellationToken ct) => provisioning.ProvisionAsync(@event.StructureId, ct);
}

/// <summary>Read-only access to the current structure's lists for the other modules.</summary>
internal sealed class ReferenceDataQuery(AppDbContext db) : IReferenceDataQuery
{
    public Task<IReadOnlyList<ReferenceItemDto>> ListAsync(ReferenceListKind kind, bool includeInactive = false, CancellationToken ct = default) =>
        ListAsync(db.ReferenceItems().Where(i => i.Kind == kind), includeInactive, ct);

    public Task<IReadOnlyList<ReferenceItemDto>> ListAllAsync(bool includeInactive = false, CancellationToken ct = default) =>
        ListAsync(db.ReferenceItems(), includeInactive, ct);

    private static async Task<IReadOnlyList<ReferenceItemDto>> ListAsync(IQueryable<ReferenceItem> items, bool includeInactive, CancellationToken ct)
    {
        if (!includeInactive)
            items = items.Where(i => i.IsActive);
        return await items.AsNoTracking().OrderBy(i => i.Kind).ThenBy(i => i.Order).ThenBy(i => i.Label)
            .Select(i => new ReferenceItemDto(i.Id, i.Kind, i.Label, i.Code, i.Order, i.IsActive, i.IsSensitive)).ToListAsync(ct);
    }

    public Task<ReferenceItemDto?> FindAsync(Guid id, CancellationToken ct = default) =>
        db.ReferenceItems().AsNoTracking().Where(i => i.Id == id)
            .Select(i => new ReferenceItemDto(i.Id, i.Kind, i.Label, i.Code, i.Order, i.IsActive, i.IsSensitive)).SingleOrDefaultAsync(ct);

    public async Task<IReadOnlyList<AgeBracketDto>> AgeBracketsAsync(bool includeInactive = false, CancellationToken ct = default)
    {
        var query = db.AgeBrackets().AsNoTracking();
        if (!includeInactive)
            query = query.Where(a => a.IsActive);
        return await query.OrderBy(a => a.MinAge).ThenBy(a => a.MaxAge)
            .Select(a => new AgeBracketDto(a.Id, a.Label, a.MinAge, a.MaxAge, a.Order, a.IsActive)).ToListAsync(ct);
    }
}

/// <summary>The header's branding: the structure's name and, when it has one, its resized logo.</summary>
internal sealed class ReferenceDataBrandingProvider(AppDbContext db, IStructureDirectory structures, ICurrentTenant tenant) : IStructureBrandingProvider
{
    /// <summary>
    /// Runs on every page, so one query: the structure (host-owned, not filtered) with its settings row
    /// as a subquery, read inside the structure because that table is tenant-filtered.
    /// A logo is there exactly when its version date is (set and cleared together with the resized copy).
    /// </summary>
    public async Task<StructureBranding?> GetAsync(Guid structureId, CancellationToken ct = default)
    {
        // cross-tenant: the header of a structure's pages reads that structure's own settings row
        // (test: A_logo_is_kept_as_uploaded_and_resized_to_the_chosen_bounds)
        using (tenant.Change(structureId))
        {
            var settings = db.StructureSettings();
            var row = await structures.Structures.Where(s => s.Id == structureId)
                .Select(s => new
                {
                    s.Name,
                    LogoUpdatedAtUtc = settings.Where(x => x.LogoResized != null).Select(x => x.LogoUpdatedAtUtc).FirstOrDefault(),
                })
                .SingleOrDefaultAsync(ct);
            if (row is null)
                return null;
            return new StructureBranding(row.Name, row.LogoUpdatedAtUtc is null ? null : LogoUrls.Public(structureId, row.LogoUpdatedAtUtc));
        }
    }
}

/// <summary>The resized logo (PNG) of the current structure, for the header of printed documents.</summary>
internal sealed class ReferenceDataLogoSource(AppDbContext db, ICurrentTenant tenant) : IStructureLogoSource
{
    public async Task<byte[]?> GetCurrentLogoAsync(CancellationToken ct = default)
    {
        if (!tenant.IsAvailable)
            return null;
        return await db.StructureSettings().AsNoTracking().Where(s => s.LogoResized != null)
            .Select(s => s.LogoResized).SingleOrDefaultAsync(ct);
    }
}
