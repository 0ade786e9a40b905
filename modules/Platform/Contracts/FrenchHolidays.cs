using PublicHoliday;

namespace CentresConnectes.Platform.Contracts;

/// <summary>
/// French public holidays, from the PublicHoliday package (Easter and the feasts that follow it are not
/// hand-written), for every module that opens, closes or sends by the calendar.
/// </summary>
public static class FrenchHolidays
{
    private static readonly FrancePublicHoliday Calendar = new();

    public static bool IsPublicHoliday(DateOnly date) => Calendar.IsPublicHoliday(date.ToDateTime(TimeOnly.MinValue));

    /// <summary>The public holidays from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static HashSet<DateOnly> Between(DateOnly from, DateOnly to) =>
        Enumerable.Range(from.Year, to.Year - from.Year + 1)
            .SelectMany(year => Calendar.PublicHolidays(year))
            .Select(DateOnly.FromDateTime)
            .Where(d => d >= from && d <= to)
            .ToHashSet();
}
