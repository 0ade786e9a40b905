using CentresConnectes.Platform.Contracts;
using CentresConnectes.SmsAlerts.Domain;
using Shouldly;
using Xunit;

namespace CentresConnectes.SmsAlerts.Tests.Unit;

public sealed class QuietHoursTests
{
    private static readonly QuietHours Default = QuietHours.Default;

    [Fact]
    public void Inside_the_hours_a_campaign_goes_at_once() =>
        Default.NextAllowed(new DateTime(2026, 6, 9, 14, 5, 0)).ShouldBe(new DateTime(2026, 6, 9, 14, 5, 0));

    [Fact]
    public void Early_morning_waits_until_eight() =>
        Default.NextAllowed(new DateTime(2026, 6, 9, 6, 30, 0)).ShouldBe(new DateTime(2026, 6, 9, 8, 0, 0));

    [Fact]
    public void Evening_waits_until_the_next_morning() =>
        Default.NextAllowed(new DateTime(2026, 6, 9, 20, 0, 0)).ShouldBe(new DateTime(2026, 6, 10, 8, 0, 0));

    [Fact]
    public void Saturday_evening_waits_until_Monday() =>
        Default.NextAllowed(new DateTime(2026, 6, 13, 21, 0, 0)).ShouldBe(new DateTime(2026, 6, 15, 8, 0, 0));

    [Fact]
    public void Public_holidays_are_skipped()
    {
        FrenchHolidays.IsPublicHoliday(new DateOnly(2026, 7, 14)).ShouldBeTrue();
        FrenchHolidays.IsPublicHoliday(new DateOnly(2026, 5, 1)).ShouldBeTrue();
        FrenchHolidays.IsPublicHoliday(new DateOnly(2026, 4, 6)).ShouldBeTrue(); // Easter Monday 2026
        FrenchHolidays.IsPublicHoliday(new DateOnly(2026, 7, 15)).ShouldBeFalse();
        // Monday 13 July 2026 at 21:00 → Tuesday 14 July is the national day → Wednesday 15 at 08:00.
        Default.NextAllowed(new DateTime(2026, 7, 13, 21, 0, 0)).ShouldBe(new DateTime(2026, 7, 15, 8, 0, 0));
        // Christmas 2026 is a Friday: Thursday evening → Saturday 26 at 08:00.
        Default.NextAllowed(new DateTime(2026, 12, 24, 20, 30, 0)).ShouldBe(new DateTime(2026, 12, 26, 8, 0, 0));
    }

    [Fact]
    public void A_structure_may_allow_holidays_and_other_hours()
    {
        var custom = new QuietHours(new TimeOnly(9, 0), new TimeOnly(18, 0), new HashSet<int> { 1, 2, 3, 4, 5 }, true);
        custom.NextAllowed(new DateTime(2026, 7, 14, 10, 0, 0)).ShouldBe(new DateTime(2026, 7, 14, 10, 0, 0));
        custom.NextAllowed(new DateTime(2026, 7, 17, 18, 0, 0)).ShouldBe(new DateTime(2026, 7, 20, 9, 0, 0)); // Friday 18:00 → Monday 09:00
    }
}
