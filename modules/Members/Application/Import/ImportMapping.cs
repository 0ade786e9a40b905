using CentresConnectes.Members.Domain;

namespace CentresConnectes.Members.Application.Import;

/// <summary>The user's choices for an import (kept with the uploaded file between preview and confirmation).</summary>
public sealed class ImportOptions
{
    /// <summary>One entry per column of the file, in order.</summary>
    public List<ImportField> Columns { get; set; } = [];
    /// <summary>Groups every imported person joins.</summary>
    public List<Guid> GroupIds { get; set; } = [];
    /// <summary>Persons already registered: false = reported and skipped; true = their empty fields are completed and they join the groups.</summary>
    public bool MergeDuplicates { get; set; }
    /// <summary>The sheet to read (xlsx); null: the first sheet with a recognisable header.</summary>
    public string? Sheet { get; set; }
    /// <summary>The header's line number in the sheet; null: found automatically among the first 20 lines.</summary>
    public int? HeaderLine { get; set; }
    /// <summary>
    /// Values of the « Groupe(s) » column unknown to the structure that the user asked to create
    /// (the others are ignored): created with the import, in its transaction.
    /// </summary>
    public List<string> CreateGroups { get; set; } = [];
    /// <summary>Set by the server from the permission of whoever confirmed (the job has no user).</summary>
    public bool SocialData { get; set; }
    /// <summary>Whoever confirmed (set by the server), for the consent records and the audit entry.</summary>
    public string? ConfirmedBy { get; set; }
    public Guid? ConfirmedById { get; set; }
    /// <summary>The super-admin acting for the confirmer, if any: the audit entry names them too.</summary>
    public Guid? ImpersonatorId { get; set; }
    public string? ImpersonatorName { get; set; }
}

public static class ImportMapping
{
    /// <summary>The person fields a file can fill: the catalogue's (<see cref="PersonFields"/>), in its order.</summary>
    public static readonly IReadOnlyList<PersonField> PersonColumns = PersonFields.All.Where(f => f.Import is not null).ToList();

    /// <summary>
    /// The import's own columns, which are no one <see cref="Person"/> property: a « Nom et prénom »
    /// column split into both names, and the groups (memberships). Each is offered just after the
    /// person field named with it.
    /// </summary>
    private static readonly (ImportColumn Column, string After)[] OwnColumns =
    [
        (new(ImportField.FullName, ["nom prenom", "nom et prenom", "nom complet", "prenom nom", "identite"], "Nom et prénom (une seule colonne)"),
            nameof(Person.FirstName)),
        (new(ImportField.Groups, ["groupes", "groupe", "groupe s", "activites", "activite", "ateliers", "atelier", "groups"], "Groupe(s)"),
            nameof(Person.HouseholdId)),
    ];

    /// <summary>Every column of the mapping, in the drop-down's order, each with its wording (<see cref="ImportColumn.Label"/> set).</summary>
    public static readonly IReadOnlyList<ImportColumn> Columns =
    [
        new(ImportField.Ignore, [], "— ne pas importer —"),
        .. PersonColumns.SelectMany(f => OwnColumns.Where(o => o.After == f.Key).Select(o => o.Column)
            .Prepend(f.Import! with { Label = f.Import.Label ?? f.Label })),
    ];

    public static string Label(ImportField field) => Columns.First(c => c.Field == field).Label!;

    /// <summary>Header words (normalised) → field; within a field, the strongest first (see <see cref="ImportColumn.Synonyms"/>).</summary>
    private static readonly (string Header, ImportField Field)[] Synonyms =
        Columns.SelectMany(c => c.Synonyms.Select(s => (s, c.Field))).ToArray();

