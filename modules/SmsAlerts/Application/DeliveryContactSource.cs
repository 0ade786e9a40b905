using CentresConnectes.Members.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.SmsAlerts.Domain;

namespace CentresConnectes.SmsAlerts.Application;

/// <summary>A message sent (SMS or e-mail, not a test) is a contact for the retention page.</summary>
internal sealed class DeliveryContactSource(AppDbContext db) : IPersonContactSource
{
    public IQueryable<Guid> PersonsContactedSince(DateTime sinceUtc) =>
        db.Set<Delivery>().Where(d => !d.IsTest && d.SentAtUtc != null && d.SentAtUtc >= sinceUtc).Select(d => d.PersonId);
}
