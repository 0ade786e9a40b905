namespace CentresConnectes.Members.Domain;

/// <summary>What RGPD erasure does to a field (see <see cref="Person.Anonymise"/>).</summary>
public enum Anonymisation
{
    /// <summary>Statistics need it (sexe, date of birth, ville, QF, household…): kept as is, never shown again.</summary>
    Keep = 1,
    /// <summary>Identifies or contacts the person: cleared (or replaced by "Anonyme").</summary>
    Erase = 2,
    /// <summary>Technical: the record's own bookkeeping (ids, dates of the record, the anonymised flag).</summary>
    Technical = 4,
}

/// <summary>How a completing import (« Compléter la fiche ») treats the field of a registered person.</summary>
public enum MergeRule
{
    /// <summary>Filled from the file only when empty; never overwritten.</summary>
    FillIfEmpty = 1,
    /// <summary>Never taken from a file (identity, bookkeeping).</summary>
    Never = 2,
    /// <summary>Added to (groups, consent given).</summary>
    Add = 3,
}

/// <summary>One field of a person, as every path that lists fields sees it.</summary>
/// <param name="Key">The <see cref="Person"/> property.</param>
/// <param name="Label">The French label (exports, RGPD export, import mapping).</param>
/// <param name="MaxLength">The stored limit, when the field is text.</param>
/// <param name="Exported">A column of the register export.</param>
/// <param name="InRgpdExport">In the person's own data (right of access).</param>
/// <param name="Column">The register export's shorter column title, when it differs from the label.</param>
/// <param name="Import">The column of an imported file that fills the field; null: no file fills it.</param>
public sealed record PersonField(string Key, string Label, int? MaxLength, bool Exported, bool InRgpdExport, Anonymisation Anonymisation, MergeRule Merge,
    string? Column = null, ImportColumn? Import = null);

/// <summary>A column the import's mapping offers.</summary>
/// <param name="Field">What the user picks in the mapping (and the API's value).</param>
/// <param name="Synonyms">
/// Headers guessed as this column, normalised (<see cref="NameNormalizer.SortKey"/>: lower case, no accents,
/// one space between words), strongest first: of two columns guessed as the same field, the one whose
/// header comes first here wins (« Portable » over « Téléphone »).
/// </param>
/// <param name="Label">The mapping drop-down's wording; for a person field, only when it differs from the field's label.</param>
public sealed record ImportColumn(ImportField Field, IReadOnlyList<string> Synonyms, string? Label = null);

