using CentresConnectes.SmsAlerts.Domain;

namespace CentresConnectes.SmsAlerts.Application;

/// <summary>A reminder as the form and the API send it.</summary>
public sealed class ReminderInput
{
    public string? TemplateKey { get; set; }
    public string Title { get; set; } = "";
    public Guid? CategoryId { get; set; }
    public string Message { get; set; } = "";
    public bool Sms { get; set; } = true;
    public bool Email { get; set; }
    public ScheduleKind Kind { get; set; } = ScheduleKind.Date;
    /// <summary>The date (or, for a window, any day of the first month).</summary>
    public DateOnly? FirstDate { get; set; }
    public string Time { get; set; } = "09:00";
    public Recurrence Recurrence { get; set; }
    /// <summary>Days before, e.g. [7, 1, 0].</summary>
    public List<int> LeadDays { get; set; } = [0];
    public int? NudgeEveryDays { get; set; }

    public Channels Channels => (Sms ? Channels.Sms : Channels.None) | (Email ? Channels.Email : Channels.None);

    public static ReminderInput FromTemplate(ReminderTemplate t, Guid? categoryId, DateOnly firstDate) => new()
    {
        TemplateKey = t.Key, Title = t.Title, Message = t.Message, Kind = t.Kind, Recurrence = t.Recurrence, CategoryId = categoryId,
        LeadDays = Reminder.ParseLeadDays(t.LeadDays).ToList(), NudgeEveryDays = t.NudgeEveryDays, FirstDate = firstDate,
    };
}

public sealed record SlotView(string Label, DateTime AtUtc, IReadOnlyList<(Channel Channel, DeliveryStatus Status, string? Reason)> Deliveries);

public sealed record OccurrenceView(Guid Id, DateOnly DueDate, DateOnly? WindowEnd, OccurrenceStatus Status, DateTime? DoneAtUtc, string? DoneBy,
    IReadOnlyList<SlotView> Slots)
{
    public string StatusLabel => Labels.Of(Status);
}

public sealed record ReminderView(Guid Id, Guid PersonId, string Title, string? Category, string Message, Channels Channels, ScheduleKind Kind,
    DateOnly FirstDate, TimeOnly Time, Recurrence Recurrence, IReadOnlyList<int> LeadDays, int? NudgeEveryDays, bool IsActive,
    OccurrenceView? Next, IReadOnlyList<DeliveryView> RecentTests);

public sealed record ReminderPreview(string Text, SmsMeasure Measure, DateOnly? NextDue, DateOnly? WindowEnd, IReadOnlyList<SendSlot> Slots);

/// <summary>One line of « Échéances à venir ».</summary>
public sealed record UpcomingItem(Guid OccurrenceId, Guid ReminderId, Guid PersonId, string PersonName, string Title, string? Category,
    DateOnly DueDate, DateOnly? WindowEnd, OccurrenceStatus Status, Channels Channels)
{
    public string StatusLabel => Labels.Of(Status);
}
