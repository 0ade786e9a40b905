namespace CentresConnectes.SmsAlerts.Domain;

/// <summary>One planned send of an occurrence: a lead time ("J-7") or a nudge inside a window ("relance 2").</summary>
public sealed record SendSlot(string Key, string Label, DateOnly Date, TimeOnly Time);

public sealed record PlannedOccurrence(DateOnly DueDate, DateOnly? WindowEnd, IReadOnlyList<SendSlot> Slots)
{
    public DateOnly LastDay => WindowEnd ?? DueDate;
}

/// <summary>The calendar arithmetic of reminders: due dates, recurrence, lead times and nudges (all in Paris dates).</summary>
public static class ReminderSchedule
{
    /// <summary>The n-th due date (n = 0 first): recurrence keeps the first date's day, clamped to short months (31 → 30 → 28/29).</summary>
    public static (DateOnly Due, DateOnly? WindowEnd) DueDate(ScheduleKind kind, DateOnly first, Recurrence recurrence, int n)
    {
        if (kind == ScheduleKind.MonthlyWindow)
        {
            var month = new DateOnly(first.Year, first.Month, 1).AddMonths(n);
            return (FranceTravailWindow.OpensOn(month.Year, month.Month), FranceTravailWindow.ClosesOn(month.Year, month.Month));
        }
        if (n == 0 || recurrence == Recurrence.None)
            return (first, null);
        var target = new DateOnly(first.Year, first.Month, 1).AddMonths(n * (int)recurrence);
        var day = Math.Min(first.Day, DateTime.DaysInMonth(target.Year, target.Month));
        return (new DateOnly(target.Year, target.Month, day), null);
    }

    public static IReadOnlyList<SendSlot> Slots(DateOnly due, DateOnly? windowEnd, TimeOnly time, IReadOnlyList<int> leadDays, int? nudgeEveryDays)
    {
        var slots = leadDays.Distinct().OrderDescending()
            .Select(d => new SendSlot("J" + d, Labels.LeadTime(d), due.AddDays(-d), time)).ToList();
        if (windowEnd is { } end && nudgeEveryDays is > 0 and var every)
        {
            var k = 1;
            for (var date = due.AddDays(every); date <= end; date = date.AddDays(every), k++)
                slots.Add(new SendSlot("N" + k, $"Relance {k}", date, time));
        }
        return slots;
    }

    /// <summary>
    /// The next occurrence not over yet on <paramref name="today"/> (its last day is today or later),
    /// at or after index <paramref name="fromIndex"/>; null when a one-off reminder is past.
    /// </summary>
    public static (int Index, PlannedOccurrence Occurrence)? Next(Reminder reminder, DateOnly today, int fromIndex = 0)
    {
        for (var n = fromIndex; n < fromIndex + 2000; n++)
        {
            var (due, end) = DueDate(reminder.Kind, reminder.FirstDate, reminder.Recurrence, n);
            if ((end ?? due) >= today)
                return (n, new PlannedOccurrence(due, end, Slots(due, end, reminder.Time, reminder.LeadDayList, reminder.NudgeEveryDays)));
            if (reminder.Kind == ScheduleKind.Date && reminder.Recurrence == Recurrence.None)
                return null;
        }
        return null;
    }
}
