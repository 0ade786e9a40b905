namespace CentresConnectes.Members.Domain;

/// <summary>
/// What a column of an imported file holds: a person field (the catalogue says which, see
/// <see cref="PersonField.Import"/>), or one of the import's own columns (ImportMapping).
/// </summary>
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
