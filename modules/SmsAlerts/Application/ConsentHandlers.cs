using CentresConnectes.Members.Contracts;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.SmsAlerts.Domain;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.SmsAlerts.Application;

/// <summary>
/// A consent withdrawn or a person anonymised: their waiting messages are cancelled at once. The
/// dispatcher checks the register again at send time too, so a row claimed meanwhile does not go either.
/// </summary>
public sealed class ConsentHandlers(AppDbContext db) : IEventHandler<PersonConsentWithdrawn>, IEventHandler<PersonAnonymised>
{
    public async Task HandleAsync(PersonConsentWithdrawn e, CancellationToken ct)
    {
        if (e.Sms)
            await CancelAsync(e.PersonId, Channel.Sms, "Consentement SMS retiré", ct);
        if (e.Email)
            await CancelAsync(e.PersonId, Channel.Email, "Consentement e-mail retiré", ct);
    }

    public async Task HandleAsync(PersonAnonymised e, CancellationToken ct)
    {
        await CancelAsync(e.PersonId, null, "Personne anonymisée", ct);
        await db.Set<Reminder>().Where(r => r.PersonId == e.PersonId).ExecuteUpdateAsync(s => s.SetProperty(r => r.IsActive, false), ct);
    }

    private Task CancelAsync(Guid personId, Channel? channel, string reason, CancellationToken ct) =>
        db.Set<Delivery>().Where(d => d.PersonId == personId && d.Status == DeliveryStatus.Pending && (channel == null || d.Channel == channel))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Cancelled).SetProperty(d => d.FailureReason, reason), ct);
}
