namespace CentresConnectes.Platform.Contracts;

/// <summary>What other modules may know of a structure (the tenant), without Platform's entity.</summary>
public sealed class StructureInfo
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public string Slug { get; init; } = "";
    public bool IsActive { get; init; }
    public DateTime CreatedAtUtc { get; init; }
}

/// <summary>
/// The structures, read-only, as a query other modules can compose in SQL (same unit of work as
/// their own sets): e.g. a structure's name with its settings row in one query. Host-owned, so not
/// tenant-filtered: a module filters by the structure it works for.
/// </summary>
public interface IStructureDirectory
{
    IQueryable<StructureInfo> Structures { get; }
}
