using CentresConnectes.Statistics.Application;
using Shouldly;
using Xunit;

namespace CentresConnectes.Statistics.Tests;

/// <summary>The period compared with: as many whole months before when the period is whole months, else as many days.</summary>
public sealed class PreviousPeriodTests
{
    private static DateOnly D(string text) => DateOnly.Parse(text);

    [Theory]
    [InlineData("2025-01-01", "2025-12-31", "2025-12-31", "2024-01-01", "2024-12-31", "2024-12-31")] // a year: the year before (366 days)
    [InlineData("2025-03-01", "2025-03-31", "2025-03-31", "2025-02-01", "2025-02-28", "2025-02-28")] // March: February
    [InlineData("2025-01-01", "2025-03-31", "2025-03-15", "2024-10-01", "2024-12-31", "2024-12-15")] // a quarter: the one before
    [InlineData("2024-03-01", "2024-03-31", "2024-03-31", "2024-02-01", "2024-02-29", "2024-02-29")] // 29 February
    [InlineData("2025-03-10", "2025-03-19", "2025-03-19", "2025-02-28", "2025-03-09", "2025-03-09")] // days: as many days
    [InlineData("2025-03-01", "2025-03-30", "2025-03-30", "2025-01-30", "2025-02-28", "2025-02-28")] // not a whole month: 30 days
    public void The_previous_period_is_the_same_length_just_before(string from, string to, string age, string previousFrom, string previousTo, string previousAge) =>
        StatisticsService.Previous(D(from), D(to), D(age)).ShouldBe((D(previousFrom), D(previousTo), D(previousAge)));
}
