using System.Security.Cryptography;
using System.Text;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.ReferenceData.Contracts;

namespace CentresConnectes.Members.Tests;

/// <summary>
/// The seed's default lists without a database, for the import analyser's unit tests: ids derived from
/// the structure, so each structure has its own values (another structure's id is unknown here, as
/// with the real module).
/// </summary>
public sealed class TestReferenceData(ICurrentTenant tenant) : IReferenceDataQuery
{
    private static readonly (ReferenceListKind Kind, string Label, string? Code)[] Defaults =
    [
        (ReferenceListKind.Sexe, "Femme", "f"), (ReferenceListKind.Sexe, "Homme", "m"),
        (ReferenceListKind.Ville, "Faches-Thumesnil", null), (ReferenceListKind.Ville, "Lille", null),
        (ReferenceListKind.Ville, "Ronchin", null), (ReferenceListKind.Ville, "Autres", null),
        (ReferenceListKind.Statut, "Mère", "mere"), (ReferenceListKind.Statut, "Père", "pere"),
        (ReferenceListKind.Statut, "Grand-mère", null), (ReferenceListKind.Statut, "Grand-père", null),
        (ReferenceListKind.Statut, "Assistant(e) maternelle", null), (ReferenceListKind.Statut, "Enfant à charge", "enfant-a-charge"),
        (ReferenceListKind.Statut, "Enfant gardé", null),
        (ReferenceListKind.MinimaSociaux, "Non", "non"), (ReferenceListKind.MinimaSociaux, "RSA", "rsa"),
        (ReferenceListKind.MinimaSociaux, "AAH", null), (ReferenceListKind.MinimaSociaux, "AEH", null),
        (ReferenceListKind.MinimaSociaux, "Minimum vieillesse", null),
        (ReferenceListKind.QuotientFamilial, "0 à 480 €", null), (ReferenceListKind.QuotientFamilial, "481 à 581 €", null),
        (ReferenceListKind.QuotientFamilial, "582 à 683 €", null), (ReferenceListKind.QuotientFamilial, "Plus de 964 €", null),
        (ReferenceListKind.Groupe, "Petite enfance", null), (ReferenceListKind.Groupe, "Jeunesse", null),
        (ReferenceListKind.Groupe, "RSA", null), (ReferenceListKind.Groupe, "Culture", null),
        (ReferenceListKind.Categorie, "CAF", null), (ReferenceListKind.Categorie, "Actualité", null),
    ];

    private static readonly (int Min, int Max)[] Brackets = [(0, 2), (3, 6), (7, 11), (12, 17), (18, 54), (55, 99)];

    public static Guid IdFor(Guid tenantId, string key) =>
        new(MD5.HashData(Encoding.UTF8.GetBytes(tenantId + "/" + key)));

    private IReadOnlyList<ReferenceItemDto> Items() => tenant.Id is not { } tenantId ? []
        : Defaults.Select((d, i) => new ReferenceItemDto(IdFor(tenantId, d.Kind + "/" + d.Label), d.Kind, d.Label, d.Code, i, true)).ToList();

    public Task<IReadOnlyList<ReferenceItemDto>> ListAsync(ReferenceListKind kind, bool includeInactive = false, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<ReferenceItemDto>>(Items().Where(i => i.Kind == kind).ToList());

    public Task<IReadOnlyList<ReferenceItemDto>> ListAllAsync(bool includeInactive = false, CancellationToken ct = default) =>
        Task.FromResult(Items());

    public Task<ReferenceItemDto?> FindAsync(Guid id, CancellationToken ct = default) =>
        Task.FromResult(Items().SingleOrDefault(i => i.Id == id));

    public Task<IReadOnlyList<AgeBracketDto>> AgeBracketsAsync(bool includeInactive = false, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<AgeBracketDto>>(tenant.Id is not { } tenantId ? []
            : Brackets.Select((b, i) => new AgeBracketDto(IdFor(tenantId, $"age/{b.Min}"), $"{b.Min} à {b.Max} ans", b.Min, b.Max, i, true)).ToList());
}

/// <summary>A fixed structure for the unit tests that need lists without a database.</summary>
public sealed class FixedTenant(Guid id) : ICurrentTenant
{
    public Guid? Id { get; } = id;

    public IDisposable Change(Guid? tenantId) => throw new NotSupportedException();
}
