using System.Collections.Concurrent;
using System.Net;
using CentresConnectes.Members.Contracts;
using CentresConnectes.Platform.Application;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.Platform.Infrastructure;
using CentresConnectes.SmsAlerts.Domain;
using CentresConnectes.SmsAlerts.Providers;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.SmsAlerts.Application;

/// <summary>
/// One structure's claimed rows: checked again at send time (expiry, cancellation, « fait »,
/// consent, STOP, quiet hours), handed to the structure's provider, and their outcome recorded.
/// </summary>
public sealed class TenantDispatch(
    AppDbContext db,
    IMemberDirectory members,
    SmsSettingsService settingsService,
    IEnumerable<ISmsProvider> providers,
    IEmailSender email,
    AppUrls urls,
    SmsDispatchOptions options,
    TimeProvider clock)
{
    /// <summary>Parallel calls to one provider (HTTP round trips dominate; the database work is batched).</summary>
    private const int Parallelism = 16;

    public async Task ProcessAsync(Guid token, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var rows = await db.Set<Delivery>().Where(d => ids.Contains(d.Id) && d.ClaimToken == token).ToListAsync(ct);
        if (rows.Count == 0)
            return;
        var settings = await settingsService.GetOrCreateAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var persons = (await members.GetPersonsAsync(rows.Select(r => r.PersonId).Distinct().ToList(), ct)).ToDictionary(p => p.Id);
        var optOuts = await new RecipientRules(db).OptOutsAsync(ct);
        var campaignIds = rows.Where(r => r.CampaignId != null).Select(r => r.CampaignId!.Value).Distinct().ToList();
        var campaigns = await db.Set<Campaign>().Where(c => campaignIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var occurrenceIds = rows.Where(r => r.OccurrenceId != null).Select(r => r.OccurrenceId!.Value).Distinct().ToList();
        var occurrences = await db.Set<ReminderOccurrence>().Where(o => occurrenceIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Status, ct);

        var toSend = new List<Delivery>();
        foreach (var row in rows)
        {
            if (Check(row, now, settings, persons, optOuts, campaigns, occurrences) is { } verdict)
                Finish(row, verdict.Status, verdict.Reason, verdict.NotBefore);
            else
                toSend.Add(row);
        }
        await db.SaveChangesAsync(ct);

        var credentials = settingsService.Credentials(settings);
        var provider = providers.FirstOrDefault(p => p.Kind == settings.Provider);
        var callback = urls.Absolute($"/webhooks/sms/{settings.WebhookToken}/{settings.Provider.ToString().ToLowerInvariant()}");
        // Handed over a chunk at a time: a crash leaves at most one chunk « inconnu » (the rest is
        // still waiting and goes out after the restart), and each chunk renews the claim's lease.
        foreach (var candidates in toSend.Chunk(ChunkSize))
        {
            // A campaign that paused itself (or was cancelled) on an earlier chunk sends nothing more.
            var chunk = candidates.Where(r => !Stopped(r, campaigns, now)).ToArray();
            await db.SaveChangesAsync(ct);
            var mine = await HandOverAsync(token, chunk, ct);
            if (mine.Count == 0)
                continue;
            var results = new ConcurrentDictionary<Guid, SendResult>();
            var sms = mine.Where(r => r.Channel == Channel.Sms).ToList();
            if (settings.Provider == ProviderKind.Journal || provider is null)
            {
                foreach (var row in sms)
                {
                    db.Set<JournalEntry>().Add(new JournalEntry(row.Id, Channel.Sms, row.Address, row.Body) { AtUtc = now });
                    results[row.Id] = SendResult.Sent("journal");
                }
            }
            else
            {
                await Parallel.ForEachAsync(sms, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct }, async (row, token2) =>
                    results[row.Id] = await provider.SendAsync(credentials, new OutgoingSms(row.Id, row.Address, row.Body, settings.SenderName, callback), token2));
            }
            foreach (var row in mine.Where(r => r.Channel == Channel.Email))
                results[row.Id] = await SendEmailAsync(row, ct);
            Record(mine, results, settings);
            await db.SaveChangesAsync(ct);
            await UpdateCampaignsAsync(mine.Where(r => r.CampaignId != null).Select(r => campaigns[r.CampaignId!.Value]).Distinct(), ct);
        }
        await UpdateCampaignsAsync(campaigns.Values, ct);
    }

    /// <summary>Puts a row back (paused campaign) or cancels it (cancelled campaign) when its campaign stopped meanwhile.</summary>
    private static bool Stopped(Delivery row, IReadOnlyDictionary<Guid, Campaign> campaigns, DateTime now)
    {
        if (row.CampaignId is not { } id || !campaigns.TryGetValue(id, out var campaign))
            return false;
        if (campaign.Status == CampaignStatus.Paused)
        {
            row.Attempts--;
            Finish(row, DeliveryStatus.Pending, "Envoi en pause", now.AddMinutes(5));
            return true;
        }
        if (campaign.Status == CampaignStatus.Cancelled)
        {
            Finish(row, DeliveryStatus.Cancelled, "Envoi annulé");
            return true;
        }
        return false;
    }

    /// <summary>Rows per hand-over: a few parallel rounds, so that the bookkeeping stays a small part of the time.</summary>
    private const int ChunkSize = Parallelism * 2;

    /// <summary>
    /// Marks the chunk « in flight » in the database, only for rows this claim still holds (a lease
    /// that ran out let another run release them: those are not ours to send any more), and renews
    /// the lease of the claim's other rows. Returns the rows to send.
    /// </summary>
    private async Task<IReadOnlyList<Delivery>> HandOverAsync(Guid token, Delivery[] chunk, CancellationToken ct)
    {
        var ids = chunk.Select(r => r.Id).ToList();
        var until = clock.GetUtcNow().UtcDateTime + options.ClaimLease;
        var marked = await db.Set<Delivery>().Where(d => ids.Contains(d.Id) && d.ClaimToken == token && d.Status == DeliveryStatus.InProgress)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.InFlight, true).SetProperty(d => d.ClaimedUntilUtc, until), ct);
        await db.Set<Delivery>().Where(d => d.ClaimToken == token && !d.InFlight)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedUntilUtc, until), ct);
        var mine = marked == chunk.Length
            ? chunk
            : (await db.Set<Delivery>().AsNoTracking().Where(d => ids.Contains(d.Id) && d.ClaimToken == token && d.InFlight).Select(d => d.Id).ToListAsync(ct)) is var held
                ? chunk.Where(r => held.Contains(r.Id)).ToArray()
                : chunk;
        foreach (var row in chunk)
        {
            // The tracker learns what the database now holds, so that the outcome written later
            // (in flight → false, lease → null) is seen as a change; rows lost to another run are left alone.
            var entry = db.Entry(row);
            if (mine.Contains(row))
            {
                entry.Property(d => d.InFlight).OriginalValue = true;
                entry.Property(d => d.ClaimedUntilUtc).OriginalValue = until;
                row.InFlight = true;
                row.ClaimedUntilUtc = until;
            }
            else
                entry.State = EntityState.Detached;
        }
        return mine;
    }

    private void Record(IEnumerable<Delivery> sent, IReadOnlyDictionary<Guid, SendResult> results, SmsSettings settings)
    {
        var after = clock.GetUtcNow().UtcDateTime;
        foreach (var row in sent)
        {
            row.Provider = row.Channel == Channel.Sms ? settings.Provider : null;
            var result = results[row.Id];
            switch (result.Outcome)
            {
                case SendOutcome.Sent:
                    row.ProviderMessageId = result.ProviderMessageId;
                    row.SentAtUtc = after;
                    Finish(row, DeliveryStatus.Sent, null);
                    break;
                case SendOutcome.Permanent:
                    Finish(row, DeliveryStatus.Failed, result.Reason);
                    break;
                case SendOutcome.Unknown:
                    Finish(row, DeliveryStatus.Unknown, result.Reason);
                    break;
                case SendOutcome.Temporary:
                    var next = after + SmsLimits.Backoff(row.Attempts);
                    if (row.Attempts >= SmsLimits.MaxAttempts)
                        Finish(row, DeliveryStatus.Failed, $"Abandonné après {row.Attempts} essais : {result.Reason}");
                    else if (next > row.ExpiresAtUtc)
                        Finish(row, DeliveryStatus.Expired, $"Fournisseur indisponible jusqu'à l'heure limite : jamais envoyé en retard ({result.Reason})");
                    else
                        Finish(row, DeliveryStatus.Pending, result.Reason, next);
                    break;
            }
        }
    }

    private sealed record Verdict(DeliveryStatus Status, string Reason, DateTime? NotBefore = null);

    private static Verdict? Check(Delivery row, DateTime now, SmsSettings settings, IReadOnlyDictionary<Guid, PersonSummaryDto> persons, ISet<string> optOuts,
        IReadOnlyDictionary<Guid, Campaign> campaigns, IReadOnlyDictionary<Guid, OccurrenceStatus> occurrences)
    {
        row.Attempts++;
        if (now > row.ExpiresAtUtc)
            return new Verdict(DeliveryStatus.Expired, "Heure limite dépassée : jamais envoyé en retard.");
        if (row.CampaignId is { } campaignId && campaigns.TryGetValue(campaignId, out var campaign))
        {
            if (campaign.Status == CampaignStatus.Cancelled)
                return new Verdict(DeliveryStatus.Cancelled, "Envoi annulé");
            if (campaign.Status == CampaignStatus.Paused)
            {
                row.Attempts--;
                return new Verdict(DeliveryStatus.Pending, "Envoi en pause", now.AddMinutes(5));
            }
        }
        if (row.OccurrenceId is { } occurrenceId && occurrences.GetValueOrDefault(occurrenceId) is OccurrenceStatus.Done or OccurrenceStatus.Cancelled)
            return new Verdict(DeliveryStatus.Cancelled, "Échéance marquée « fait »");
        if (!persons.TryGetValue(row.PersonId, out var person))
            return new Verdict(DeliveryStatus.Cancelled, "Personne supprimée du registre");
        var (address, why) = RecipientRules.Check(person, row.Channel, optOuts);
        if (why is { } exclusion)
            return new Verdict(DeliveryStatus.Cancelled, "Non envoyé : " + ReminderService.Why(exclusion, row.Channel));
        row.Address = address!; // the register's current number or address
        if (row.CampaignId is not null)
        {
            var local = ParisTime.ToParis(now);
            var allowed = settings.QuietHours.NextAllowed(local);
            if (allowed != local)
            {
                row.Attempts--;
                var at = ParisTime.ToUtc(allowed);
                return at > row.ExpiresAtUtc
                    ? new Verdict(DeliveryStatus.Expired, "Heures d'envoi dépassées avant l'heure limite : jamais envoyé en retard.")
                    : new Verdict(DeliveryStatus.Pending, "En attente des heures d'envoi", at);
            }
        }
        return null;
    }

    private static void Finish(Delivery row, DeliveryStatus status, string? reason, DateTime? notBefore = null)
    {
        row.Status = status;
        row.FailureReason = reason is null ? null : reason.Length > Delivery.ReasonMaxLength ? reason[..Delivery.ReasonMaxLength] : reason;
        row.InFlight = false;
        row.ClaimToken = null;
        row.ClaimedUntilUtc = null;
        if (notBefore is { } at)
            row.NotBeforeUtc = at;
    }

    private async Task<SendResult> SendEmailAsync(Delivery row, CancellationToken ct)
    {
        var body = WebUtility.HtmlEncode(row.Body).Replace("\n", "<br>");
        var html = $"""
            <!DOCTYPE html><html lang="fr"><body style="font-family:Arial,sans-serif;color:#222">
            <p>{body}</p><hr><p style="font-size:11px;color:#555">{WebUtility.HtmlEncode(EmailTemplates.FundingNotice)}</p></body></html>
            """;
        try
        {
            await email.SendAsync(new EmailMessage(row.Address, row.Subject ?? "Message de votre centre social", html,
                $"{row.Body}\n\n--\n{EmailTemplates.FundingNotice}\n"), ct);
            return SendResult.Sent(null);
        }
        catch (Exception ex) when (ex is System.Net.Sockets.SocketException or IOException or MailKit.ProtocolException or MailKit.Net.Smtp.SmtpCommandException
                                       or MailKit.ServiceNotConnectedException)
        {
            return SendResult.Temporary("Serveur de courriel indisponible.");
        }
    }

    /// <summary>The statuses of these campaigns of the current structure, from their rows (after a crash recovery).</summary>
    public async Task RefreshCampaignsAsync(IReadOnlyCollection<Guid> campaignIds, CancellationToken ct)
    {
        var campaigns = await db.Set<Campaign>().Where(c => campaignIds.Contains(c.Id)).ToListAsync(ct);
        await UpdateCampaignsAsync(campaigns, ct);
    }

    /// <summary>Campaign statuses follow their rows; too many failures pause the campaign and tell its author.</summary>
    private async Task UpdateCampaignsAsync(IEnumerable<Campaign> campaigns, CancellationToken ct)
    {
        foreach (var campaign in campaigns.Where(c => c.Status is CampaignStatus.Scheduled or CampaignStatus.Sending))
        {
            var counts = await db.Set<Delivery>().Where(d => d.CampaignId == campaign.Id).GroupBy(d => d.Status)
                .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
            var open = counts.GetValueOrDefault(DeliveryStatus.Pending) + counts.GetValueOrDefault(DeliveryStatus.InProgress);
            var failed = counts.GetValueOrDefault(DeliveryStatus.Failed);
            var sent = counts.GetValueOrDefault(DeliveryStatus.Sent) + counts.GetValueOrDefault(DeliveryStatus.Delivered);
            var newFailures = failed - campaign.FailuresBeforeResume;
            if (open > 0 && newFailures >= SmsLimits.PauseAfterFailures && newFailures * 3 >= newFailures + sent)
            {
                campaign.Status = CampaignStatus.Paused;
                campaign.PauseReason = $"{newFailures} messages ont échoué : l'envoi s'est mis en pause. Vérifiez le fournisseur, puis reprenez ou annulez l'envoi.";
                if (campaign.CreatedByEmail is { Length: > 0 } to && System.Net.Mail.MailAddress.TryCreate(to, out _))
                {
                    try
                    {
                        await email.SendAsync(new EmailMessage(to, $"Envoi « {campaign.Title} » mis en pause",
                            $"<p>{WebUtility.HtmlEncode(campaign.PauseReason)}</p><hr><p>{WebUtility.HtmlEncode(EmailTemplates.FundingNotice)}</p>",
                            $"{campaign.PauseReason}\n\n--\n{EmailTemplates.FundingNotice}\n"), ct);
                    }
                    catch (Exception ex) when (ex is System.Net.Sockets.SocketException or IOException or MailKit.ProtocolException or MailKit.ServiceNotConnectedException)
                    {
                        // The pause is recorded and shown on the campaign's page; the e-mail is a courtesy.
                    }
                }
            }
            else if (open == 0)
            {
                campaign.Status = CampaignStatus.Sent;
                campaign.CompletedAtUtc = clock.GetUtcNow().UtcDateTime;
            }
            else if (campaign.Status == CampaignStatus.Scheduled && sent + failed > 0)
            {
                campaign.Status = CampaignStatus.Sending;
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
