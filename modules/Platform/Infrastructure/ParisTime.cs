using System.Globalization;

namespace CentresConnectes.Platform.Infrastructure;

/// <summary>Times are stored in UTC and shown in Europe/Paris, dates as dd/MM/yyyy.</summary>
public static class ParisTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static DateTime ToParis(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>Today's date in Paris (not the server's UTC date, wrong every night after 22:00 or 23:00).</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToParis(clock.GetUtcNow().UtcDateTime));

    public static string FormatDate(DateTime utc) => ToParis(utc).ToString("dd/MM/yyyy", French);

    public static string FormatDateTime(DateTime utc) => ToParis(utc).ToString("dd/MM/yyyy HH:mm", French);

    public static string FormatDate(DateOnly date) => date.ToString("dd/MM/yyyy", French);
}
