using System.Net.Mail;
using CentresConnectes.Members.Domain;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.ReferenceData.Contracts;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CentresConnectes.Members.Application;

/// <summary>
/// The person already exists in the structure (same nom + prénom + date de naissance, mobile or
/// e-mail): pages redirect to <see cref="ExistingPersonId"/>, the API answers 409 with it.
/// </summary>
public sealed class DuplicatePersonException(Guid existingPersonId, string reason)
    : Exception("Cette personne est déjà inscrite.")
{
    public Guid ExistingPersonId { get; } = existingPersonId;
    /// <summary>What matched, in French ("même nom, prénom et date de naissance"...).</summary>
    public string Reason { get; } = reason;
}

internal static class Check
{
    public static string Required(string? value, string label, int maxLength)
    {
        var tidy = NameNormalizer.Tidy(value ?? "");
        if (tidy.Length == 0)
            throw new BusinessException($"Le champ « {label} » est obligatoire.");
        if (tidy.Length > maxLength)
            throw new BusinessException($"Le champ « {label} » ne doit pas dépasser {maxLength} caractères.");
        return tidy;
    }

    /// <summary>A name has a letter and does not start like a spreadsheet formula.</summary>
    public static string? NameError(string value, string label)
    {
        if (!value.Any(char.IsLetter))
            return $"Le champ « {label} » doit contenir des lettres.";
        if (value[0] is '=' or '+' or '-' or '@')
            return $"Le champ « {label} » ne peut pas commencer par « {value[0]} ».";
        if (value.Any(c => char.IsControl(c) || c is '<' or '>'))
            return $"Le champ « {label} » contient des caractères non autorisés.";
        return null;
    }

    public static string Name(string? value, string label)
    {
        var name = Required(value, label, Person.NameMaxLength);
        if (NameError(name, label) is { } error)
            throw new BusinessException(error);
        return name;
    }

    /// <summary>A plausible e-mail address (lower-cased), or an error.</summary>
    public static (string? Email, string? Error) Email(string? value)
    {
        var email = value?.Trim();
        if (string.IsNullOrEmpty(email))
            return (null, null);
        if (email.Length > Person.EmailMaxLength
            || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email
            || !email.Contains('@', StringComparison.Ordinal) || !email[(email.IndexOf('@') + 1)..].Contains('.', StringComparison.Ordinal)
            || email.Any(char.IsWhiteSpace))
            return (null, $"« {(email.Length > 40 ? email[..40] + "…" : email)} » n'est pas une adresse e-mail valide.");
        return (email.ToLowerInvariant(), null);
    }

    public static string? BirthDateError(DateOnly date, DateOnly today)
    {
        if (date > today)
            return "La date de naissance est dans le futur.";
        if (date < today.AddYears(-120))
            return "La date de naissance est trop ancienne (plus de 120 ans).";
        return null;
    }
}

/// <summary>The unique indexes of the register answered "already there" (another request won the race).</summary>
internal static class UniqueViolation
{
    public static bool Is(DbUpdateException exception) => exception.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };
}

/// <summary>The structure's reference lists, loaded once per operation: labels, validation, matching of imported text.</summary>
public sealed class ReferenceLookup
{
    private readonly Dictionary<Guid, ReferenceItemDto> _byId;
    private readonly Dictionary<ReferenceListKind, IReadOnlyList<ReferenceItemDto>> _lists;
    private readonly Dictionary<(ReferenceListKind, string), Guid> _byText = [];

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

    public IReadOnlyList<ReferenceItemDto> Active(ReferenceListKind kind) =>
        _lists.GetValueOrDefault(kind)?.Where(i => i.IsActive).OrderBy(i => i.Order).ToList() ?? [];

    public IReadOnlyList<ReferenceItemDto> All(ReferenceListKind kind) =>
        _lists.GetValueOrDefault(kind)?.OrderBy(i => i.Order).ToList() ?? [];

    /// <summary>Active values, plus <paramref name="current"/> if it was deactivated since it was chosen.</summary>
    public IReadOnlyList<ReferenceItemDto> Choices(ReferenceListKind kind, Guid? current) =>
        _lists.GetValueOrDefault(kind)?.Where(i => i.IsActive || i.Id == current).OrderBy(i => i.Order).ToList() ?? [];

    public string? Label(Guid? id) => id is { } value && _byId.TryGetValue(value, out var item) ? item.Label : null;

    public ReferenceItemDto? Find(Guid? id) => id is { } value ? _byId.GetValueOrDefault(value) : null;

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
    public Guid? Match(ReferenceListKind kind, string? text)
    {
        var key = NameNormalizer.SortKey(text);
        if (key.Length == 0)
            return null;
        if (_byText.TryGetValue((kind, key), out var id))
            return id;
        if (kind == ReferenceListKind.Sexe)
        {
            string[] female = ["f", "femme", "fille", "feminin", "mme", "madame", "mlle"];
            string[] male = ["m", "h", "homme", "garcon", "masculin", "mr", "monsieur", "g"];
            var wanted = female.Contains(key) ? female : male.Contains(key) ? male : null;
            if (wanted is not null)
            {
                foreach (var candidate in wanted)
                {
                    if (_byText.TryGetValue((kind, candidate), out id))
                        return id;
                }
            }
        }
        return null;
    }
}
