using CentresConnectes.Platform.Data;
using CentresConnectes.Platform.Infrastructure;
using CentresConnectes.SmsAlerts.Domain;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.SmsAlerts.Application;

public sealed record QuotaView(int? Quota, int Used, int? Remaining);

/// <summary>The structure's monthly SMS allowance (a targeted follow-up, not mass mailing): segments used or booked this Paris month.</summary>
public sealed class QuotaService(AppDbContext db, TimeProvider clock)
{
    private static readonly DeliveryStatus[] Counted =
        [DeliveryStatus.Pending, DeliveryStatus.InProgress, DeliveryStatus.Sent, DeliveryStatus.Delivered, DeliveryStatus.Unknown];

    public async Task<QuotaView> GetAsync(SmsSettings settings, CancellationToken ct = default)
    {
        var today = ParisTime.Today(clock);
        var from = ParisTime.ToUtc(new DateOnly(today.Year, today.Month, 1), TimeOnly.MinValue);
        var to = ParisTime.ToUtc(new DateOnly(today.Year, today.Month, 1).AddMonths(1), TimeOnly.MinValue);
        var used = await db.Set<Delivery>()
            .Where(d => d.Channel == Channel.Sms && !d.IsTest && d.DueUtc >= from && d.DueUtc < to && Counted.Contains(d.Status))
            .SumAsync(d => (int?)d.Segments, ct) ?? 0;
        return new QuotaView(settings.MonthlyQuota, used, settings.MonthlyQuota is { } q ? Math.Max(0, q - used) : null);
    }

    /// <summary>The French refusal when <paramref name="needed"/> SMS go beyond this month's allowance.</summary>
    public async Task<string?> WhyRefusedAsync(SmsSettings settings, int needed, CancellationToken ct = default)
    {
        if (needed == 0 || settings.MonthlyQuota is null)
            return null;
        var quota = await GetAsync(settings, ct);
        return needed > quota.Remaining
            ? $"Il reste {quota.Remaining} SMS ce mois-ci ; cet envoi en demande {needed}. Réduisez le message ou les destinataires, ou demandez au super-administrateur d'augmenter le quota."
            : null;
    }
}
