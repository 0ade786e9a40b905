using CentresConnectes.Platform.Contracts;

namespace CentresConnectes.Members.Contracts;

/// <summary>
/// A member a family enters itself (the kiosk's « Inscription d'une nouvelle famille » and « Modifier ou
/// ajouter un membre »): identity and the non-social fields only. Minima sociaux, quotient familial,
/// groups and notes stay staff-only (SPEC §2, issue 7), so they are not even in this record.
/// </summary>
public sealed record NewMember(
    string? LastName,
    string? FirstName,
    DateOnly? DateOfBirth,
    Guid? SexeId = null,
    Guid? VilleId = null,
    Guid? StatutId = null,
    string? AvatarKey = null,
    string? Email = null,
    string? Mobile = null,
    bool ConsentSms = false,
    bool ConsentEmail = false);

public sealed record NewFamily(string? Name, IReadOnlyList<NewMember> Members);

public sealed record RegisteredFamily(Guid HouseholdId, IReadOnlyList<Guid> PersonIds);

/// <summary>A picture a member may choose as their avatar.</summary>
public sealed record AvatarChoice(string Key, string Label, string Url);

/// <summary>
/// One of the persons entered is already in the register (same normalised nom + prénom + date de
/// naissance, or same mobile or e-mail): nothing was written. The message is kind, names no other
/// family and sends the family to the reception desk.
/// </summary>
public sealed class AlreadyRegisteredException(string message) : Exception(message);

/// <summary>
/// Writes to the register on behalf of a family (no staff account): through Members' own services,
/// with the register's no-duplicate rule. All or nothing: a refused member leaves nothing written.
/// </summary>
public interface IFamilyRegister
{
    IReadOnlyList<AvatarChoice> Avatars { get; }

    /// <summary>A new household and its members. <paramref name="recordedBy"/> names who gave the consents (« La famille, à la borne »).</summary>
    /// <exception cref="AlreadyRegisteredException">A member already exists in the structure.</exception>
    /// <exception cref="BusinessException">A field is missing or wrong (French message).</exception>
    Task<RegisteredFamily> RegisterFamilyAsync(NewFamily family, string recordedBy, CancellationToken ct = default);

    /// <summary>A member joins an existing household (a child born, a new partner).</summary>
    Task<Guid> AddMemberAsync(Guid householdId, NewMember member, string recordedBy, CancellationToken ct = default);

    /// <summary>Corrects a member's first name and birth date; a person of another household is not found (404).</summary>
    Task CorrectMemberAsync(Guid householdId, Guid personId, string? firstName, DateOnly? dateOfBirth, string recordedBy, CancellationToken ct = default);
}
