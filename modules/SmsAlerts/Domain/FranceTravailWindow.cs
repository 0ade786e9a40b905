namespace CentresConnectes.SmsAlerts.Domain;

/// <summary>
/// The France Travail monthly actualisation window: it opens on the 28th of a month (the 26th in
/// February, leap years included) and closes on the 15th of the next month.
/// </summary>
public static class FranceTravailWindow
{
    public static DateOnly OpensOn(int year, int month) => new(year, month, month == 2 ? 26 : 28);

    public static DateOnly ClosesOn(int year, int month) => new DateOnly(year, month, 15).AddMonths(1);

    /// <summary>The window that contains <paramref name="date"/> or, between two windows, the next one (by its opening month).</summary>
    public static (DateOnly Opens, DateOnly Closes) Current(DateOnly date)
    {
        // The window opened last month is still open until the 15th.
        var previous = date.AddMonths(-1);
        if (date <= ClosesOn(previous.Year, previous.Month) && date >= OpensOn(previous.Year, previous.Month))
            return (OpensOn(previous.Year, previous.Month), ClosesOn(previous.Year, previous.Month));
        return (OpensOn(date.Year, date.Month), ClosesOn(date.Year, date.Month));
    }
}
