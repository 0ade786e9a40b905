using CentresConnectes.Members.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.Platform.Infrastructure;
using CentresConnectes.SmsAlerts.Domain;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.SmsAlerts.Application;

/// <summary>
/// Turns a reminder's next due date into an occurrence and its delivery rows (one per send slot and
/// channel), added to the caller's unit of work so they commit together.
/// </summary>
public sealed class ReminderPlanner(AppDbContext db, TimeProvider clock)
{
    /// <summary>Adds the next occurrence not planned yet (nothing when it exists, or the reminder is over). Returns it, or null.</summary>
    public async Task<ReminderOccurrence?> PlanNextAsync(Reminder reminder, PersonSummaryDto person, string structure, ISet<string> optOuts, CancellationToken ct)
    {
        if (!reminder.IsActive)
            return null;
        var today = ParisTime.Today(clock);
        var existing = await db.Set<ReminderOccurrence>().Where(o => o.ReminderId == reminder.Id).Select(o => new { o.DueDate, o.Status }).ToListAsync(ct);
        var from = 0;
        while (ReminderSchedule.Next(reminder, today, from) is { } next)
        {
            var (index, planned) = next;
            var found = existing.FirstOrDefault(e => e.DueDate == planned.DueDate);
            if (found is null)
                return Add(reminder, person, structure, optOuts, planned);
            if (found.Status == OccurrenceStatus.Planned)
                return null;
            from = index + 1; // done or cancelled: the next one
            if (reminder.Recurrence == Recurrence.None && reminder.Kind == ScheduleKind.Date)
                return null;
        }
        return null;
    }

    private ReminderOccurrence Add(Reminder reminder, PersonSummaryDto person, string structure, ISet<string> optOuts, PlannedOccurrence planned)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var occurrence = new ReminderOccurrence(reminder.Id, reminder.PersonId, planned.DueDate, planned.WindowEnd);
        db.Set<ReminderOccurrence>().Add(occurrence);
        var lastMoment = ParisTime.ToUtc(planned.LastDay, new TimeOnly(23, 59));
        var text = Placeholders.Render(reminder.Message, person.FirstName, person.LastName, planned.WindowEnd ?? planned.DueDate, structure);
        foreach (var channel in new[] { Channel.Sms, Channel.Email }.Where(c => reminder.Channels.HasFlag((Channels)(int)c)))
        {
            var (address, _) = RecipientRules.Check(person, channel, optOuts);
            if (address is null)
                continue; // no consent or address now: nothing planned for this channel (checked again at each plan)
            foreach (var slot in planned.Slots)
            {
                var at = ParisTime.ToUtc(slot.Date, slot.Time);
                if (at <= now)
                    continue; // a slot already past when planned is skipped, not sent late
                var expires = at + SmsLimits.ReminderGrace < lastMoment ? at + SmsLimits.ReminderGrace : lastMoment;
                db.Set<Delivery>().Add(new Delivery(Delivery.OccurrenceKey(occurrence.Id, slot.Key, person.Id, channel), person.Id, channel, address, text, at,
                    expires < at ? at + TimeSpan.FromMinutes(30) : expires)
                {
                    OccurrenceId = occurrence.Id,
                    CategoryId = reminder.CategoryId,
                    Subject = channel == Channel.Email ? reminder.Title : null,
                    Segments = channel == Channel.Sms ? SmsText.Measure(text).Segments : 0,
                    SlotLabel = slot.Label,
                    CreatedAtUtc = now,
                });
            }
        }
        return occurrence;
    }
}
