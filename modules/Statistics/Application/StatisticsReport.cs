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
    IReadOnlyList<Breakdown> Breakdowns)
{
    public Figure this[string key] => Figures.Single(f => f.Key == key);

    public Breakdown Section(string key) => Breakdowns.Single(b => b.Key == key);
}

/// <summary>One figure: its value and the previous period's (hours as decimals: 6.5 = 6 h 30).</summary>
public sealed record Figure(string Key, string Label, string Definition, decimal Value, decimal Previous)
{
    public decimal Difference => Value - Previous;
}

/// <summary>A figure per value of a list (villes, statuts, QF tranches, age brackets): persons and presences.</summary>
public sealed record Breakdown(string Key, string Title, string Definition, IReadOnlyList<BreakdownLine> Lines);

public sealed record BreakdownLine(string Key, string Label, int Persons, int Presences, int PreviousPersons, int PreviousPresences);
