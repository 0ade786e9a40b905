using CentresConnectes.Platform.Contracts;

namespace CentresConnectes.Platform.Documents;

/// <summary>Fills the header from the current structure (name, logo) and the edition time, then renders.</summary>
internal sealed class PdfDocuments(ICurrentTenant tenant, IStructureBrandingProvider branding, IStructureLogoSource logos, TimeProvider clock) : IPdfDocuments
{
    public async Task<byte[]> RenderAsync(PdfDocumentSpec spec, CancellationToken ct = default)
    {
        var structureId = tenant.Id;
        var name = spec.StructureName;
        var logo = spec.Logo;
        if (structureId is { } id)
        {
            name ??= (await branding.GetAsync(id, ct))?.Name;
            logo ??= await logos.GetCurrentLogoAsync(ct);
        }
        var filled = spec with { StructureName = name, Logo = logo, GeneratedAtUtc = spec.GeneratedAtUtc ?? clock.GetUtcNow().UtcDateTime };
        // Layout and drawing are CPU only; off the request thread for long lists.
        return await Task.Run(() => PdfRenderer.Render(filled), ct);
    }
}

/// <summary>No logo until a module that stores one (ReferenceData) replaces this.</summary>
internal sealed class NoStructureLogo : IStructureLogoSource
{
    public Task<byte[]?> GetCurrentLogoAsync(CancellationToken ct = default) => Task.FromResult<byte[]?>(null);
}
