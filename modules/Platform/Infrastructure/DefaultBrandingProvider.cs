using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.Platform.Infrastructure;

/// <summary>The structure's name, without logo, until a module registers a richer provider.</summary>
internal sealed class DefaultBrandingProvider(AppDbContext db) : IStructureBrandingProvider
{
    public async Task<StructureBranding?> GetAsync(Guid structureId, CancellationToken ct = default) =>
        await db.Structures.AsNoTracking().Where(s => s.Id == structureId)
            .Select(s => new StructureBranding(s.Name, null)).SingleOrDefaultAsync(ct);
}
