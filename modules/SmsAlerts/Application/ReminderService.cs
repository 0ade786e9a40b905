using CentresConnectes.Members.Contracts;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.Platform.Infrastructure;
using CentresConnectes.ReferenceData.Contracts;
using CentresConnectes.SmsAlerts.Domain;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.SmsAlerts.Application;

/// <summary>
/// Reminders of administrative dates on a person's file, the structure's « Échéances à venir »,
/// « Tester le rappel » and « fait ». Pages and API call this service.
/// </summary>
public sealed class ReminderService(
    AppDbContext db,
    ICurrentTenant tenant,
    ICurrentUser user,
    IMemberDirectory members,
    IReferenceDataQuery references,
    IStructureBrandingProvider branding,
    ReminderPlanner planner,
    DeliveryDispatcher dispatcher,
    IAuditLog audit,
    TimeProvider clock)
{
    public async Task<PersonSummaryDto> PersonAsync(Guid personId, CancellationToken ct = default) =>
        await members.FindPersonAsync(personId, ct) is { IsAnonymised: false } p ? p : throw new EntityNotFoundException("Personne", personId);

    public async Task<IReadOnlyList<ReminderView>> ListForPersonAsync(Guid personId, CancellationToken ct = default)
    {
        await PersonAsync(personId, ct);
        var reminders = await db.Set<Reminder>().AsNoTracking().Where(r => r.PersonId == personId).OrderByDescending(r => r.IsActive).ThenBy(r => r.Title).ToListAsync(ct);
        var views = new List<ReminderView>();
        foreach (var r in reminders)
            views.Add(await ViewAsync(r, ct));
        return views;
    }

    public async Task<ReminderView> GetAsync(Guid id, CancellationToken ct = default) =>
        await ViewAsync(await db.Set<Reminder>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new EntityNotFoundException("Rappel", id), ct);

    public async Task<ReminderPreview> PreviewAsync(Guid personId, ReminderInput input, CancellationToken ct = default)
    {
        var person = await PersonAsync(personId, ct);
        var reminder = Validate(personId, input);
        var next = ReminderSchedule.Next(reminder, ParisTime.Today(clock));
        var text = Placeholders.Render(reminder.Message, person.FirstName, person.LastName,
            next is { } n ? n.Occurrence.WindowEnd ?? n.Occurrence.DueDate : reminder.FirstDate, await StructureNameAsync(ct));
        return new ReminderPreview(text, SmsText.Measure(text), next?.Occurrence.DueDate, next?.Occurrence.WindowEnd, next?.Occurrence.Slots ?? []);
    }

    public async Task<Guid> CreateAsync(Guid personId, ReminderInput input, CancellationToken ct = default)
    {
        var person = await PersonAsync(personId, ct);
        var reminder = Validate(personId, input);
        if (input.CategoryId is { } categoryId && !(await references.ListAsync(ReferenceListKind.Categorie, includeInactive: true, ct)).Any(c => c.Id == categoryId))
            throw new EntityNotFoundException("Catégorie", categoryId);
        var optOuts = await new RecipientRules(db).OptOutsAsync(ct);
        var reachable = new[] { Channel.Sms, Channel.Email }.Where(c => input.Channels.HasFlag((Channels)(int)c))
            .Select(c => (Channel: c, Check: RecipientRules.Check(person, c, optOuts))).ToList();
        if (reachable.All(r => r.Check.Why is not null))
            throw new BusinessException($"{person.FirstName} {person.LastName} ne peut pas recevoir ce rappel : "
                + string.Join(" ; ", reachable.Select(r => $"{Labels.Of(r.Channel)} : {Why(r.Check.Why!.Value, r.Channel)}")) + ".");
        reminder.CreatedAtUtc = clock.GetUtcNow().UtcDateTime;
        reminder.CreatedBy = user.RecordedName;
        db.Set<Reminder>().Add(reminder);
        // The reminder, its next occurrence and that occurrence's delivery rows: one transaction.
        await planner.PlanNextAsync(reminder, person, await StructureNameAsync(ct), optOuts, ct);
        audit.Record("Rappel créé", "Rappel", reminder.Id.ToString(), reminder.Title);
        await db.SaveChangesAsync(ct);
        return reminder.Id;
    }

    /// <summary>Turns a reminder on or off; off cancels its messages still waiting.</summary>
    public async Task SetActiveAsync(Guid id, bool active, CancellationToken ct = default)
    {
        var reminder = await db.Set<Reminder>().SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new EntityNotFoundException("Rappel", id);
        if (reminder.IsActive == active)
            return;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        reminder.IsActive = active;
        if (!active)
        {
            var occurrences = db.Set<ReminderOccurrence>().Where(o => o.ReminderId == id).Select(o => o.Id);
            await db.Set<Delivery>().Where(d => d.OccurrenceId != null && occurrences.Contains(d.OccurrenceId.Value) && d.Status == DeliveryStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Cancelled).SetProperty(d => d.FailureReason, "Rappel désactivé"), ct);
            await db.Set<ReminderOccurrence>().Where(o => o.ReminderId == id && o.Status == OccurrenceStatus.Planned)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OccurrenceStatus.Cancelled), ct);
        }
        else
        {
            var person = await PersonAsync(reminder.PersonId, ct);
            await planner.PlanNextAsync(reminder, person, await StructureNameAsync(ct), await new RecipientRules(db).OptOutsAsync(ct), ct);
        }
        audit.Record(active ? "Rappel réactivé" : "Rappel désactivé", "Rappel", id.ToString());
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>« Fait » : the occurrence is done, its nudges stop at once; the next one is planned.</summary>
    public async Task MarkDoneAsync(Guid occurrenceId, string? by = null, CancellationToken ct = default)
    {
        var occurrence = await db.Set<ReminderOccurrence>().SingleOrDefaultAsync(o => o.Id == occurrenceId, ct) ?? throw new EntityNotFoundException("Échéance", occurrenceId);
        if (occurrence.Status != OccurrenceStatus.Planned)
            return;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        occurrence.Status = OccurrenceStatus.Done;
        occurrence.DoneAtUtc = clock.GetUtcNow().UtcDateTime;
        occurrence.DoneBy = by ?? user.RecordedName;
        await db.SaveChangesAsync(ct);
        await db.Set<Delivery>().Where(d => d.OccurrenceId == occurrenceId && d.Status == DeliveryStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Cancelled).SetProperty(d => d.FailureReason, "Échéance marquée « fait »"), ct);
        var reminder = await db.Set<Reminder>().SingleAsync(r => r.Id == occurrence.ReminderId, ct);
        if (await members.FindPersonAsync(reminder.PersonId, ct) is { IsAnonymised: false } person)
            await planner.PlanNextAsync(reminder, person, await StructureNameAsync(ct), await new RecipientRules(db).OptOutsAsync(ct), ct);
        audit.Record("Échéance marquée faite", "Échéance", occurrenceId.ToString(), by is null ? null : "par " + by);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>« Tester le rappel » : sends the reminder's message to the person now (after the user confirmed).</summary>
    public async Task<IReadOnlyList<DeliveryView>> TestAsync(Guid id, CancellationToken ct = default)
    {
        var reminder = await db.Set<Reminder>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new EntityNotFoundException("Rappel", id);
        var person = await PersonAsync(reminder.PersonId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var paris = ParisTime.ToParis(now);
        if (paris.Hour is < 7 or >= 22)
            throw new BusinessException("Il est trop tard (ou trop tôt) pour envoyer un message : réessayez entre 7 h et 22 h.");
        var optOuts = await new RecipientRules(db).OptOutsAsync(ct);
        var next = ReminderSchedule.Next(reminder, ParisTime.Today(clock));
        var text = Placeholders.Render(reminder.Message, person.FirstName, person.LastName,
            next is { } n ? n.Occurrence.WindowEnd ?? n.Occurrence.DueDate : reminder.FirstDate, await StructureNameAsync(ct));
        var rows = new List<Delivery>();
        var refusals = new List<string>();
        foreach (var channel in new[] { Channel.Sms, Channel.Email }.Where(c => reminder.Channels.HasFlag((Channels)(int)c)))
        {
            var (address, why) = RecipientRules.Check(person, channel, optOuts);
            if (address is null)
            {
                refusals.Add($"{Labels.Of(channel)} : {Why(why!.Value, channel)}");
                continue;
            }
            rows.Add(new Delivery(Delivery.TestKey(), person.Id, channel, address, text, now, now.AddMinutes(15))
            {
                IsTest = true, CategoryId = reminder.CategoryId, Subject = channel == Channel.Email ? reminder.Title : null,
                Segments = channel == Channel.Sms ? SmsText.Measure(text).Segments : 0, SlotLabel = "Test", CreatedAtUtc = now,
            });
        }
        if (rows.Count == 0)
            throw new BusinessException("Le test n'est pas envoyé : " + string.Join(" ; ", refusals) + ".");
        db.Set<Delivery>().AddRange(rows);
        audit.Record("Rappel testé", "Rappel", id.ToString());
        await db.SaveChangesAsync(ct);
        // Sent right away through the dispatcher (the same checks, claim and provider as every message).
        await dispatcher.DispatchNowAsync(rows.Select(r => r.Id).ToList(), ct);
        return await TestResultsAsync(rows.Select(r => r.Id).ToList(), ct);
    }

    public async Task<Page<UpcomingItem>> UpcomingAsync(DateOnly fromDate, DateOnly toDate, int page = 1, CancellationToken ct = default)
    {
        page = Math.Max(1, page);
        const int pageSize = 50;
        var query = from o in db.Set<ReminderOccurrence>().AsNoTracking()
                    join r in db.Set<Reminder>().AsNoTracking() on o.ReminderId equals r.Id
                    where r.IsActive && o.Status != OccurrenceStatus.Cancelled
                          && (o.WindowEnd ?? o.DueDate) >= fromDate && o.DueDate <= toDate
                    select new { o, r };
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(x => x.o.DueDate).ThenBy(x => x.o.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var names = (await members.GetPersonsAsync(rows.Select(x => x.o.PersonId).Distinct().ToList(), ct)).ToDictionary(p => p.Id, p => p.FullName);
        var categories = (await references.ListAsync(ReferenceListKind.Categorie, includeInactive: true, ct)).ToDictionary(c => c.Id, c => c.Label);
        return new Page<UpcomingItem>(rows.Select(x => new UpcomingItem(x.o.Id, x.r.Id, x.o.PersonId, names.GetValueOrDefault(x.o.PersonId) ?? "—", x.r.Title,
            x.r.CategoryId is { } c ? categories.GetValueOrDefault(c) : null, x.o.DueDate, x.o.WindowEnd, x.o.Status, x.r.Channels)).ToList(), page, pageSize, total);
    }

    internal static string Why(Exclusion why, Channel channel) => why switch
    {
        Exclusion.NoConsent => channel == Channel.Sms ? "la personne n'a pas accepté les SMS" : "la personne n'a pas accepté les e-mails",
        Exclusion.NoAddress => channel == Channel.Sms ? "aucun portable enregistré" : "aucune adresse e-mail enregistrée",
        Exclusion.InvalidAddress => channel == Channel.Sms ? "le numéro n'est pas un portable valide" : "l'adresse e-mail n'est pas valide",
        Exclusion.OptedOut => "la personne a répondu STOP",
        _ => why.ToString(),
    };

    private Reminder Validate(Guid personId, ReminderInput input)
    {
        var title = (input.Title ?? "").Trim();
        if (title.Length is 0 or > Reminder.TitleMaxLength)
            throw new BusinessException($"Donnez un titre au rappel ({Reminder.TitleMaxLength} caractères au plus).");
        var message = (input.Message ?? "").Trim();
        if (message.Length is 0 or > Reminder.MessageMaxLength)
            throw new BusinessException($"Écrivez le message du rappel ({Reminder.MessageMaxLength} caractères au plus).");
        if (Placeholders.Unknown(message) is { Count: > 0 } unknown)
            throw new BusinessException($"Champ inconnu dans le message : {string.Join(", ", unknown)}. Champs possibles : {string.Join(" ", Placeholders.All)}.");
        if (input.Channels == Channels.None)
            throw new BusinessException("Choisissez au moins un canal : SMS ou e-mail.");
        if (!Enum.IsDefined(input.Kind) || !Enum.IsDefined(input.Recurrence))
            throw new BusinessException("Type de date ou récurrence inconnu.");
        if (!TimeOnly.TryParse(input.Time, System.Globalization.CultureInfo.InvariantCulture, out var time))
            throw new BusinessException("L'heure doit être de la forme 09:00.");
        // Reminders are not held by quiet hours, except at night.
        if (time < new TimeOnly(7, 0) || time > new TimeOnly(21, 0))
            throw new BusinessException("Choisissez une heure d'envoi entre 07:00 et 21:00 : pas de SMS la nuit.");
        var today = ParisTime.Today(clock);
        var first = input.FirstDate ?? (input.Kind == ScheduleKind.MonthlyWindow ? today : throw new BusinessException("Indiquez la date de l'échéance (jj/mm/aaaa)."));
        if (input.Kind == ScheduleKind.Date && input.Recurrence == Recurrence.None && first < today)
            throw new BusinessException("La date de l'échéance est passée.");
        var leads = (input.LeadDays ?? []).Distinct().ToList();
        if (leads.Count == 0 || leads.Any(d => d is < 0 or > 60))
            throw new BusinessException("Choisissez au moins un moment d'envoi (jour J, J-1, J-3, J-7…), au plus 60 jours avant.");
        if (input.NudgeEveryDays is { } every && (every is < 1 or > 15 || input.Kind != ScheduleKind.MonthlyWindow))
            throw new BusinessException("Les relances (tous les 1 à 15 jours) ne s'appliquent qu'à une période mensuelle comme l'actualisation France Travail.");
        return new Reminder(personId, title)
        {
            CategoryId = input.CategoryId, Message = message, TemplateKey = input.TemplateKey, Channels = input.Channels, Kind = input.Kind,
            FirstDate = input.Kind == ScheduleKind.MonthlyWindow ? FranceTravailWindow.Current(first).Opens : first,
            Time = time, Recurrence = input.Kind == ScheduleKind.MonthlyWindow ? Recurrence.Monthly : input.Recurrence,
            LeadDays = string.Join(',', leads.OrderDescending()), NudgeEveryDays = input.NudgeEveryDays,
        };
    }

    private async Task<ReminderView> ViewAsync(Reminder r, CancellationToken ct)
    {
        var occurrence = await db.Set<ReminderOccurrence>().AsNoTracking().Where(o => o.ReminderId == r.Id)
            .OrderByDescending(o => o.Status == OccurrenceStatus.Planned).ThenByDescending(o => o.DueDate).FirstOrDefaultAsync(ct);
        OccurrenceView? next = null;
        if (occurrence is not null)
        {
            var rows = await db.Set<Delivery>().AsNoTracking().Where(d => d.OccurrenceId == occurrence.Id).OrderBy(d => d.DueUtc).ToListAsync(ct);
            next = new OccurrenceView(occurrence.Id, occurrence.DueDate, occurrence.WindowEnd, occurrence.Status, occurrence.DoneAtUtc, occurrence.DoneBy,
                rows.GroupBy(d => (d.SlotLabel, d.DueUtc)).Select(g => new SlotView(g.Key.SlotLabel ?? "", g.Key.DueUtc,
                    g.Select(d => (d.Channel, d.Status, d.FailureReason)).ToList())).ToList());
        }
        var category = r.CategoryId is { } c ? (await references.FindAsync(c, ct))?.Label : null;
        var tests = await db.Set<Delivery>().AsNoTracking().Where(d => d.IsTest && d.PersonId == r.PersonId).OrderByDescending(d => d.CreatedAtUtc).Take(3)
            .Select(d => new DeliveryView(d.Id, d.PersonId, "", d.Channel, d.Address, d.Status, d.FailureReason, d.SentAtUtc, d.DeliveredAtUtc, d.Attempts, d.SlotLabel))
            .ToListAsync(ct);
        return new ReminderView(r.Id, r.PersonId, r.Title, category, r.Message, r.Channels, r.Kind, r.FirstDate, r.Time, r.Recurrence, r.LeadDayList,
            r.NudgeEveryDays, r.IsActive, next, tests);
    }

    private async Task<IReadOnlyList<DeliveryView>> TestResultsAsync(List<Guid> ids, CancellationToken ct) =>
        await db.Set<Delivery>().AsNoTracking().Where(d => ids.Contains(d.Id))
            .Select(d => new DeliveryView(d.Id, d.PersonId, "", d.Channel, d.Address, d.Status, d.FailureReason, d.SentAtUtc, d.DeliveredAtUtc, d.Attempts, d.SlotLabel))
            .ToListAsync(ct);

    private async Task<string> StructureNameAsync(CancellationToken ct) => (await branding.GetAsync(tenant.RequireId(), ct))?.Name ?? "";
}
