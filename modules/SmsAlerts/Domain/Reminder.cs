using CentresConnectes.Platform.Contracts;

namespace CentresConnectes.SmsAlerts.Domain;

/// <summary>
/// An administrative date to remember for one person (a France Travail actualisation, a CAF
/// declaration, a rendez-vous): when, how often, how long before, through which channel.
/// Each due date becomes a <see cref="ReminderOccurrence"/> with its delivery rows.
/// </summary>
public sealed class Reminder : IMultiTenant
{
    public const int TitleMaxLength = 120;
    public const int MessageMaxLength = 1000;

    private Reminder() { }

    public Reminder(Guid personId, string title)
    {
        Id = Guid.CreateVersion7();
        PersonId = personId;
        Title = title;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid PersonId { get; private set; }
    public Guid? CategoryId { get; set; }
    public string Title { get; set; } = "";
    public string Message { get; set; } = "";
    public string? TemplateKey { get; set; }
    public Channels Channels { get; set; } = Channels.Sms;
    public ScheduleKind Kind { get; set; } = ScheduleKind.Date;
    /// <summary>The (first) date for <see cref="ScheduleKind.Date"/>; the month of the first window otherwise.</summary>
    public DateOnly FirstDate { get; set; }
    /// <summary>Paris time of the sends.</summary>
    public TimeOnly Time { get; set; } = new(9, 0);
    public Recurrence Recurrence { get; set; }
    /// <summary>Days before the due date (0 = the day itself), e.g. "7,1,0".</summary>
    public string LeadDays { get; set; } = "0";
    /// <summary>Inside a window: a nudge every N days until the occurrence is marked done (null = none).</summary>
    public int? NudgeEveryDays { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAtUtc { get; set; }
    public string? CreatedBy { get; set; }

    public IReadOnlyList<int> LeadDayList => ParseLeadDays(LeadDays);

    public static IReadOnlyList<int> ParseLeadDays(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.TryParse(s, out var d) ? d : -1).Where(d => d is >= 0 and <= 60).Distinct().OrderDescending().ToList();
}

/// <summary>One due date of a reminder (a window for France Travail), "fait" once staff or the member say so.</summary>
public sealed class ReminderOccurrence : IMultiTenant
{
    private ReminderOccurrence() { }

    public ReminderOccurrence(Guid reminderId, Guid personId, DateOnly dueDate, DateOnly? windowEnd)
    {
        Id = Guid.CreateVersion7();
        ReminderId = reminderId;
        PersonId = personId;
        DueDate = dueDate;
        WindowEnd = windowEnd;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid ReminderId { get; private set; }
    public Guid PersonId { get; private set; }
    /// <summary>The date itself, or the window's opening day.</summary>
    public DateOnly DueDate { get; private set; }
    public DateOnly? WindowEnd { get; private set; }
    public OccurrenceStatus Status { get; set; }
    public DateTime? DoneAtUtc { get; set; }
    public string? DoneBy { get; set; }

    /// <summary>The last day the occurrence matters (the date, or the window's closing day).</summary>
    public DateOnly LastDay => WindowEnd ?? DueDate;
}
