using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.Platform.Application;

/// <summary>A member-init projection (not a constructor), so callers can go on filtering and selecting in SQL.</summary>
internal sealed class StructureDirectory(AppDbContext db) : IStructureDirectory
{
    public IQueryable<StructureInfo> Structures => db.Structures.AsNoTracking().Select(s => new StructureInfo
    {
        Id = s.Id,
        Name = s.Name,
        Slug = s.Slug,
        IsActive = s.IsActive,
        CreatedAtUtc = s.CreatedAtUtc,
    });
}
