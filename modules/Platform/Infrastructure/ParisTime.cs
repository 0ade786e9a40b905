using System.Globalization;

namespace CentresConnectes.Platform.Infrastructure;

/// <summary>Times are stored in UTC and shown in Europe/Paris, dates as dd/MM/yyyy.</summary>
public static class ParisTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static DateTime ToParis(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>
    /// The UTC instant of a Paris wall-clock time (stored times are UTC, <see cref="DateTimeKind.Utc"/>,
    /// on both providers). DST-safe: a time that does not exist (in the hour the clocks skip, 02:00–03:00
    /// on the last Sunday of March) moves forward by that hour; a time that happens twice (the autumn
    /// hour) is its first occurrence, in summer time.
    /// </summary>
    public static DateTime ToUtc(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
            local = local.AddHours(1);
        if (Zone.IsAmbiguousTime(local))
        {
            var summerOffset = Zone.GetAmbiguousTimeOffsets(local).Max();
            return DateTime.SpecifyKind(local - summerOffset, DateTimeKind.Utc);
        }
        return TimeZoneInfo.ConvertTimeToUtc(local, Zone);
    }

    /// <summary>The current Paris wall-clock time.</summary>
    public static DateTime Now(TimeProvider clock) => ToParis(clock.GetUtcNow().UtcDateTime);

    /// <summary>Today's date in Paris (not the server's UTC date, wrong every night after 22:00 or 23:00).</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Now(clock));

    public static string FormatDate(DateTime utc) => ToParis(utc).ToString("dd/MM/yyyy", French);

    public static string FormatDateTime(DateTime utc) => ToParis(utc).ToString("dd/MM/yyyy HH:mm", French);

    public static string FormatDate(DateOnly date) => date.ToString("dd/MM/yyyy", French);

    public static string FormatTime(DateTime utc) => ToParis(utc).ToString("HH:mm", French);

    public static string FormatTime(TimeOnly time) => time.ToString("HH:mm", French);
}
