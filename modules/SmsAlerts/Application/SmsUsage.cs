using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.Platform.Infrastructure;
using CentresConnectes.SmsAlerts.Domain;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.SmsAlerts.Application;

/// <summary>SMS sent this month per structure, in the super-admin's overview (next to the quota).</summary>
internal sealed class SmsUsage(AppDbContext db, TimeProvider clock) : IStructureUsageContributor
{
    public string Label => "SMS ce mois-ci";

    public async Task<IReadOnlyDictionary<Guid, int>> CountAsync(CancellationToken ct)
    {
        var today = ParisTime.Today(clock);
        var from = ParisTime.ToUtc(new DateOnly(today.Year, today.Month, 1), TimeOnly.MinValue);
        // cross-tenant: the host overview counts every structure's SMS (numbers only). (test: The_host_overview_counts_each_structures_persons_apart)
        return await db.Set<Delivery>().IgnoreQueryFilters([AppDbContext.TenantFilter])
            .Where(d => d.Channel == Channel.Sms && !d.IsTest && d.DueUtc >= from && (d.Status == DeliveryStatus.Sent || d.Status == DeliveryStatus.Delivered))
            .GroupBy(d => d.TenantId).Select(g => new { g.Key, Count = g.Sum(d => d.Segments) })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }
}
