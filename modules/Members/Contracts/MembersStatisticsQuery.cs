namespace CentresConnectes.Members.Contracts;

/// <summary>A person as the statistics count them: ids of list values, dates, consents (no names).</summary>
public sealed class PersonFacts
{
    public Guid Id { get; init; }
    public Guid? HouseholdId { get; init; }
    public DateOnly DateOfBirth { get; init; }
    /// <summary>Date d'inscription.</summary>
    public DateOnly RegisteredOn { get; init; }
    public Guid? SexeId { get; init; }
    public Guid? VilleId { get; init; }
    public Guid? StatutId { get; init; }
    public Guid? MinimaSociauxId { get; init; }
    public Guid? QuotientFamilialId { get; init; }
    public bool ConsentSms { get; init; }
    public bool ConsentEmail { get; init; }
}

/// <summary>A person's membership of a group.</summary>
public sealed class PersonGroupFacts
{
    public Guid PersonId { get; init; }
    public Guid GroupId { get; init; }
}

/// <summary>
/// The register as composable queries of the current structure (tenant-filtered), for modules that
/// compute figures in SQL (Statistics): projections with init-only properties, so callers can keep
/// filtering, joining and grouping them and the database does the counting.
/// Anonymised persons are included: they keep counting in every past figure.
/// </summary>
public interface IMembersStatisticsQuery
{
    IQueryable<PersonFacts> Persons { get; }

    IQueryable<PersonGroupFacts> PersonGroups { get; }
}
