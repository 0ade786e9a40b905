using CentresConnectes.Members.Domain;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.ReferenceData.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.Members.Application;

/// <summary>The structure's reference lists, loaded once per operation: labels, validation, matching of imported text.</summary>
public sealed class ReferenceLookup
{
    private readonly Dictionary<Guid, ReferenceItemDto> _byId;
    private readonly Dictionary<ReferenceListKind, IReadOnlyList<ReferenceItemDto>> _lists;
    private readonly Dictionary<(ReferenceListKind, string), Guid> _byText = [];

    /// <summary>
    /// How spreadsheets write the sexe ("F", "femme", "Fille" → Femme): each word is read as the first
    /// of its group the structure's list names (by label or code).
    /// </summary>
    private static readonly string[][] SexeAliases =
    [
        ["f", "femme", "fille", "feminin", "mme", "madame", "mlle"],
        ["m", "h", "homme", "garcon", "masculin", "mr", "monsieur", "g"],
    ];

    private ReferenceLookup(Dictionary<ReferenceListKind, IReadOnlyList<ReferenceItemDto>> lists, IReadOnlyList<AgeBracketDto> ageBrackets)
    {
        _lists = lists;
        _byId = lists.Values.SelectMany(l => l).ToDictionary(i => i.Id);
        AgeBrackets = ageBrackets;
        foreach (var item in _byId.Values.Where(i => i.IsActive).OrderBy(i => i.Order))
        {
            _byText.TryAdd((item.Kind, NameNormalizer.SortKey(item.Label)), item.Id);
            if (item.Code is { Length: > 0 } code)
                _byText.TryAdd((item.Kind, NameNormalizer.SortKey(code)), item.Id);
        }
        // Targets found among the real labels and codes first, then added without overriding any of them.
        var aliases = SexeAliases
            .Select(group => (Group: group, Target: group.Select(a => _byText.GetValueOrDefault((ReferenceListKind.Sexe, a))).FirstOrDefault(id => id != Guid.Empty)))
            .Where(a => a.Target != Guid.Empty).ToList();
        foreach (var (group, target) in aliases)
        {
            foreach (var alias in group)
                _byText.TryAdd((ReferenceListKind.Sexe, alias), target);
        }
    }

    public IReadOnlyList<AgeBracketDto> AgeBrackets { get; }

    public static readonly ReferenceListKind[] PersonKinds =
    [
        ReferenceListKind.Sexe, ReferenceListKind.Ville, ReferenceListKind.Statut,
        ReferenceListKind.MinimaSociaux, ReferenceListKind.QuotientFamilial, ReferenceListKind.Groupe,
    ];

    public static async Task<ReferenceLookup> LoadAsync(IReferenceDataQuery query, CancellationToken ct)
    {
        // Two reads per request (every list at once, then the age brackets): the register's search runs this on each keystroke.
        var lists = (await query.ListAllAsync(includeInactive: true, ct)).Where(i => PersonKinds.Contains(i.Kind))
            .GroupBy(i => i.Kind).ToDictionary(g => g.Key, g => (IReadOnlyList<ReferenceItemDto>)g.ToList());
        return new ReferenceLookup(lists, await query.AgeBracketsAsync(includeInactive: false, ct));
    }

    // The lists come in their order (ListAllAsync sorts by kind, order, label).
    public IReadOnlyList<ReferenceItemDto> Active(ReferenceListKind kind) =>
        _lists.GetValueOrDefault(kind)?.Where(i => i.IsActive).ToList() ?? [];

    public IReadOnlyList<ReferenceItemDto> All(ReferenceListKind kind) => _lists.GetValueOrDefault(kind) ?? [];

    /// <summary>Active values, plus <paramref name="current"/> if it was deactivated since it was chosen.</summary>
    public IReadOnlyList<ReferenceItemDto> Choices(ReferenceListKind kind, Guid? current) =>
        _lists.GetValueOrDefault(kind)?.Where(i => i.IsActive || i.Id == current).ToList() ?? [];

    public string? Label(Guid? id) => id is { } value && _byId.TryGetValue(value, out var item) ? item.Label : null;

    /// <summary>A group marked « sensible » in the structure's list (unknown ids are not).</summary>
    public bool IsSensitive(Guid id) => _byId.TryGetValue(id, out var item) && item.IsSensitive;

    /// <summary>An id chosen in a form: a value of this structure's list, active (or unchanged).</summary>
    public Guid? Validate(Guid? id, ReferenceListKind kind, string label, Guid? current = null)
    {
        if (id is null || id == Guid.Empty)
            return null;
        if (!_byId.TryGetValue(id.Value, out var item) || item.Kind != kind || (!item.IsActive && id != current))
            throw new BusinessException($"La valeur choisie pour « {label} » n'existe pas (ou plus) dans les listes de la structure.");
        return item.Id;
    }

    public IReadOnlyList<Guid> ValidateGroups(IEnumerable<Guid>? ids, IReadOnlyCollection<Guid>? current = null)
    {
        var result = new List<Guid>();
        foreach (var id in ids?.Where(i => i != Guid.Empty).Distinct() ?? [])
        {
            if (!_byId.TryGetValue(id, out var item) || item.Kind != ReferenceListKind.Groupe || (!item.IsActive && current?.Contains(id) != true))
                throw new BusinessException("Un des groupes choisis n'existe pas (ou plus) dans les listes de la structure.");
            result.Add(id);
        }
        return result;
    }

    /// <summary>Matches text from a spreadsheet to a value ("F", "femme", "Fille" → Femme), or null.</summary>
    public Guid? Match(ReferenceListKind kind, string? text) =>
        NameNormalizer.SortKey(text) is { Length: > 0 } key && _byText.TryGetValue((kind, key), out var id) ? id : null;
}
