using CentresConnectes.Members.Contracts;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.Platform.Infrastructure;
using CentresConnectes.ReferenceData.Contracts;
using CentresConnectes.SmsAlerts.Domain;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.SmsAlerts.Application;

/// <summary>
/// Campaigns (« Envois ») of the current structure: recipients explained, scheduling with the
/// delivery rows in the same transaction, cancel, Réutiliser. Pages and API call this service.
/// </summary>
public sealed class CampaignService(
    AppDbContext db,
    ICurrentTenant tenant,
    ICurrentUser user,
    IMemberDirectory members,
    IReferenceDataQuery references,
    IStructureBrandingProvider branding,
    SmsSettingsService settingsService,
    QuotaService quota,
    IAuditLog audit,
    TimeProvider clock)
{
    private const int PageSize = 25;

    public async Task<Page<CampaignListItem>> ListAsync(int page = 1, CancellationToken ct = default)
    {
        page = Math.Max(1, page);
        var query = db.Set<Campaign>().AsNoTracking();
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(c => c.CreatedAtUtc).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var counts = await db.Set<Delivery>().Where(d => d.CampaignId != null && ids.Contains(d.CampaignId.Value))
            .GroupBy(d => new { d.CampaignId, d.Status }).Select(g => new { g.Key.CampaignId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        var categories = await CategoryLabelsAsync(ct);
        return new Page<CampaignListItem>(rows.Select(c => new CampaignListItem(c.Id, c.Title, c.CategoryId is { } cat ? categories.GetValueOrDefault(cat) : null,
            c.Channels, c.Status, c.StartsAtUtc, c.RecipientCount,
            counts.Where(x => x.CampaignId == c.Id && x.Status is DeliveryStatus.Sent or DeliveryStatus.Delivered).Sum(x => x.Count),
            counts.Where(x => x.CampaignId == c.Id && x.Status is DeliveryStatus.Failed or DeliveryStatus.Expired or DeliveryStatus.Unknown).Sum(x => x.Count),
            c.CreatedAtUtc)).ToList(), page, PageSize, total);
    }

    public async Task<CampaignDetails> GetAsync(Guid id, CancellationToken ct = default)
    {
        var c = await db.Set<Campaign>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new EntityNotFoundException("Envoi", id);
        var counts = await db.Set<Delivery>().Where(d => d.CampaignId == id).GroupBy(d => d.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var categories = await CategoryLabelsAsync(ct);
        var groups = (await references.ListAsync(ReferenceListKind.Groupe, includeInactive: true, ct)).ToDictionary(g => g.Id, g => g.Label);
        return new CampaignDetails(c.Id, c.Title, c.CategoryId, c.CategoryId is { } cat ? categories.GetValueOrDefault(cat) : null, c.Channels, c.Message, c.Subject,
            c.GroupIds, c.GroupIds.Select(g => groups.GetValueOrDefault(g) ?? "?").ToList(), c.PersonIds, c.Status, c.RequestedAtUtc, c.StartsAtUtc,
            c.RecipientCount, c.SmsSegments, c.PauseReason, c.ReusedFromId, c.CreatedBy, c.CreatedAtUtc, counts);
    }

    public async Task<Page<DeliveryView>> DeliveriesAsync(Guid campaignId, DeliveryStatus? status = null, int page = 1, CancellationToken ct = default)
    {
        if (!await db.Set<Campaign>().AnyAsync(c => c.Id == campaignId, ct))
            throw new EntityNotFoundException("Envoi", campaignId);
        return await DeliveryPages.ReadAsync(db, members, db.Set<Delivery>().Where(d => d.CampaignId == campaignId), status, page, ct);
    }

    public async Task<CampaignPreview> PreviewAsync(CampaignInput input, CancellationToken ct = default)
    {
        var (plan, _) = await PlanAsync(input, validateSchedule: false, ct);
        return plan;
    }

    public async Task<Guid> CreateAsync(CampaignInput input, CancellationToken ct = default)
    {
        tenant.RequireId();
        var (preview, recipients) = await PlanAsync(input, validateSchedule: !input.Draft, ct);
        var campaign = new Campaign(input.Title.Trim())
        {
            CategoryId = input.CategoryId,
            Channels = input.Channels,
            Message = input.Message.Trim(),
            Subject = string.IsNullOrWhiteSpace(input.Subject) ? null : input.Subject.Trim(),
            GroupIds = input.GroupIds.Distinct().ToList(),
            PersonIds = input.PersonIds.Distinct().ToList(),
            RequestedAtUtc = input.SendAt is { } at ? ParisTime.ToUtc(at) : null,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            CreatedBy = user.RecordedName,
            CreatedByEmail = user.UserName,
        };
        db.Set<Campaign>().Add(campaign);
        if (input.Draft)
        {
            campaign.Status = CampaignStatus.Draft;
            audit.Record("Envoi enregistré comme brouillon", "Envoi", campaign.Id.ToString());
            await db.SaveChangesAsync(ct);
            return campaign.Id;
        }
        await ScheduleCoreAsync(campaign, preview, recipients, ct);
        return campaign.Id;
    }

    /// <summary>Schedules a draft (recipients counted now).</summary>
    public async Task ScheduleAsync(Guid id, DateTime? sendAt, CancellationToken ct = default)
    {
        var campaign = await db.Set<Campaign>().SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new EntityNotFoundException("Envoi", id);
        if (campaign.Status != CampaignStatus.Draft)
            throw new BusinessException("Seul un brouillon peut être programmé.");
        var input = InputOf(campaign, sendAt);
        var (preview, recipients) = await PlanAsync(input, validateSchedule: true, ct);
        campaign.RequestedAtUtc = sendAt is { } at ? ParisTime.ToUtc(at) : null;
        await ScheduleCoreAsync(campaign, preview, recipients, ct);
    }

    /// <summary>Cancels a scheduled (or paused) campaign: its waiting messages never go.</summary>
    public async Task CancelAsync(Guid id, CancellationToken ct = default)
    {
        var campaign = await db.Set<Campaign>().SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new EntityNotFoundException("Envoi", id);
        if (campaign.Status is not (CampaignStatus.Scheduled or CampaignStatus.Draft or CampaignStatus.Paused or CampaignStatus.Sending))
            throw new BusinessException($"Cet envoi est {Labels.Of(campaign.Status)} : il ne peut plus être annulé.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        campaign.Status = CampaignStatus.Cancelled;
        campaign.CompletedAtUtc = clock.GetUtcNow().UtcDateTime;
        audit.Record("Envoi annulé", "Envoi", campaign.Id.ToString());
        await db.SaveChangesAsync(ct);
        await db.Set<Delivery>().Where(d => d.CampaignId == id && d.Status == DeliveryStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Cancelled).SetProperty(d => d.FailureReason, "Envoi annulé"), ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// « Reprendre » a campaign that paused itself: its waiting messages go again at once, and only
    /// failures from now on count towards a new pause.
    /// </summary>
    public async Task ResumeAsync(Guid id, CancellationToken ct = default)
    {
        var campaign = await db.Set<Campaign>().SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new EntityNotFoundException("Envoi", id);
        if (campaign.Status != CampaignStatus.Paused)
            throw new BusinessException($"Cet envoi est {Labels.Of(campaign.Status)} : seul un envoi en pause peut être repris.");
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        campaign.FailuresBeforeResume = await db.Set<Delivery>().CountAsync(d => d.CampaignId == id && d.Status == DeliveryStatus.Failed, ct);
        campaign.Status = CampaignStatus.Sending;
        campaign.PauseReason = null;
        audit.Record("Envoi repris", "Envoi", campaign.Id.ToString());
        await db.SaveChangesAsync(ct);
        await db.Set<Delivery>().Where(d => d.CampaignId == id && d.Status == DeliveryStatus.Pending && d.NotBeforeUtc > now)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.NotBeforeUtc, now).SetProperty(d => d.FailureReason, (string?)null), ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>« Réutiliser » : the same message to the same groups and persons, at a new date and time (recipients counted again).</summary>
    public async Task<Guid> ReuseAsync(Guid id, DateTime? sendAt, CancellationToken ct = default)
    {
        var source = await db.Set<Campaign>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new EntityNotFoundException("Envoi", id);
        if (source.Status is not (CampaignStatus.Sent or CampaignStatus.Cancelled or CampaignStatus.Paused))
            throw new BusinessException("Seul un envoi terminé, annulé ou en pause peut être réutilisé.");
        var input = InputOf(source, sendAt);
        var newId = await CreateAsync(input, ct);
        await db.Set<Campaign>().Where(c => c.Id == newId).ExecuteUpdateAsync(s => s.SetProperty(c => c.ReusedFromId, id), ct);
        return newId;
    }

    private static CampaignInput InputOf(Campaign c, DateTime? sendAt) => new()
    {
        Title = c.Title, CategoryId = c.CategoryId, Sms = c.Channels.HasFlag(Channels.Sms), Email = c.Channels.HasFlag(Channels.Email),
        Message = c.Message, Subject = c.Subject, GroupIds = [.. c.GroupIds], PersonIds = [.. c.PersonIds], SendAt = sendAt,
    };

    private async Task ScheduleCoreAsync(Campaign campaign, CampaignPreview preview, List<Recipient> recipients, CancellationToken ct)
    {
        if (recipients.Count == 0)
            throw new BusinessException("Personne ne recevra ce message : " + Explain(preview.Recipients));
        if (preview.QuotaProblem is { } problem)
            throw new BusinessException(problem);
        var settings = await settingsService.GetOrCreateAsync(ct);
        var structure = await StructureNameAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        campaign.Status = CampaignStatus.Scheduled;
        campaign.StartsAtUtc = preview.StartsAtUtc;
        campaign.RecipientCount = preview.Recipients.Receiving;
        var segments = 0;
        var rows = new List<Delivery>(recipients.Count);
        foreach (var r in recipients)
        {
            var text = Render(campaign.Message, r.Person, structure, r.Channel == Channel.Sms ? settings.StopMention : null);
            var delivery = new Delivery(Delivery.CampaignKey(campaign.Id, r.Person.Id, r.Channel), r.Person.Id, r.Channel, r.Address, text,
                preview.StartsAtUtc, preview.StartsAtUtc + SmsLimits.CampaignGrace)
            {
                CampaignId = campaign.Id,
                CategoryId = campaign.CategoryId,
                Subject = r.Channel == Channel.Email ? campaign.Subject ?? campaign.Title : null,
                Segments = r.Channel == Channel.Sms ? SmsText.Measure(text).Segments : 0,
                CreatedAtUtc = now,
            };
            segments += delivery.Segments;
            rows.Add(delivery);
        }
        campaign.SmsSegments = segments;
        audit.Record("Envoi programmé", "Envoi", campaign.Id.ToString(), $"{recipients.Count} messages, {segments} SMS");
        // One transaction: the campaign and all its rows, or nothing. The rows go by Platform's bulk
        // path (COPY on PostgreSQL): thousands of tracked inserts were most of a 10,000-person campaign's time.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await BulkInsert.InsertAsync(db, rows, ct);
        await tx.CommitAsync(ct);
    }

    internal static string Render(string template, PersonSummaryDto p, string structure, string? stopMention)
    {
        var text = Placeholders.Render(template, p.FirstName, p.LastName, null, structure);
        return stopMention is null ? text : text.TrimEnd() + " " + stopMention;
    }

    public static string Explain(RecipientSummary s) => string.Join(" ; ", s.Channels.Select(c =>
        $"{Labels.Of(c.Channel)} : {c.Receiving} le recevront"
        + (c.NoConsent > 0 ? $", {c.NoConsent} sans consentement" : "")
        + (c.NoAddress > 0 ? (c.Channel == Channel.Sms ? $", {c.NoAddress} sans portable" : $", {c.NoAddress} sans adresse e-mail") : "")
        + (c.Invalid > 0 ? (c.Channel == Channel.Sms ? $", {c.Invalid} numéro invalide" : $", {c.Invalid} adresse invalide") : "")
        + (c.OptedOut > 0 ? $", {c.OptedOut} désinscrits (STOP)" : ""))) + ".";

    private async Task<(CampaignPreview, List<Recipient>)> PlanAsync(CampaignInput input, bool validateSchedule, CancellationToken ct)
    {
        tenant.RequireId();
        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Trim().Length > Campaign.TitleMaxLength)
            throw new BusinessException($"Donnez un titre à l'envoi ({Campaign.TitleMaxLength} caractères au plus).");
        if (input.Channels == Channels.None)
            throw new BusinessException("Choisissez au moins un canal : SMS ou e-mail.");
        if (string.IsNullOrWhiteSpace(input.Message) || input.Message.Length > Campaign.MessageMaxLength)
            throw new BusinessException($"Écrivez le message ({Campaign.MessageMaxLength} caractères au plus).");
        if (Placeholders.Unknown(input.Message) is { Count: > 0 } unknown)
            throw new BusinessException($"Champ inconnu dans le message : {string.Join(", ", unknown)}. Champs possibles : {string.Join(" ", Placeholders.All)}.");
        if (input.GroupIds.Count == 0 && input.PersonIds.Count == 0)
            throw new BusinessException("Choisissez au moins un groupe ou une personne.");
        if (input.PersonIds.Distinct().Count() > SmsLimits.MaxChosenPersons)
            throw new BusinessException($"Choisissez au plus {SmsLimits.MaxChosenPersons} personnes une par une (ou un groupe).");

        var groups = (await references.ListAsync(ReferenceListKind.Groupe, includeInactive: true, ct)).Select(g => g.Id).ToHashSet();
        if (input.GroupIds.FirstOrDefault(g => !groups.Contains(g)) is var unknownGroup && unknownGroup != Guid.Empty)
            throw new EntityNotFoundException("Groupe", unknownGroup);
        if (input.CategoryId is { } categoryId && !(await references.ListAsync(ReferenceListKind.Categorie, includeInactive: true, ct)).Any(c => c.Id == categoryId))
            throw new EntityNotFoundException("Catégorie", categoryId);

        var chosen = input.PersonIds.Distinct().ToList();
        var chosenPersons = await members.GetPersonsAsync(chosen, ct);
        if (chosenPersons.Count != chosen.Count)
            throw new EntityNotFoundException("Personne", chosen.First(id => chosenPersons.All(p => p.Id != id)));
        var persons = (await members.ListByGroupsAsync(input.GroupIds, ct)).Concat(chosenPersons.Where(p => !p.IsAnonymised))
            .DistinctBy(p => p.Id).ToList();

        var rules = new RecipientRules(db);
        var (summary, recipients) = RecipientRules.Resolve(persons, input.Channels, await rules.OptOutsAsync(ct));
        var settings = await settingsService.GetOrCreateAsync(ct);
        var structure = await StructureNameAsync(ct);

        SmsEstimate? estimate = null;
        var sample = Placeholders.Render(input.Message.Trim(), "Prénom", "NOM", null, structure);
        var totalSegments = 0;
        if (input.Channels.HasFlag(Channels.Sms))
        {
            var smsSample = sample.TrimEnd() + " " + settings.StopMention;
            var measure = SmsText.Measure(smsSample);
            totalSegments = recipients.Where(r => r.Channel == Channel.Sms)
                .Sum(r => SmsText.Measure(Render(input.Message.Trim(), r.Person, structure, settings.StopMention)).Segments);
            estimate = new SmsEstimate(measure.IsGsm7, measure.Units, measure.Segments, measure.PerSegment, new string(measure.NonGsmCharacters.ToArray()),
                totalSegments, totalSegments * settings.CostPerSegmentCents);
            sample = smsSample;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var requestedLocal = input.SendAt ?? ParisTime.ToParis(now);
        if (validateSchedule && input.SendAt is { } at && ParisTime.ToUtc(at) < now.AddMinutes(-5))
            throw new BusinessException("La date d'envoi est passée : choisissez une date à venir (ou « dès que possible »).");
        if (validateSchedule && input.SendAt is { } far && ParisTime.ToUtc(far) > now.AddYears(1))
            throw new BusinessException("La date d'envoi est à plus d'un an : choisissez une date plus proche.");
        var allowedLocal = settings.QuietHours.NextAllowed(requestedLocal);
        var startsAt = ParisTime.ToUtc(allowedLocal);
        if (startsAt < now)
            startsAt = now;
        var quotaView = await quota.GetAsync(settings, ct);
        var problem = await quota.WhyRefusedAsync(settings, totalSegments, ct);
        return (new CampaignPreview(summary, estimate, quotaView, problem, startsAt, allowedLocal != requestedLocal, sample), recipients);
    }

    private async Task<string> StructureNameAsync(CancellationToken ct) =>
        (await branding.GetAsync(tenant.RequireId(), ct))?.Name ?? "";

    private async Task<Dictionary<Guid, string>> CategoryLabelsAsync(CancellationToken ct) =>
        (await references.ListAsync(ReferenceListKind.Categorie, includeInactive: true, ct)).ToDictionary(c => c.Id, c => c.Label);
}