    /// <summary>
    /// Guesses each column's field from its header. A field goes to one column only: the column
    /// with the strongest synonym wins ("Portable" beats "Téléphone" for the mobile), then the first.
    /// </summary>
    public static List<ImportField> Guess(IReadOnlyList<string> headers)
    {
        var candidates = new List<(int Column, int Rank, ImportField Field)>();
        for (var column = 0; column < headers.Count; column++)
        {
            var key = NameNormalizer.SortKey(headers[column]);
            var rank = Array.FindIndex(Synonyms, s => s.Header == key);
            if (rank < 0)
            {
                // "Téléphone portable de la mère", "E-mail (parent)"...: the longest synonym the header starts
                // with — whole headers were tried first, and a one-word synonym followed by "de", "du"…
                // names something else (« Nom de l'école » is not the nom, « Date de … » not a date of birth).
                var prefix = Synonyms.Select((s, i) => (s.Header, Index: i))
                    .Where(s => key.StartsWith(s.Header + " ", StringComparison.Ordinal) && !OfSomethingElse(s.Header, key))
                    .OrderByDescending(s => s.Header.Length).FirstOrDefault();
                rank = prefix.Header is null ? -1 : Synonyms.Length + prefix.Index;
            }
            if (rank >= 0)
                candidates.Add((column, rank, Synonyms[rank % Synonyms.Length].Field));
        }
        var result = Enumerable.Repeat(ImportField.Ignore, headers.Count).ToList();
        var used = new HashSet<ImportField>();
        foreach (var (column, _, field) in candidates.OrderBy(c => c.Rank).ThenBy(c => c.Column))
        {
            if (used.Add(field))
                result[column] = field;
        }
        // One "Nom et prénom" column and no separate ones is fine; with both, keep the separate columns.
        if (result.Contains(ImportField.FullName) && result.Contains(ImportField.LastName) && result.Contains(ImportField.FirstName))
            result[result.IndexOf(ImportField.FullName)] = ImportField.Ignore;
        return result;
    }

    private static readonly HashSet<string> Linking = ["de", "du", "des", "d", "l", "la", "le", "a", "au", "aux", "en"];

    private static bool OfSomethingElse(string synonym, string key) =>
        !synonym.Contains(' ', StringComparison.Ordinal) && Linking.Contains(key[(synonym.Length + 1)..].Split(' ')[0]);

    /// <summary>
    /// How much a line looks like the header of a member list: 0 unless two columns are recognised;
    /// the names and the date of birth weigh most (a title line or a data line scores 0).
    /// </summary>
    public static int HeaderScore(IReadOnlyList<string> cells)
    {
        var guess = Guess(cells);
        var mapped = guess.Count(f => f != ImportField.Ignore);
        if (mapped < 2)
            return 0;
        var names = guess.Contains(ImportField.FullName) || (guess.Contains(ImportField.LastName) && guess.Contains(ImportField.FirstName));
        return mapped + (names ? 10 : 0) + (guess.Contains(ImportField.DateOfBirth) ? 5 : 0);
    }

    /// <summary>Checks a mapping sent back by the user; returns a French error or null.</summary>
    public static string? Validate(IReadOnlyList<ImportField> columns, int headerCount)
    {
        if (columns.Count != headerCount)
            return "La correspondance des colonnes ne correspond pas au fichier : rechargez la page.";
        var duplicates = columns.Where(c => c != ImportField.Ignore).GroupBy(c => c).Where(g => g.Count() > 1).Select(g => Label(g.Key)).ToList();
        if (duplicates.Count > 0)
            return $"Plusieurs colonnes sont associées à « {string.Join(" », « ", duplicates)} » : une seule colonne par information.";
        var hasNames = columns.Contains(ImportField.FullName) || (columns.Contains(ImportField.LastName) && columns.Contains(ImportField.FirstName));
        if (!hasNames)
            return "Indiquez les colonnes « Nom » et « Prénom » (ou une colonne « Nom et prénom »).";
        if (!columns.Contains(ImportField.DateOfBirth))
            return "Indiquez la colonne « Date de naissance » : elle est obligatoire pour reconnaître les personnes déjà inscrites.";
        return null;
    }
}
