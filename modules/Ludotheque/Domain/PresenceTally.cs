using CentresConnectes.Platform.Contracts;

namespace CentresConnectes.Ludotheque.Domain;

/// <summary>The calendar span a <see cref="PresenceTally"/> counts.</summary>
public enum TallySpan
{
    Month = 1,
    Year = 2,
}

/// <summary>
/// How many presences a person has in one calendar month or year (by the slot's date), per household
/// the presences carry. Written only by the database's triggers on <c>Ludo_Presences</c> (ADR 0021),
/// in the same statement as the presence — never by the application — so it is exact whatever writes
/// presences (kiosk, staff, bulk loads) and whichever tablets do it at once. Statistics read a year's
/// figures from 15,000 tallies instead of 333,000 presences.
/// </summary>
public sealed class PresenceTally : IMultiTenant
{
    /// <summary>The household key of presences that carry none (a primary-key column cannot be null).</summary>
    public static readonly Guid NoHousehold = Guid.Empty;

    /// <summary>The triggers on <c>Ludo_Presences</c> that keep the tallies (their SQL is in the migration Ludotheque_PresenceTallies).</summary>
    public const string InsertTrigger = "Ludo_Presences_TallyInsert";
    public const string DeleteTrigger = "Ludo_Presences_TallyDelete";

    private PresenceTally() { }

    public Guid TenantId { get; private set; }
    public Guid PersonId { get; private set; }
    /// <summary>The presences' household, or <see cref="NoHousehold"/>.</summary>
    public Guid HouseholdId { get; private set; }
    public TallySpan Span { get; private set; }
    /// <summary>The first day of the month or of the year.</summary>
    public DateOnly Start { get; private set; }
    public int Count { get; private set; }
}
