using CentresConnectes.Members.Contracts;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.SmsAlerts.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CentresConnectes.SmsAlerts.Application;

/// <summary>A delivery receipt as the providers send it, normalised.</summary>
public sealed record Receipt(string ProviderMessageId, bool Delivered, string? Reason);

/// <summary>A reply from a member, as the providers forward it.</summary>
public sealed record Reply(string From, string Text);

/// <summary>
/// The providers' callbacks. Each structure has its own secret address (/webhooks/sms/{token}/…):
/// the token selects the structure, and everything then happens inside it, so a callback for A can
/// never touch B's rows.
/// </summary>
public sealed class WebhookService(AppDbContext db, IServiceScopeFactory scopes)
{
    /// <summary>Runs <paramref name="work"/> in the structure owning the token; false when no structure has it (→ 404).</summary>
    public async Task<bool> InStructureAsync(string token, Func<IServiceProvider, Task> work, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 64)
            return false;
        // cross-tenant: the webhook's secret token is what identifies the structure (no signed-in user). (test: A_webhook_of_one_structure_cannot_touch_another_structures_rows_or_consents)
        var tenantId = await db.Set<SmsSettings>().IgnoreQueryFilters([AppDbContext.TenantFilter]).AsNoTracking()
            .Where(s => s.WebhookToken == token).Select(s => (Guid?)s.TenantId).SingleOrDefaultAsync(ct);
        if (tenantId is null)
            return false;
        await using var scope = scopes.CreateAsyncScope();
        // cross-tenant: the structure restored is the token's owner. (test: A_webhook_of_one_structure_cannot_touch_another_structures_rows_or_consents)
        using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId))
            await work(scope.ServiceProvider);
        return true;
    }
}

/// <summary>What a callback does inside its structure: receipts update rows, STOP withdraws consent, FAIT marks the occurrence done.</summary>
public sealed class WebhookHandler(AppDbContext db, IMemberConsent consent, IMemberDirectory members, ReminderService reminders, TimeProvider clock)
{
    private static readonly string[] StopWords = ["STOP", "STOPSMS", "ARRET", "ARRÊT", "DESINSCRIRE"];
    private static readonly string[] DoneWords = ["FAIT", "OUI", "OK", "FAITE"];

    public async Task<bool> ReceiptAsync(Receipt receipt, CancellationToken ct)
    {
        var row = await db.Set<Delivery>().FirstOrDefaultAsync(d => d.ProviderMessageId == receipt.ProviderMessageId, ct);
        if (row is null || row.Status is not (DeliveryStatus.Sent or DeliveryStatus.Unknown or DeliveryStatus.Delivered))
            return row is not null;
        if (receipt.Delivered)
        {
            row.Status = DeliveryStatus.Delivered;
            row.DeliveredAtUtc = clock.GetUtcNow().UtcDateTime;
            row.FailureReason = null;
        }
        else
        {
            row.Status = DeliveryStatus.Failed;
            row.FailureReason = "Non délivré : " + (receipt.Reason ?? "refusé par l'opérateur");
        }
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task ReplyAsync(Reply reply, CancellationToken ct)
    {
        var number = FrenchMobile.Parse(reply.From.StartsWith('+') || reply.From.StartsWith('0') ? reply.From : "+" + reply.From).E164;
        if (number is null)
            return;
        var word = new string((reply.Text ?? "").Trim().ToUpperInvariant().TakeWhile(char.IsLetter).ToArray());
        // The persons this number belongs to in this structure (those we sent to).
        var personIds = await db.Set<Delivery>().Where(d => d.Channel == Channel.Sms && d.Address == number).Select(d => d.PersonId).Distinct().ToListAsync(ct);
        if (StopWords.Contains(word))
        {
            if (!await db.Set<OptOut>().AnyAsync(o => o.E164 == number, ct))
                db.Set<OptOut>().Add(new OptOut(number, clock.GetUtcNow().UtcDateTime));
            // Queued SMS to the number stop now (the dispatcher checks again at send time as well).
            await db.SaveChangesAsync(ct);
            await db.Set<Delivery>().Where(d => d.Channel == Channel.Sms && d.Address == number && d.Status == DeliveryStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Cancelled).SetProperty(d => d.FailureReason, "Désinscrit (réponse STOP)"), ct);
            foreach (var person in await members.GetPersonsAsync(personIds, ct))
                await consent.WithdrawSmsConsentAsync(person.Id, "Réponse STOP par SMS", ct);
            return;
        }
        if (DoneWords.Contains(word))
        {
            var today = DateOnly.FromDateTime(CentresConnectes.Platform.Infrastructure.ParisTime.ToParis(clock.GetUtcNow().UtcDateTime));
            var open = await db.Set<ReminderOccurrence>()
                .Where(o => personIds.Contains(o.PersonId) && o.Status == OccurrenceStatus.Planned && o.DueDate <= today.AddDays(7))
                .OrderBy(o => o.DueDate).Select(o => o.Id).ToListAsync(ct);
            foreach (var id in open)
                await reminders.MarkDoneAsync(id, "Réponse « " + word + " » par SMS", ct);
        }
    }
}
