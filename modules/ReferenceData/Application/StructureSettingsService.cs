using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.ReferenceData.Data;
using CentresConnectes.ReferenceData.Domain;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.ReferenceData.Application;

/// <summary>The settings as pages and the API show them (never the image bytes).</summary>
public sealed record StructureSettingsView(
    Guid StructureId,
    string StructureName,
    string? WelcomeMessageHtml,
    string? Address,
    string? Phone,
    string? Email,
    string? OpeningNotice,
    bool HasLogo,
    int LogoMaxWidth,
    int LogoMaxHeight,
    int? LogoOriginalWidth,
    int? LogoOriginalHeight,
    int? LogoWidth,
    int? LogoHeight,
    string? LogoUrl);

public sealed record ContactInput(string? Address, string? Phone, string? Email, string? OpeningNotice);

public sealed record LogoFile(byte[] Bytes, string ContentType, DateTime UpdatedAtUtc);

/// <summary>The current structure's welcome message, contact details and logo.</summary>
public sealed class StructureSettingsService(AppDbContext db, IStructureDirectory structures, ICurrentTenant tenant, IAuditLog audit, TimeProvider clock)
{
    public async Task<StructureSettingsView> GetAsync(CancellationToken ct = default)
    {
        var structureId = RequireStructure();
        var name = await structures.Structures.Where(s => s.Id == structureId).Select(s => s.Name).SingleOrDefaultAsync(ct)
            ?? throw new EntityNotFoundException("Structure", structureId);
        var view = await db.StructureSettings().AsNoTracking()
            .Select(s => new StructureSettingsView(structureId, name, s.WelcomeMessageHtml, s.Address, s.Phone, s.Email, s.OpeningNotice,
                s.LogoResized != null, s.LogoMaxWidth, s.LogoMaxHeight, s.LogoOriginalWidth, s.LogoOriginalHeight,
                s.LogoResizedWidth, s.LogoResizedHeight, s.LogoResized != null ? LogoUrls.Public(structureId, s.LogoUpdatedAtUtc) : null))
            .SingleOrDefaultAsync(ct);
        return view ?? new StructureSettingsView(structureId, name, null, null, null, null, null, false,
            StructureSettings.DefaultLogoMaxWidth, StructureSettings.DefaultLogoMaxHeight, null, null, null, null, null);
    }

    /// <summary>Stores the sanitised message and returns it.</summary>
    public async Task<string?> UpdateWelcomeMessageAsync(string? html, CancellationToken ct = default)
    {
        if (html is { Length: > 20_000 })
            throw new BusinessException("Le message d'accueil est trop long (20 000 caractères au plus).");
        var clean = WelcomeMessageSanitizer.Sanitize(html);
        if (clean is { Length: > 20_000 })
            throw new BusinessException("Le message d'accueil est trop long (20 000 caractères au plus).");
        var settings = await LoadOrCreateAsync(ct);
        settings.WelcomeMessageHtml = clean;
        settings.UpdatedAtUtc = Now;
        audit.Record("Message d'accueil modifié", "Paramètres");
        await db.SaveChangesAsync(ct);
        return clean;
    }

