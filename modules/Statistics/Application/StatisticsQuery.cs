namespace CentresConnectes.Statistics.Application;

/// <summary>
/// The form: a period (Du … Au, both included), criteria (OR within one, AND between them) and the age
/// brackets with their calculation date (default: the period's last day).
/// </summary>
public sealed class StatisticsQuery
{
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public List<Guid> Sexes { get; set; } = [];
    public List<Guid> Villes { get; set; } = [];
    public List<Guid> MinimaSociaux { get; set; } = [];
    public List<Guid> QuotientsFamiliaux { get; set; } = [];
    public List<Guid> Statuts { get; set; } = [];
    /// <summary>Empty: the structure's brackets (Paramètres).</summary>
    public List<AgeBracketInput> AgeBrackets { get; set; } = [];
    public DateOnly? AgeDate { get; set; }
}

/// <summary>One bracket, bounds included (« 3 à 5 ans » = 3 ≤ âge ≤ 5).</summary>
public sealed class AgeBracketInput
{
    public int MinAge { get; set; }
    public int MaxAge { get; set; }
}
