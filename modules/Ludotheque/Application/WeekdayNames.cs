using CentresConnectes.Platform.Infrastructure;

namespace CentresConnectes.Ludotheque.Application;

/// <summary>The week as French forms show it: Lundi first.</summary>
public static class WeekdayNames
{
    public static readonly IReadOnlyList<DayOfWeek> MondayFirst =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static string Of(DayOfWeek day)
    {
        var name = ParisTime.French.DateTimeFormat.GetDayName(day);
        return char.ToUpper(name[0], ParisTime.French) + name[1..];
    }
}
