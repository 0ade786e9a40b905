using System.Security.Cryptography;
using System.Text.Json;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.Platform.Infrastructure;
using CentresConnectes.SmsAlerts.Contracts;
using CentresConnectes.SmsAlerts.Domain;
using CentresConnectes.SmsAlerts.Providers;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.SmsAlerts.Application;

/// <summary>What the structure's admin sets: sender name, STOP mention, quiet hours.</summary>
public sealed class StructureSmsSettingsInput
{
    public string SenderName { get; set; } = "";
    public string StopMention { get; set; } = "";
    public string AllowedFrom { get; set; } = "08:00";
    public string AllowedUntil { get; set; } = "20:00";
    public List<int> AllowedDays { get; set; } = [1, 2, 3, 4, 5, 6];
    public bool HolidaysAllowed { get; set; }
}

/// <summary>What only the super-admin sets: provider, credentials (write-only), quota, price.</summary>
public sealed class ProviderSettingsInput
{
    public ProviderKind Provider { get; set; }
    public int? MonthlyQuota { get; set; }
    public int CostPerSegmentCents { get; set; } = 5;
    /// <summary>Null keeps the stored credentials (they are never shown back).</summary>
    public ProviderCredentials? Credentials { get; set; }
}

public sealed record SmsSettingsView(
    ProviderKind Provider, bool HasCredentials, int? MonthlyQuota, int CostPerSegmentCents, string SenderName, string StopMention,
    TimeOnly AllowedFrom, TimeOnly AllowedUntil, IReadOnlyList<int> AllowedDays, bool HolidaysAllowed, string WebhookToken);

/// <summary>The current structure's SMS settings (created with the defaults on first use).</summary>
public sealed class SmsSettingsService(AppDbContext db, ICurrentTenant tenant, IStructureSecrets secrets, IAuditLog audit, TimeProvider clock)
{
    public async Task<SmsSettings> GetOrCreateAsync(CancellationToken ct = default)
    {
        tenant.RequireId();
        var settings = await db.Set<SmsSettings>().SingleOrDefaultAsync(ct);
        if (settings is not null)
            return settings;
        settings = new SmsSettings(NewToken());
        db.Set<SmsSettings>().Add(settings);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // Another request created them at the same moment.
            db.Entry(settings).State = EntityState.Detached;
            settings = await db.Set<SmsSettings>().SingleAsync(ct);
        }
        return settings;
    }

    public async Task<SmsSettingsView> GetAsync(CancellationToken ct = default) => View(await GetOrCreateAsync(ct));

    public ProviderCredentials Credentials(SmsSettings settings) =>
        settings.ProtectedCredentials is { Length: > 0 } cipher && secrets.Unprotect(cipher) is { } json
            ? JsonSerializer.Deserialize<ProviderCredentials>(json) ?? new ProviderCredentials()
            : new ProviderCredentials();

    public async Task UpdateStructureAsync(StructureSmsSettingsInput input, CancellationToken ct = default)
    {
        var sender = (input.SenderName ?? "").Trim();
        if (sender.Length is 0 or > SmsSettings.SenderMaxLength || !sender.All(c => char.IsAsciiLetterOrDigit(c) || c == ' '))
            throw new BusinessException("Le nom d'expéditeur doit avoir 1 à 11 caractères, lettres sans accents ou chiffres.");
        if (sender.All(char.IsAsciiDigit))
            throw new BusinessException("Le nom d'expéditeur doit contenir au moins une lettre.");
        var stop = (input.StopMention ?? "").Trim();
        if (!stop.Contains("STOP", StringComparison.Ordinal) || stop.Length > 40)
            throw new BusinessException("La mention de désinscription doit contenir le mot STOP (40 caractères au plus), par exemple « STOP au 36111 ».");
        if (!TimeOnly.TryParse(input.AllowedFrom, System.Globalization.CultureInfo.InvariantCulture, out var from)
            || !TimeOnly.TryParse(input.AllowedUntil, System.Globalization.CultureInfo.InvariantCulture, out var until) || from >= until)
            throw new BusinessException("Les heures d'envoi doivent être de la forme 08:00 et 20:00, la première avant la seconde.");
        if (from < new TimeOnly(7, 0) || until > new TimeOnly(22, 0))
            throw new BusinessException("Les envois restent entre 07:00 et 22:00 : la nuit, personne ne reçoit de SMS.");
        var days = (input.AllowedDays ?? []).Where(d => d is >= 1 and <= 7).Distinct().Order().ToList();
        if (days.Count == 0)
            throw new BusinessException("Choisissez au moins un jour d'envoi.");

        var settings = await GetOrCreateAsync(ct);
        settings.SenderName = sender;
        settings.StopMention = stop;
        settings.QuietEnd = from;
        settings.QuietStart = until;
        settings.AllowedDays = string.Join(',', days);
        settings.HolidaysAllowed = input.HolidaysAllowed;
        settings.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        audit.Record("Réglages des alertes SMS modifiés", "Réglages SMS", settings.Id.ToString());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The super-admin's part, inside the structure being set (see the host page).</summary>
    public async Task UpdateProviderAsync(ProviderSettingsInput input, CancellationToken ct = default)
    {
        if (input.MonthlyQuota is < 0)
            throw new BusinessException("Le quota mensuel ne peut pas être négatif.");
        if (input.CostPerSegmentCents is < 0 or > 100)
            throw new BusinessException("Le prix d'un SMS doit être entre 0 et 100 centimes.");
        if (!Enum.IsDefined(input.Provider))
            throw new BusinessException("Fournisseur inconnu.");
        var settings = await GetOrCreateAsync(ct);
        settings.Provider = input.Provider;
        settings.MonthlyQuota = input.MonthlyQuota;
        settings.CostPerSegmentCents = input.CostPerSegmentCents;
        if (input.Credentials is { } credentials)
        {
            if (credentials.BaseUrl is { Length: > 0 } url && !Uri.TryCreate(url, UriKind.Absolute, out _))
                throw new BusinessException("L'adresse de l'API du fournisseur n'est pas une adresse web valide.");
            settings.ProtectedCredentials = secrets.Protect(JsonSerializer.Serialize(credentials));
        }
        settings.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        audit.Record("Fournisseur SMS et quota modifiés", "Réglages SMS", settings.Id.ToString(), $"{input.Provider}, quota {input.MonthlyQuota?.ToString() ?? "illimité"}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A new webhook secret (the old addresses stop working at once).</summary>
    public async Task RenewWebhookTokenAsync(CancellationToken ct = default)
    {
        var settings = await GetOrCreateAsync(ct);
        settings.WebhookToken = NewToken();
        audit.Record("Adresse des notifications SMS renouvelée", "Réglages SMS", settings.Id.ToString());
        await db.SaveChangesAsync(ct);
    }

    private static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    private static SmsSettingsView View(SmsSettings s) => new(s.Provider, s.ProtectedCredentials is { Length: > 0 }, s.MonthlyQuota, s.CostPerSegmentCents,
        s.SenderName, s.StopMention, s.QuietEnd, s.QuietStart, s.QuietHours.AllowedDays.Order().ToList(), s.HolidaysAllowed, s.WebhookToken);
}