/// <summary>
/// The one list of a person's fields: label, limit, exported or not, in the RGPD export or not, what
/// anonymisation and a completing import do with it, the import column that fills it. A reflection
/// test fails when a <see cref="Person"/> property is missing here, and the export, RGPD export,
/// anonymisation and import tests check those paths against this list — so adding a field means
/// adding one line here and following the failing tests.
/// </summary>
public static class PersonFields
{
    public static readonly IReadOnlyList<PersonField> All =
    [
        new(nameof(Person.LastName), "Nom", Person.NameMaxLength, true, true, Anonymisation.Erase, MergeRule.Never,
            Import: new(ImportField.LastName, ["nom de famille", "nom", "last name", "lastname", "surname"])),
        new(nameof(Person.FirstName), "Prénom", Person.NameMaxLength, true, true, Anonymisation.Erase, MergeRule.Never,
            Import: new(ImportField.FirstName, ["prenom", "first name", "firstname"])),
        new(nameof(Person.SexeId), "Sexe", null, true, true, Anonymisation.Keep, MergeRule.FillIfEmpty,
            Import: new(ImportField.Sexe, ["sexe", "genre", "civilite", "sex", "gender"])),
        new(nameof(Person.DateOfBirth), "Date de naissance", null, true, true, Anonymisation.Keep, MergeRule.Never,
            Import: new(ImportField.DateOfBirth, ["date de naissance", "date naissance", "naissance", "ne le", "ne e le", "nee le", "ddn", "date de nais",
                "birth", "birthdate", "date of birth"])),
        new(nameof(Person.VilleId), "Ville de résidence", null, true, true, Anonymisation.Keep, MergeRule.FillIfEmpty, Column: "Ville",
            Import: new(ImportField.Ville, ["ville de residence", "ville", "commune", "localite", "city"])),
        new(nameof(Person.StatutId), "Statut", null, true, true, Anonymisation.Keep, MergeRule.FillIfEmpty,
            Import: new(ImportField.Statut, ["statut", "qualite", "lien", "role"])),
        new(nameof(Person.MinimaSociauxId), "Minima sociaux", null, true, true, Anonymisation.Keep, MergeRule.FillIfEmpty,
            Import: new(ImportField.MinimaSociaux, ["minima sociaux", "minima", "minimum social"])),
        new(nameof(Person.QuotientFamilialId), "Quotient familial", null, true, true, Anonymisation.Keep, MergeRule.FillIfEmpty,
            Import: new(ImportField.QuotientFamilial, ["quotient familial", "tranche qf", "quotient", "qf"])),
        new(nameof(Person.HouseholdId), "Famille", null, true, true, Anonymisation.Keep, MergeRule.FillIfEmpty,
            Import: new(ImportField.Household, ["nom du foyer", "nom de la famille", "foyer", "famille", "household"])),
        new(nameof(Person.MobileE164), "Portable", 20, true, true, Anonymisation.Erase, MergeRule.FillIfEmpty,
            Import: new(ImportField.Mobile, ["telephone portable", "tel portable", "portable", "mobile", "telephone", "tel", "gsm", "numero", "phone"],
                Label: "Téléphone portable")),
        new(nameof(Person.LandlineE164), "Téléphone fixe", 20, true, true, Anonymisation.Erase, MergeRule.FillIfEmpty,
            Import: new(ImportField.Landline, ["telephone fixe", "tel fixe", "fixe", "telephone domicile", "tel domicile", "tel dom", "domicile",
                "telephone maison", "tel maison", "telephone fixe domicile"])),
        new(nameof(Person.Email), "E-mail", Person.EmailMaxLength, true, true, Anonymisation.Erase, MergeRule.FillIfEmpty,
            Import: new(ImportField.Email, ["adresse mail", "adresse e mail", "e mail", "email", "mail", "courriel", "mel"])),
        new(nameof(Person.ConsentSms), "Consentement SMS", null, true, true, Anonymisation.Erase, MergeRule.Add,
            Import: new(ImportField.ConsentSms, ["consentement sms", "accord sms", "sms", "optin sms"], Label: "Consentement SMS (oui/non)")),
        new(nameof(Person.ConsentEmail), "Consentement e-mail", null, true, true, Anonymisation.Erase, MergeRule.Add,
            Import: new(ImportField.ConsentEmail, ["consentement email", "consentement e mail", "consentement mail", "accord email", "newsletter"],
                Label: "Consentement e-mail (oui/non)")),
        new(nameof(Person.RegisteredOn), "Date d'inscription", null, true, true, Anonymisation.Keep, MergeRule.Never,
            Import: new(ImportField.RegisteredOn, ["date d inscription", "date inscription", "inscription", "inscrit le"])),
        new(nameof(Person.Notes), "Notes de suivi", Person.NotesMaxLength, true, true, Anonymisation.Erase, MergeRule.FillIfEmpty,
            Import: new(ImportField.Notes, ["notes de suivi", "notes", "note", "remarques", "commentaire", "commentaires", "observations", "suivi"])),
        new(nameof(Person.ConsentSmsAtUtc), "Consentement SMS enregistré le", null, false, true, Anonymisation.Erase, MergeRule.Add),
        new(nameof(Person.ConsentSmsBy), "Consentement SMS enregistré par", 256, false, true, Anonymisation.Erase, MergeRule.Add),
        new(nameof(Person.ConsentEmailAtUtc), "Consentement e-mail enregistré le", null, false, true, Anonymisation.Erase, MergeRule.Add),
        new(nameof(Person.ConsentEmailBy), "Consentement e-mail enregistré par", 256, false, true, Anonymisation.Erase, MergeRule.Add),
        new(nameof(Person.CreatedAtUtc), "Fiche créée le", null, false, true, Anonymisation.Technical, MergeRule.Never),
        new(nameof(Person.Id), "Identifiant", null, false, true, Anonymisation.Technical, MergeRule.Never),
        // Shown on the profile (an avatar), not personal data worth exporting; reset by erasure.
        new(nameof(Person.AvatarKey), "Avatar", 40, false, false, Anonymisation.Erase, MergeRule.Never),
        // Keys derived from the name and the e-mail: erased with them.
        new(nameof(Person.NormalizedName), "Nom normalisé", null, false, false, Anonymisation.Erase, MergeRule.Never),
        new(nameof(Person.NormalizedFirstLast), "Prénom et nom normalisés", null, false, false, Anonymisation.Erase, MergeRule.Never),
        new(nameof(Person.DuplicateKey), "Clé de doublon", null, false, false, Anonymisation.Erase, MergeRule.Never),
        new(nameof(Person.NormalizedEmail), "E-mail normalisé", null, false, false, Anonymisation.Erase, MergeRule.Never),
        new(nameof(Person.TenantId), "Structure", null, false, false, Anonymisation.Technical, MergeRule.Never),
        new(nameof(Person.IsAnonymised), "Anonymisée", null, false, false, Anonymisation.Technical, MergeRule.Never),
        new(nameof(Person.AnonymisedAtUtc), "Anonymisée le", null, false, false, Anonymisation.Technical, MergeRule.Never),
        new(nameof(Person.UpdatedAtUtc), "Fiche modifiée le", null, false, false, Anonymisation.Technical, MergeRule.Never),
    ];

    public static PersonField Get(string key) => All.Single(f => f.Key == key);

    /// <summary>The register export's columns, without the social fields and the notes for those who may not see them.</summary>
    public static IReadOnlyList<string> ExportedLabels(bool socialData, bool notes = true) =>
        All.Where(f => f.Exported && (socialData || !IsSocial(f)) && (notes || f.Key != nameof(Person.Notes))).Select(f => f.Column ?? f.Label).ToList();

    public static bool IsSocial(PersonField field) => field.Key is nameof(Person.MinimaSociauxId) or nameof(Person.QuotientFamilialId);
}
