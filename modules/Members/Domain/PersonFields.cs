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
public sealed record PersonField(string Key, string Label, int? MaxLength, bool Exported, bool InRgpdExport, Anonymisation Anonymisation, MergeRule Merge,
    string? Column = null);

/// <summary>
/// The one list of a person's fields: label, limit, exported or not, in the RGPD export or not, what
/// anonymisation and a completing import do with it. A reflection test fails when a
/// <see cref="Person"/> property is missing here, and the export, RGPD export and anonymisation
/// tests check those paths against this list — so adding a field means adding one line here and
/// following the failing tests.
/// </summary>
public static class PersonFields
{
    public static readonly IReadOnlyList<PersonField> All =
    [
        new(nameof(Person.LastName), "Nom", Person.NameMaxLength, true, true, Anonymisation.Erase, MergeRule.Never),
        new(nameof(Person.FirstName), "Prénom", Person.NameMaxLength, true, true, Anonymisation.Erase, MergeRule.Never),
        new(nameof(Person.SexeId), "Sexe", null, true, true, Anonymisation.Keep, MergeRule.FillIfEmpty),
        new(nameof(Person.DateOfBirth), "Date de naissance", null, true, true, Anonymisation.Keep, MergeRule.Never),
        new(nameof(Person.VilleId), "Ville de résidence", null, true, true, Anonymisation.Keep, MergeRule.FillIfEmpty, Column: "Ville"),
        new(nameof(Person.StatutId), "Statut", null, true, true, Anonymisation.Keep, MergeRule.FillIfEmpty),
        new(nameof(Person.MinimaSociauxId), "Minima sociaux", null, true, true, Anonymisation.Keep, MergeRule.FillIfEmpty),
        new(nameof(Person.QuotientFamilialId), "Quotient familial", null, true, true, Anonymisation.Keep, MergeRule.FillIfEmpty),
        new(nameof(Person.HouseholdId), "Famille", null, true, true, Anonymisation.Keep, MergeRule.FillIfEmpty),
        new(nameof(Person.MobileE164), "Portable", 20, true, true, Anonymisation.Erase, MergeRule.FillIfEmpty),
        new(nameof(Person.LandlineE164), "Téléphone fixe", 20, true, true, Anonymisation.Erase, MergeRule.FillIfEmpty),
        new(nameof(Person.Email), "E-mail", Person.EmailMaxLength, true, true, Anonymisation.Erase, MergeRule.FillIfEmpty),
        new(nameof(Person.ConsentSms), "Consentement SMS", null, true, true, Anonymisation.Erase, MergeRule.Add),
        new(nameof(Person.ConsentEmail), "Consentement e-mail", null, true, true, Anonymisation.Erase, MergeRule.Add),
        new(nameof(Person.RegisteredOn), "Date d'inscription", null, true, true, Anonymisation.Keep, MergeRule.Never),
        new(nameof(Person.Notes), "Notes de suivi", Person.NotesMaxLength, true, true, Anonymisation.Erase, MergeRule.FillIfEmpty),
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

    /// <summary>The register export's columns, in order; the social fields only with their permission.</summary>
    /// <summary>The register export's columns, without the social fields and the notes for those who may not see them.</summary>
    public static IReadOnlyList<string> ExportedLabels(bool socialData, bool notes = true) =>
        All.Where(f => f.Exported && (socialData || !IsSocial(f)) && (notes || f.Key != nameof(Person.Notes))).Select(f => f.Column ?? f.Label).ToList();

    public static bool IsSocial(PersonField field) => field.Key is nameof(Person.MinimaSociauxId) or nameof(Person.QuotientFamilialId);
}
