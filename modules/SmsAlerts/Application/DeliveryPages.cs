using CentresConnectes.Members.Contracts;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.SmsAlerts.Domain;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.SmsAlerts.Application;

/// <summary>A page of delivery rows with the persons' names (read from the register, never stored twice).</summary>
internal static class DeliveryPages
{
    public const int PageSize = 50;

    public static async Task<Page<DeliveryView>> ReadAsync(AppDbContext db, IMemberDirectory members, IQueryable<Delivery> query, DeliveryStatus? status,
        int page, CancellationToken ct)
    {
        page = Math.Max(1, page);
        if (status is { } s)
            query = query.Where(d => d.Status == s);
        var total = await query.CountAsync(ct);
        var rows = await query.AsNoTracking().OrderBy(d => d.Status).ThenBy(d => d.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var names = (await members.GetPersonsAsync(rows.Select(r => r.PersonId).Distinct().ToList(), ct)).ToDictionary(p => p.Id, p => p.FullName);
        return new Page<DeliveryView>(rows.Select(d => new DeliveryView(d.Id, d.PersonId, names.GetValueOrDefault(d.PersonId) ?? "(personne supprimée)",
            d.Channel, d.Channel == Channel.Sms ? FrenchMobile.Display(d.Address) : d.Address, d.Status, d.FailureReason, d.SentAtUtc, d.DeliveredAtUtc,
            d.Attempts, d.SlotLabel)).ToList(), page, PageSize, total);
    }
}
