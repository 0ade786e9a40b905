using CentresConnectes.Platform.Data;
using CentresConnectes.Platform.Infrastructure;
using CentresConnectes.ReferenceData.Contracts;
using CentresConnectes.SmsAlerts.Contracts;
using CentresConnectes.SmsAlerts.Domain;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.SmsAlerts.Application;

/// <summary>The figures are computed in SQL (grouped counts); tests of « Tester le rappel » are left out.</summary>
internal sealed class SmsStatisticsQuery(AppDbContext db, IReferenceDataQuery references, SmsSettingsService settings, QuotaService quota) : ISmsStatistics
{
    public async Task<SmsStatisticsDto> GetAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var fromUtc = ParisTime.ToUtc(from, TimeOnly.MinValue);
        var toUtc = ParisTime.ToUtc(to.AddDays(1), TimeOnly.MinValue);
        var rows = db.Set<Delivery>().AsNoTracking().Where(d => !d.IsTest && d.DueUtc >= fromUtc && d.DueUtc < toUtc && d.Status != DeliveryStatus.Cancelled);

        var byStatus = await rows.GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var reached = await rows.Where(d => d.Status == DeliveryStatus.Sent || d.Status == DeliveryStatus.Delivered).Select(d => d.PersonId).Distinct().CountAsync(ct);
        // Months in Paris time: grouped by the UTC date first (cheap in SQL), then moved to Paris in memory per day.
        var perDay = await rows.GroupBy(d => new { d.DueUtc.Year, d.DueUtc.Month, d.DueUtc.Day, d.DueUtc.Hour, d.Status, d.Channel })
            .Select(g => new { g.Key.Year, g.Key.Month, g.Key.Day, g.Key.Hour, g.Key.Status, g.Key.Channel, Count = g.Count(), Segments = g.Sum(d => d.Segments) })
            .ToListAsync(ct);
        var byMonth = perDay
            .Select(x => (Paris: ParisTime.ToParis(new DateTime(x.Year, x.Month, x.Day, x.Hour, 0, 0, DateTimeKind.Utc)), x))
            .GroupBy(p => (p.Paris.Year, p.Paris.Month))
            .OrderBy(g => g.Key)
            .Select(g => new MonthFigure(g.Key.Year, g.Key.Month, g.Sum(p => p.x.Count), g.Where(p => p.x.Channel == Channel.Sms).Sum(p => p.x.Segments),
                g.Where(p => p.x.Status == DeliveryStatus.Delivered).Sum(p => p.x.Count), g.Where(p => p.x.Status == DeliveryStatus.Failed).Sum(p => p.x.Count)))
            .ToList();
        var categories = (await references.ListAsync(ReferenceListKind.Categorie, includeInactive: true, ct)).ToDictionary(c => c.Id, c => c.Label);
        var byCategory = (await rows.GroupBy(d => d.CategoryId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .Select(x => new LabelFigure(x.Key is { } id ? categories.GetValueOrDefault(id) ?? "(catégorie supprimée)" : "Sans catégorie", x.Count))
            .OrderByDescending(x => x.Messages).ToList();
        var byChannel = perDay.GroupBy(x => x.Channel).Select(g => new LabelFigure(Labels.Of(g.Key), g.Sum(x => x.Count))).ToList();
        var failures = (await rows.Where(d => d.Status == DeliveryStatus.Failed || d.Status == DeliveryStatus.Expired || d.Status == DeliveryStatus.Unknown)
                .GroupBy(d => d.FailureReason).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .Select(x => new LabelFigure(x.Key ?? "Sans motif", x.Count)).OrderByDescending(x => x.Messages).ToList();
        var s = await settings.GetOrCreateAsync(ct);
        var q = await quota.GetAsync(s, ct);
        return new SmsStatisticsDto(from, to, byStatus.Values.Sum(), reached, byStatus.GetValueOrDefault(DeliveryStatus.Sent), byStatus.GetValueOrDefault(DeliveryStatus.Delivered),
            byStatus.GetValueOrDefault(DeliveryStatus.Failed), byStatus.GetValueOrDefault(DeliveryStatus.Expired), byMonth, byCategory, byChannel, failures, q.Quota, q.Used);
    }
}
