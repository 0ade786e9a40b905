using CentresConnectes.Members.Domain;

namespace CentresConnectes.Members.Application.Import;

/// <summary>What a column of the file holds.</summary>
public enum ImportField
{
    Ignore = 0,
    LastName = 1,
    FirstName = 2,
    /// <summary>"DUPONT Jean" in one column: the leading words in capitals are the nom.</summary>
    FullName = 3,
    DateOfBirth = 4,
    Sexe = 5,
    Ville = 6,
    Statut = 7,
    MinimaSociaux = 8,
    QuotientFamilial = 9,
    Mobile = 10,
    Email = 11,
    Household = 12,
    Notes = 13,
    ConsentSms = 14,
    ConsentEmail = 15,
    RegisteredOn = 16,
    /// <summary>A landline (« Tél. domicile », « Fixe »): never used for SMS.</summary>
    Landline = 17,
    /// <summary>One or several groups per line (« Groupe(s) », separated by , ; /).</summary>
    Groups = 18,
}

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
    public static readonly IReadOnlyList<(ImportField Field, string Label)> Labels =
    [
        (ImportField.Ignore, "— ne pas importer —"),
        (ImportField.LastName, "Nom"),
        (ImportField.FirstName, "Prénom"),
        (ImportField.FullName, "Nom et prénom (une seule colonne)"),
        (ImportField.DateOfBirth, "Date de naissance"),
        (ImportField.Sexe, "Sexe"),
        (ImportField.Ville, "Ville de résidence"),
        (ImportField.Statut, "Statut"),
        (ImportField.MinimaSociaux, "Minima sociaux"),
        (ImportField.QuotientFamilial, "Quotient familial"),
        (ImportField.Mobile, "Téléphone portable"),
        (ImportField.Landline, "Téléphone fixe"),
        (ImportField.Email, "E-mail"),
        (ImportField.Household, "Famille"),
        (ImportField.Groups, "Groupe(s)"),
        (ImportField.Notes, "Notes de suivi"),
        (ImportField.ConsentSms, "Consentement SMS (oui/non)"),
        (ImportField.ConsentEmail, "Consentement e-mail (oui/non)"),
        (ImportField.RegisteredOn, "Date d'inscription"),
    ];

    public static string Label(ImportField field) => Labels.First(l => l.Field == field).Label;

    /// <summary>Header words (normalised) → field. Longer phrases are tried first.</summary>
    private static readonly (string Header, ImportField Field)[] Synonyms =
    [
        ("nom de famille", ImportField.LastName),
        ("nom prenom", ImportField.FullName), ("nom et prenom", ImportField.FullName), ("nom complet", ImportField.FullName),
        ("prenom nom", ImportField.FullName), ("identite", ImportField.FullName),
        ("nom du foyer", ImportField.Household), ("nom de la famille", ImportField.Household), ("foyer", ImportField.Household),
        ("famille", ImportField.Household), ("household", ImportField.Household),
        ("nom", ImportField.LastName), ("last name", ImportField.LastName), ("lastname", ImportField.LastName), ("surname", ImportField.LastName),
        ("prenom", ImportField.FirstName), ("first name", ImportField.FirstName), ("firstname", ImportField.FirstName),
        ("date de naissance", ImportField.DateOfBirth), ("date naissance", ImportField.DateOfBirth), ("naissance", ImportField.DateOfBirth),
        ("ne le", ImportField.DateOfBirth), ("ne e le", ImportField.DateOfBirth), ("nee le", ImportField.DateOfBirth), ("ddn", ImportField.DateOfBirth),
        ("date de nais", ImportField.DateOfBirth), ("birth", ImportField.DateOfBirth), ("birthdate", ImportField.DateOfBirth), ("date of birth", ImportField.DateOfBirth),
        ("sexe", ImportField.Sexe), ("genre", ImportField.Sexe), ("civilite", ImportField.Sexe), ("sex", ImportField.Sexe), ("gender", ImportField.Sexe),
        ("ville de residence", ImportField.Ville), ("ville", ImportField.Ville), ("commune", ImportField.Ville), ("localite", ImportField.Ville), ("city", ImportField.Ville),
        ("statut", ImportField.Statut), ("qualite", ImportField.Statut), ("lien", ImportField.Statut), ("role", ImportField.Statut),
        ("minima sociaux", ImportField.MinimaSociaux), ("minima", ImportField.MinimaSociaux), ("minimum social", ImportField.MinimaSociaux),
        ("quotient familial", ImportField.QuotientFamilial), ("tranche qf", ImportField.QuotientFamilial), ("quotient", ImportField.QuotientFamilial), ("qf", ImportField.QuotientFamilial),
        ("telephone fixe", ImportField.Landline), ("tel fixe", ImportField.Landline), ("fixe", ImportField.Landline),
        ("telephone domicile", ImportField.Landline), ("tel domicile", ImportField.Landline), ("tel dom", ImportField.Landline), ("domicile", ImportField.Landline),
        ("telephone maison", ImportField.Landline), ("tel maison", ImportField.Landline), ("telephone fixe domicile", ImportField.Landline),
        ("groupes", ImportField.Groups), ("groupe", ImportField.Groups), ("groupe s", ImportField.Groups), ("activites", ImportField.Groups),
        ("activite", ImportField.Groups), ("ateliers", ImportField.Groups), ("atelier", ImportField.Groups), ("groups", ImportField.Groups),
        ("telephone portable", ImportField.Mobile), ("tel portable", ImportField.Mobile), ("portable", ImportField.Mobile), ("mobile", ImportField.Mobile),
        ("telephone", ImportField.Mobile), ("tel", ImportField.Mobile), ("gsm", ImportField.Mobile), ("numero", ImportField.Mobile), ("phone", ImportField.Mobile),
        ("adresse mail", ImportField.Email), ("adresse e mail", ImportField.Email), ("e mail", ImportField.Email), ("email", ImportField.Email),
        ("mail", ImportField.Email), ("courriel", ImportField.Email), ("mel", ImportField.Email),
        ("notes de suivi", ImportField.Notes), ("notes", ImportField.Notes), ("note", ImportField.Notes), ("remarques", ImportField.Notes),
        ("commentaire", ImportField.Notes), ("commentaires", ImportField.Notes), ("observations", ImportField.Notes), ("suivi", ImportField.Notes),
        ("consentement sms", ImportField.ConsentSms), ("accord sms", ImportField.ConsentSms), ("sms", ImportField.ConsentSms), ("optin sms", ImportField.ConsentSms),
        ("consentement email", ImportField.ConsentEmail), ("consentement e mail", ImportField.ConsentEmail), ("consentement mail", ImportField.ConsentEmail),
        ("accord email", ImportField.ConsentEmail), ("newsletter", ImportField.ConsentEmail),
        ("date d inscription", ImportField.RegisteredOn), ("date inscription", ImportField.RegisteredOn), ("inscription", ImportField.RegisteredOn), ("inscrit le", ImportField.RegisteredOn),
    ];

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