    public async Task UpdateContactAsync(ContactInput input, CancellationToken ct = default)
    {
        var address = Fields.Optional(input.Address, "Adresse", 300);
        var phone = Fields.OptionalPhone(input.Phone, "Téléphone");
        var email = Fields.OptionalEmail(input.Email, "E-mail");
        var notice = Fields.Optional(input.OpeningNotice, "Horaires et informations d'ouverture", 2000);
        var settings = await LoadOrCreateAsync(ct);
        settings.Address = address;
        settings.Phone = phone;
        settings.Email = email;
        settings.OpeningNotice = notice;
        settings.UpdatedAtUtc = Now;
        audit.Record("Coordonnées modifiées", "Paramètres");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Checks the upload by its content, keeps the original and stores a copy resized to the bounds
    /// (the current ones when not given). A refused file changes nothing.
    /// </summary>
    public async Task UploadLogoAsync(Stream content, int? maxWidth, int? maxHeight, CancellationToken ct = default)
    {
        RequireStructure();
        var bytes = await LogoImage.ReadLimitedAsync(content, ct);
        using var logo = LogoImage.Decode(bytes);
        var settings = await LoadOrCreateAsync(ct);
        var width = maxWidth ?? settings.LogoMaxWidth;
        var height = maxHeight ?? settings.LogoMaxHeight;
        LogoImage.ValidateBounds(width, height);
        var resized = LogoImage.Resize(logo.Bitmap, width, height);

        settings.SetLogoBounds(width, height);
        settings.SetOriginal(logo.Bytes, logo.ContentType, logo.Width, logo.Height);
        settings.SetResized(resized.Bytes, resized.ContentType, resized.Width, resized.Height, Now);
        settings.UpdatedAtUtc = Now;
        audit.Record("Logo modifié", "Paramètres", details: $"{logo.Width} × {logo.Height} → {resized.Width} × {resized.Height}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>New bounds: the kept original is resized again (no new upload needed).</summary>
    public async Task ResizeLogoAsync(int? maxWidth, int? maxHeight, CancellationToken ct = default)
    {
        if (maxWidth is not { } width || maxHeight is not { } height)
            throw new BusinessException("Indiquez la largeur et la hauteur maximales du logo.");
        LogoImage.ValidateBounds(width, height);
        var settings = await LoadOrCreateAsync(ct);
        settings.SetLogoBounds(width, height);
        if (settings.LogoOriginal is { } original)
        {
            using var logo = LogoImage.Decode(original);
            var resized = LogoImage.Resize(logo.Bitmap, width, height);
            settings.SetResized(resized.Bytes, resized.ContentType, resized.Width, resized.Height, Now);
        }
        settings.UpdatedAtUtc = Now;
        audit.Record("Dimensions du logo modifiées", "Paramètres", details: $"{width} × {height}");
        await db.SaveChangesAsync(ct);
    }

    public async Task RemoveLogoAsync(CancellationToken ct = default)
    {
        var settings = await LoadOrCreateAsync(ct);
        if (!settings.HasLogo && settings.LogoOriginal is null)
            return;
        settings.RemoveLogo();
        settings.UpdatedAtUtc = Now;
        audit.Record("Logo supprimé", "Paramètres");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The current structure's logo (resized, or the original as uploaded).</summary>
    public async Task<LogoFile?> GetLogoAsync(bool original, CancellationToken ct = default)
    {
        RequireStructure();
        return original
            ? await db.StructureSettings().AsNoTracking().Where(s => s.LogoOriginal != null)
                .Select(s => new LogoFile(s.LogoOriginal!, s.LogoOriginalContentType!, s.LogoUpdatedAtUtc!.Value)).SingleOrDefaultAsync(ct)
            : await db.StructureSettings().AsNoTracking().Where(s => s.LogoResized != null)
                .Select(s => new LogoFile(s.LogoResized!, s.LogoResizedContentType!, s.LogoUpdatedAtUtc!.Value)).SingleOrDefaultAsync(ct);
    }

    /// <summary>
    /// A structure's resized logo for anonymous visitors (the ludothèque kiosk shows it before anyone signs in):
    /// a logo is public-facing by nature. The original and every other setting stay private.
    /// Suspended or unknown structures have none.
    /// </summary>
    public async Task<LogoFile?> GetPublicLogoAsync(Guid structureId, CancellationToken ct = default)
    {
        if (!await structures.Structures.AnyAsync(s => s.Id == structureId && s.IsActive, ct))
            return null;
        // cross-tenant: an anonymous visitor has no structure; the public logo is read inside the one
        // named in the address, resized copy only (test: The_public_logo_address_serves_that_structures_logo_only)
        using (tenant.Change(structureId))
        {
            return await GetLogoAsync(original: false, ct);
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private Guid RequireStructure() => tenant.Id ?? throw new EntityNotFoundException("Structure");

    /// <summary>The row is created with the structure; structures older than the module get it on first save.</summary>
    private async Task<StructureSettings> LoadOrCreateAsync(CancellationToken ct)
    {
        RequireStructure();
        var settings = await db.StructureSettings().SingleOrDefaultAsync(ct);
        if (settings is null)
        {
            settings = new StructureSettings();
            db.StructureSettings().Add(settings);
        }
        return settings;
    }
}

public static class LogoUrls
{
    /// <summary>The versioned public URL: a new logo gets a new URL, so browsers may cache it for long.</summary>
    public static string Public(Guid structureId, DateTime? updatedAtUtc) => $"/logo/{structureId}?v={Version(updatedAtUtc)}";

    /// <summary>The logo's version token (the URL's "v" and the response's ETag): changes with every logo change.</summary>
    public static string Version(DateTime? updatedAtUtc) => (updatedAtUtc ?? DateTime.UnixEpoch).Ticks.ToString("x");
}
