namespace CentresConnectes.Platform.Contracts;

/// <summary>Ages as the centres say them: "43 ans", "1 an", "8 mois" for babies.</summary>
public static class Ages
{
    public static int Years(DateOnly dateOfBirth, DateOnly today)
    {
        var years = today.Year - dateOfBirth.Year;
        if (today < dateOfBirth.AddYears(years))
            years--;
        return Math.Max(0, years);
    }

    public static int Months(DateOnly dateOfBirth, DateOnly today)
    {
        var months = (today.Year - dateOfBirth.Year) * 12 + today.Month - dateOfBirth.Month;
        if (dateOfBirth.AddMonths(months) > today)
            months--;
        return Math.Max(0, months);
    }

    public static string Text(DateOnly dateOfBirth, DateOnly today)
    {
        if (dateOfBirth > today)
            return "";
        var years = Years(dateOfBirth, today);
        if (years >= 2)
            return $"{years} ans";
        if (years == 1)
            return "1 an";
        var months = Months(dateOfBirth, today);
        return months == 0 ? "moins d'un mois" : $"{months} mois";
    }

    /// <summary>The birth dates of persons aged <paramref name="minAge"/> to <paramref name="maxAge"/> years on <paramref name="today"/>.</summary>
    public static (DateOnly BornFrom, DateOnly BornTo) BirthRange(int minAge, int maxAge, DateOnly today) =>
        (today.AddYears(-(maxAge + 1)).AddDays(1), today.AddYears(-minAge));
}
