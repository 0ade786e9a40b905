namespace CentresConnectes.Platform.Contracts;

/// <summary>What the header shows for a structure (ReferenceData adds the logo).</summary>
public sealed record StructureBranding(string Name, string? LogoUrl);

public interface IStructureBrandingProvider
{
    Task<StructureBranding?> GetAsync(Guid structureId, CancellationToken ct = default);
}

/// <summary>
/// The current structure's logo as image bytes, for printed documents (ReferenceData stores it;
/// without that module documents have no logo).
/// </summary>
public interface IStructureLogoSource
{
    Task<byte[]?> GetCurrentLogoAsync(CancellationToken ct = default);
}
