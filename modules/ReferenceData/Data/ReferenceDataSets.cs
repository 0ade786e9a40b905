using CentresConnectes.Platform.Data;
using CentresConnectes.ReferenceData.Domain;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.ReferenceData.Data;

/// <summary>The module's tables on the shared context.</summary>
internal static class ReferenceDataSets
{
    public static DbSet<ReferenceItem> ReferenceItems(this AppDbContext db) => db.Set<ReferenceItem>();
    public static DbSet<AgeBracket> AgeBrackets(this AppDbContext db) => db.Set<AgeBracket>();
    public static DbSet<StructureSettings> StructureSettings(this AppDbContext db) => db.Set<StructureSettings>();
    public static DbSet<DefaultReferenceItem> DefaultItems(this AppDbContext db) => db.Set<DefaultReferenceItem>();
    public static DbSet<DefaultAgeBracket> DefaultAgeBrackets(this AppDbContext db) => db.Set<DefaultAgeBracket>();
}
