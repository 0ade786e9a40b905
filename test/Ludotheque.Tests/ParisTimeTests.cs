using CentresConnectes.Platform.Infrastructure;
using Shouldly;
using Xunit;

namespace CentresConnectes.Ludotheque.Tests;

public sealed class ParisTimeTests
{
    [Theory]
    // Winter (UTC+1) and summer (UTC+2) on both sides of the two DST weekends of 2025.
    [InlineData("2025-03-29", "09:30", "2025-03-29T08:30:00")]
    [InlineData("2025-03-30", "09:30", "2025-03-30T07:30:00")]
    [InlineData("2025-10-25", "09:30", "2025-10-25T07:30:00")]
    [InlineData("2025-10-26", "09:30", "2025-10-26T08:30:00")]
    // 02:30 does not exist on 30/03/2025: the clocks jump to 03:00 CEST = 01:00 UTC (+30 min kept).
    [InlineData("2025-03-30", "02:30", "2025-03-30T01:30:00")]
    // 02:30 happens twice on 26/10/2025: the first one, in summer time.
    [InlineData("2025-10-26", "02:30", "2025-10-26T00:30:00")]
    public void Paris_wall_clock_to_utc(string date, string time, string expectedUtc)
    {
        var utc = ParisTime.ToUtc(DateOnly.Parse(date), TimeOnly.Parse(time));
        utc.Kind.ShouldBe(DateTimeKind.Utc);
        utc.ShouldBe(DateTime.Parse(expectedUtc));
    }

    [Fact]
    public void Round_trip_gives_the_wall_clock_back()
    {
        for (var day = new DateOnly(2024, 1, 1); day < new DateOnly(2025, 1, 1); day = day.AddDays(1))
        {
            var utc = ParisTime.ToUtc(day, new TimeOnly(9, 30));
            ParisTime.ToParis(utc).ShouldBe(day.ToDateTime(new TimeOnly(9, 30)));
        }
    }
}
