namespace CentresConnectes.ReferenceData.Contracts;

/// <summary>The per-structure lists (SPEC §3). Age brackets are a list of their own (<see cref="AgeBracketDto"/>).</summary>
public enum ReferenceListKind
{
    Sexe = 1,
    Ville = 2,
    Statut = 3,
    MinimaSociaux = 4,
    QuotientFamilial = 5,
    Groupe = 6,
    Categorie = 7,
}

/// <summary>
/// One value of a list. <see cref="Code"/> is a stable key for the defaults other modules reason
/// about (e.g. "rsa", "enfant-a-charge", "mere", "f", "m"); values a structure adds have none.
/// <see cref="IsSensitive"/> (groups only): membership reveals social data, so the register shows,
/// filters and exports it only to those with the social-data permission.
/// </summary>
public sealed record ReferenceItemDto(Guid Id, ReferenceListKind Kind, string Label, string? Code, int Order, bool IsActive, bool IsSensitive = false);

public sealed record AgeBracketDto(Guid Id, string Label, int MinAge, int MaxAge, int Order, bool IsActive);

/// <summary>Read access to the current structure's lists, for the other modules.</summary>
public interface IReferenceDataQuery
{
    /// <summary>The values of a list, in the structure's order (inactive values only when asked).</summary>
    Task<IReadOnlyList<ReferenceItemDto>> ListAsync(ReferenceListKind kind, bool includeInactive = false, CancellationToken ct = default);

    /// <summary>The values of every list in one read, by list then in the structure's order (for screens that use several).</summary>
    Task<IReadOnlyList<ReferenceItemDto>> ListAllAsync(bool includeInactive = false, CancellationToken ct = default);

    /// <summary>A value of the current structure, or null (unknown id or another structure's).</summary>
    Task<ReferenceItemDto?> FindAsync(Guid id, CancellationToken ct = default);

    Task<IReadOnlyList<AgeBracketDto>> AgeBracketsAsync(bool includeInactive = false, CancellationToken ct = default);
}

/// <summary>
/// Implemented by modules that store reference values (Members...): a value in use is deactivated,
/// never deleted. ReferenceData asks every implementation before deleting a value.
/// </summary>
public interface IReferenceValueUsage
{
    Task<bool> IsUsedAsync(Guid referenceItemId, CancellationToken ct = default);
}

/// <summary>
/// Adds a value to one of the current structure's lists for another module's command (the member
/// import creates the groups its file names when the user asks). Saves through the shared context,
/// so it joins the caller's transaction; refuses a label the list already has, in French.
/// </summary>
public interface IReferenceValueCreator
{
    Task<ReferenceItemDto> AddAsync(ReferenceListKind kind, string label, CancellationToken ct = default);
}
