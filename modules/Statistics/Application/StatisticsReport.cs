namespace CentresConnectes.Statistics.Application;

/// <summary>Every figure for a period, beside the previous period of the same length.</summary>
public sealed record StatisticsReport(
    DateOnly From,
    DateOnly To,
    DateOnly PreviousFrom,
    DateOnly PreviousTo,
    DateOnly AgeDate,
    IReadOnlyList<string> Criteria,
    IReadOnlyList<Figure> Figures,
    IReadOnlyList<Breakdown> Breakdowns,
    IReadOnlyList<MonthPresences> ByMonth,
    IReadOnlyList<Figure> Register,
    IReadOnlyList<CountBreakdown> RegisterBreakdowns,
    IReadOnlyList<Figure> Sms)
{
    public Figure this[string key] => Figures.Concat(Register).Concat(Sms).Single(f => f.Key == key);

    public Breakdown Section(string key) => Breakdowns.Single(b => b.Key == key);

    public CountBreakdown RegisterSection(string key) => RegisterBreakdowns.Single(b => b.Key == key);
}

/// <summary>One figure: its value and the previous period's (hours as decimals: 6.5 = 6 h 30; rates in percent).</summary>
public sealed record Figure(string Key, string Label, string Definition, decimal Value, decimal Previous)
{
    public decimal Difference => Value - Previous;
}

/// <summary>A figure per value of a list (villes, statuts, QF tranches, age brackets): persons and presences.</summary>
public sealed record Breakdown(string Key, string Title, string Definition, IReadOnlyList<BreakdownLine> Lines);

public sealed record BreakdownLine(string Key, string Label, int Persons, int Presences, int PreviousPersons, int PreviousPresences);

/// <summary>A count per value (register by group, by age bracket): the period's end beside the previous period's end.</summary>
public sealed record CountBreakdown(string Key, string Title, string Definition, IReadOnlyList<CountLine> Lines);

public sealed record CountLine(string Key, string Label, int Value, int Previous);

/// <summary>The presences of one calendar month of the period (the chart « présences par mois »).</summary>
public sealed record MonthPresences(int Year, int Month, int Presences)
{
    public string Label => new DateOnly(Year, Month, 1).ToString("MMM yyyy", Platform.Infrastructure.ParisTime.French);
}
