using CentresConnectes.Platform.Contracts;

namespace CentresConnectes.ReferenceData.Domain;

/// <summary>
/// A structure's own settings: the kiosk welcome message, its logo (original kept, plus the resized
/// copy the pages show) and the public contact details. One row per structure (unique TenantId).
/// </summary>
public sealed class StructureSettings : IMultiTenant
{
    public const int DefaultLogoMaxWidth = 300;
    public const int DefaultLogoMaxHeight = 120;
    public const int LogoDimensionLimit = 2000;

    public StructureSettings()
    {
        Id = Guid.CreateVersion7();
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }

    /// <summary>Already sanitised HTML (never stored unsanitised).</summary>
    public string? WelcomeMessageHtml { get; set; }

    public byte[]? LogoOriginal { get; private set; }
    public string? LogoOriginalContentType { get; private set; }
    public int? LogoOriginalWidth { get; private set; }
    public int? LogoOriginalHeight { get; private set; }
    public byte[]? LogoResized { get; private set; }
    public string? LogoResizedContentType { get; private set; }
    public int? LogoResizedWidth { get; private set; }
    public int? LogoResizedHeight { get; private set; }
    public int LogoMaxWidth { get; private set; } = DefaultLogoMaxWidth;
    public int LogoMaxHeight { get; private set; } = DefaultLogoMaxHeight;
    /// <summary>Changes with every logo change: versions the public URL so caches can keep it for long.</summary>
    public DateTime? LogoUpdatedAtUtc { get; private set; }

    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    /// <summary>Opening hours / closing notice shown to families ("Fermé pendant les vacances de Noël").</summary>
    public string? OpeningNotice { get; set; }

    public DateTime? UpdatedAtUtc { get; set; }

    public bool HasLogo => LogoResized is not null;

    public void SetLogoBounds(int maxWidth, int maxHeight)
    {
        LogoMaxWidth = maxWidth;
        LogoMaxHeight = maxHeight;
    }

    public void SetOriginal(byte[] bytes, string contentType, int width, int height)
    {
        LogoOriginal = bytes;
        LogoOriginalContentType = contentType;
        LogoOriginalWidth = width;
        LogoOriginalHeight = height;
    }

    public void SetResized(byte[] bytes, string contentType, int width, int height, DateTime nowUtc)
    {
        LogoResized = bytes;
        LogoResizedContentType = contentType;
        LogoResizedWidth = width;
        LogoResizedHeight = height;
        LogoUpdatedAtUtc = nowUtc;
    }

    public void RemoveLogo()
    {
        LogoOriginal = null;
        LogoOriginalContentType = null;
        LogoOriginalWidth = null;
        LogoOriginalHeight = null;
        LogoResized = null;
        LogoResizedContentType = null;
        LogoResizedWidth = null;
        LogoResizedHeight = null;
        LogoUpdatedAtUtc = null;
    }
}
