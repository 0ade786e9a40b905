namespace CentresConnectes.Members.Contracts;

/// <summary>
/// Implemented by modules that refer to persons (the ludothèque's presences...). Before deleting a
/// person, Members asks every implementation; the first reason given refuses the deletion.
/// </summary>
public interface IPersonReferenceCheck
{
    /// <summary>A French sentence saying why the person cannot be deleted, or null.</summary>
    Task<string?> WhyCannotDeleteAsync(Guid personId, CancellationToken ct = default);
}

/// <summary>
/// Implemented by modules that refer to families (a family's subscription...). Before deleting a
/// household, Members asks every implementation; the first reason given refuses the deletion.
/// </summary>
public interface IHouseholdReferenceCheck
{
    /// <summary>A French sentence saying why the family cannot be deleted, or null.</summary>
    Task<string?> WhyCannotDeleteAsync(Guid householdId, CancellationToken ct = default);
}

/// <summary>A person of the current structure as other modules see it.</summary>
public sealed record PersonSummaryDto(
    Guid Id,
    Guid? HouseholdId,
    string LastName,
    string FirstName,
    DateOnly DateOfBirth,
    Guid? SexeId,
    Guid? VilleId,
    Guid? StatutId,
    string? Email,
    string? MobileE164,
    string AvatarUrl,
    bool ConsentSms,
    bool ConsentEmail,
    bool IsAnonymised,
    IReadOnlyList<Guid> GroupIds,
    Guid? MinimaSociauxId = null,
    Guid? QuotientFamilialId = null)
{
    public string FullName => $"{LastName} {FirstName}".Trim();
}

public sealed record HouseholdSummaryDto(Guid Id, string Name, IReadOnlyList<Guid> MemberIds);

/// <summary>A member as the kiosk's « Fiche de présence » shows them.</summary>
public sealed record FamilyMemberDto(Guid Id, string FirstName, string LastName, DateOnly DateOfBirth, string AvatarUrl);

/// <summary>A family and its members (anonymised files left out), oldest first.</summary>
public sealed record FamilyDto(Guid Id, string Name, IReadOnlyList<FamilyMemberDto> Members);

/// <summary>Which family a person belongs to, and whether the file was anonymised: all a check-in needs to know.</summary>
public sealed record PersonHouseholdDto(Guid Id, Guid? HouseholdId, bool IsAnonymised);

/// <summary>Read access to the current structure's register, for the other modules.</summary>
public interface IMemberDirectory
{
    Task<PersonSummaryDto?> FindPersonAsync(Guid personId, CancellationToken ct = default);

    Task<IReadOnlyList<PersonSummaryDto>> GetPersonsAsync(IReadOnlyCollection<Guid> personIds, CancellationToken ct = default);

    /// <summary>The family of each person found (one query, no groups): for the kiosk's VALIDER, where every round trip counts.</summary>
    Task<IReadOnlyList<PersonHouseholdDto>> GetHouseholdsOfAsync(IReadOnlyCollection<Guid> personIds, CancellationToken ct = default);

    Task<HouseholdSummaryDto?> FindHouseholdAsync(Guid householdId, CancellationToken ct = default);

    /// <summary>A family with what its kiosk page shows of each member, in one query (a page of every check-in).</summary>
    Task<FamilyDto?> FindFamilyAsync(Guid householdId, CancellationToken ct = default);

    /// <summary>Persons whose « nom prénom » or « prénom nom » starts with the text (accents and case ignored), not anonymised, alphabetical.</summary>
    Task<IReadOnlyList<PersonSummaryDto>> SearchAsync(string text, int max = 20, CancellationToken ct = default);

    /// <summary>Persons belonging to any of the groups (not anonymised), e.g. for a campaign.</summary>
    Task<IReadOnlyList<PersonSummaryDto>> ListByGroupsAsync(IReadOnlyCollection<Guid> groupIds, CancellationToken ct = default);
}

/// <summary>A button another module adds to a person's file (« Rappels » of the SMS part…).</summary>
public sealed record PersonPageLink(string Text, string Url, string Icon, string TestId);

/// <summary>Implemented by modules that have a page about a person; each says which links the current user may follow.</summary>
public interface IPersonPageLinks
{
    IEnumerable<PersonPageLink> For(Guid personId);
}

/// <summary>
/// Implemented by modules that offer something on a family's page (the ludothèque: its family account
/// and QR card), so the page links to them without Members knowing those modules.
/// </summary>
public interface IHouseholdPageSection
{
    /// <summary>The section to show for this household to the current user, or null (no permission…).</summary>
    Task<HouseholdPageSection?> ForAsync(Guid householdId, CancellationToken ct = default);
}

/// <summary>A titled box on the family's page: a status line and links.</summary>
public sealed record HouseholdPageSection(string Title, string Status, IReadOnlyList<HouseholdPageLink> Links, string TestId);

public sealed record HouseholdPageLink(string Text, string Url, string Icon = "bi-box-arrow-up-right");

/// <summary>
/// Implemented by modules in contact with persons (the ludothèque's presences, the messages sent): the
/// retention page (RGPD, SPEC §9) lists the persons none of them — nor a change to their file — has
/// seen for two years.
/// </summary>
public interface IPersonContactSource
{
    /// <summary>
    /// Ids of the current structure's persons this module was in contact with at or after the instant,
    /// as a composable query of the shared context: Members runs it inside its own as a NOT IN, in SQL.
    /// </summary>
    IQueryable<Guid> PersonsContactedSince(DateTime sinceUtc);
}
