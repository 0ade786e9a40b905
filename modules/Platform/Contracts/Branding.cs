namespace CentresConnectes.Platform.Contracts;

/// <summary>What the header shows for a structure (ReferenceData adds the logo).</summary>
public sealed record StructureBranding(string Name, string? LogoUrl);

public interface IStructureBrandingProvider
{
    Task<StructureBranding?> GetAsync(Guid structureId, CancellationToken ct = default);
}
