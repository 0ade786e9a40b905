using CentresConnectes.Platform.Infrastructure;
using CentresConnectes.SmsAlerts.Domain;
using Shouldly;
using Xunit;

namespace CentresConnectes.SmsAlerts.Tests.Unit;

public sealed class ScheduleTests
{
    [Theory]
    [InlineData(2026, 1, "2026-01-28", "2026-02-15")]
    [InlineData(2026, 2, "2026-02-26", "2026-03-15")] // February opens on the 26th
    [InlineData(2028, 2, "2028-02-26", "2028-03-15")] // leap year: still the 26th
    [InlineData(2026, 12, "2026-12-28", "2027-01-15")] // across the year
    public void France_Travail_window_opens_on_the_28th_or_26th_in_February_and_closes_on_the_15th(int year, int month, string opens, string closes)
    {
        FranceTravailWindow.OpensOn(year, month).ShouldBe(DateOnly.Parse(opens));
        FranceTravailWindow.ClosesOn(year, month).ShouldBe(DateOnly.Parse(closes));
    }

    [Theory]
    [InlineData("2026-03-10", "2026-02-26")] // inside February's window
    [InlineData("2026-03-15", "2026-02-26")] // its last day
    [InlineData("2026-03-16", "2026-03-28")] // between windows: the next one
    [InlineData("2026-03-29", "2026-03-28")] // inside March's window
    [InlineData("2026-02-27", "2026-02-26")]
    public void The_current_window_is_the_open_one_or_the_next(string today, string opens) =>
        FranceTravailWindow.Current(DateOnly.Parse(today)).Opens.ShouldBe(DateOnly.Parse(opens));

    [Fact]
    public void Monthly_recurrence_keeps_the_day_and_clamps_short_months()
    {
        var first = new DateOnly(2026, 1, 31);
        ReminderSchedule.DueDate(ScheduleKind.Date, first, Recurrence.Monthly, 1).Due.ShouldBe(new DateOnly(2026, 2, 28));
        ReminderSchedule.DueDate(ScheduleKind.Date, first, Recurrence.Monthly, 2).Due.ShouldBe(new DateOnly(2026, 3, 31));
        ReminderSchedule.DueDate(ScheduleKind.Date, new DateOnly(2028, 1, 30), Recurrence.Monthly, 1).Due.ShouldBe(new DateOnly(2028, 2, 29));
    }

    [Fact]
    public void Quarterly_and_yearly_recurrences_step_three_and_twelve_months()
    {
        var first = new DateOnly(2026, 1, 15);
        ReminderSchedule.DueDate(ScheduleKind.Date, first, Recurrence.Quarterly, 1).Due.ShouldBe(new DateOnly(2026, 4, 15));
        ReminderSchedule.DueDate(ScheduleKind.Date, first, Recurrence.Quarterly, 4).Due.ShouldBe(new DateOnly(2027, 1, 15));
        ReminderSchedule.DueDate(ScheduleKind.Date, new DateOnly(2028, 2, 29), Recurrence.Yearly, 1).Due.ShouldBe(new DateOnly(2029, 2, 28));
        ReminderSchedule.DueDate(ScheduleKind.Date, first, Recurrence.None, 3).Due.ShouldBe(first);
    }

    [Fact]
    public void Lead_times_give_one_slot_each_before_the_date()
    {
        var slots = ReminderSchedule.Slots(new DateOnly(2026, 5, 20), null, new TimeOnly(9, 30), [0, 7, 1], null);
        slots.Select(s => (s.Label, s.Date)).ShouldBe([("J-7", new DateOnly(2026, 5, 13)), ("J-1", new DateOnly(2026, 5, 19)), ("Jour J", new DateOnly(2026, 5, 20))]);
        slots.ShouldAllBe(s => s.Time == new TimeOnly(9, 30));
    }

    [Fact]
    public void Nudges_repeat_inside_the_window_only()
    {
        var slots = ReminderSchedule.Slots(new DateOnly(2026, 2, 26), new DateOnly(2026, 3, 15), new TimeOnly(9, 0), [0], 5);
        slots.Select(s => s.Date).ShouldBe([new DateOnly(2026, 2, 26), new DateOnly(2026, 3, 3), new DateOnly(2026, 3, 8), new DateOnly(2026, 3, 13)]);
        slots.Skip(1).Select(s => s.Key).ShouldBe(["N1", "N2", "N3"]);
    }

    [Fact]
    public void The_next_occurrence_skips_those_already_over()
    {
        var reminder = new Reminder(Guid.NewGuid(), "CAF") { Kind = ScheduleKind.Date, FirstDate = new DateOnly(2026, 1, 10), Recurrence = Recurrence.Quarterly, LeadDays = "7" };
        var next = ReminderSchedule.Next(reminder, new DateOnly(2026, 4, 11));
        next.ShouldNotBeNull();
        next.Value.Occurrence.DueDate.ShouldBe(new DateOnly(2026, 7, 10));
        next.Value.Index.ShouldBe(2);

        var once = new Reminder(Guid.NewGuid(), "RDV") { Kind = ScheduleKind.Date, FirstDate = new DateOnly(2026, 1, 10), Recurrence = Recurrence.None };
        ReminderSchedule.Next(once, new DateOnly(2026, 1, 11)).ShouldBeNull();
        ReminderSchedule.Next(once, new DateOnly(2026, 1, 10)).ShouldNotBeNull();
    }

    [Fact]
    public void Window_reminders_follow_each_month_window()
    {
        var reminder = new Reminder(Guid.NewGuid(), "FT") { Kind = ScheduleKind.MonthlyWindow, FirstDate = new DateOnly(2026, 1, 28), Recurrence = Recurrence.Monthly };
        var next = ReminderSchedule.Next(reminder, new DateOnly(2026, 3, 16))!.Value.Occurrence;
        next.DueDate.ShouldBe(new DateOnly(2026, 3, 28));
        next.WindowEnd.ShouldBe(new DateOnly(2026, 4, 15));
        ReminderSchedule.Next(reminder, new DateOnly(2026, 3, 14))!.Value.Occurrence.DueDate.ShouldBe(new DateOnly(2026, 2, 26));
    }

    [Fact]
    public void Paris_times_become_UTC_across_daylight_saving()
    {
        ParisTime.ToUtc(new DateOnly(2026, 1, 15), new TimeOnly(9, 0)).ShouldBe(new DateTime(2026, 1, 15, 8, 0, 0, DateTimeKind.Utc));
        ParisTime.ToUtc(new DateOnly(2026, 7, 15), new TimeOnly(9, 0)).ShouldBe(new DateTime(2026, 7, 15, 7, 0, 0, DateTimeKind.Utc));
        // 29 March 2026, 02:30 does not exist in Paris: read as 03:30 (summer time).
        ParisTime.ToUtc(new DateOnly(2026, 3, 29), new TimeOnly(2, 30)).ShouldBe(new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc));
        // 25 October 2026, 02:30 happens twice: the first one (still summer time).
        ParisTime.ToUtc(new DateOnly(2026, 10, 25), new TimeOnly(2, 30)).ShouldBe(new DateTime(2026, 10, 25, 0, 30, 0, DateTimeKind.Utc));
    }
}
