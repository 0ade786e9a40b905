using CentresConnectes.Platform.Contracts;

namespace CentresConnectes.SmsAlerts.Domain;

/// <summary>
/// When campaigns may go (Paris time): default 08:00–20:00, Monday to Saturday, never on a French
/// public holiday. A campaign due outside waits for the next allowed moment.
/// </summary>
public sealed record QuietHours(TimeOnly AllowedFrom, TimeOnly AllowedUntil, IReadOnlySet<int> AllowedDays, bool HolidaysAllowed)
{
    public static QuietHours Default { get; } = new(new TimeOnly(8, 0), new TimeOnly(20, 0), new HashSet<int> { 1, 2, 3, 4, 5, 6 }, false);

    public bool IsAllowedDay(DateOnly date)
    {
        var iso = date.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)date.DayOfWeek;
        return AllowedDays.Contains(iso) && (HolidaysAllowed || !FrenchHolidays.IsPublicHoliday(date));
    }

    public bool IsAllowed(DateTime parisLocal) =>
        IsAllowedDay(DateOnly.FromDateTime(parisLocal)) && TimeOnly.FromDateTime(parisLocal) >= AllowedFrom && TimeOnly.FromDateTime(parisLocal) < AllowedUntil;

    /// <summary>The moment itself when allowed, else the next allowed opening (Paris wall-clock time).</summary>
    public DateTime NextAllowed(DateTime parisLocal)
    {
        if (IsAllowed(parisLocal))
            return parisLocal;
        var date = DateOnly.FromDateTime(parisLocal);
        if (TimeOnly.FromDateTime(parisLocal) < AllowedFrom && IsAllowedDay(date))
            return date.ToDateTime(AllowedFrom);
        for (var i = 1; i <= 30; i++)
        {
            var next = date.AddDays(i);
            if (IsAllowedDay(next))
                return next.ToDateTime(AllowedFrom);
        }
        throw new InvalidOperationException("Aucun jour d'envoi autorisé dans les 30 prochains jours.");
    }
}
