namespace CentresConnectes.ReferenceData.Contracts;

/// <summary>French names and URL slugs of the lists (the mock-ups' wording).</summary>
public static class ReferenceListKinds
{
    public static IReadOnlyList<ReferenceListKind> All { get; } = Enum.GetValues<ReferenceListKind>();

    public static string DisplayName(ReferenceListKind kind) => kind switch
    {
        ReferenceListKind.Sexe => "Sexe",
        ReferenceListKind.Ville => "Ville de résidence",
        ReferenceListKind.Statut => "Statut",
        ReferenceListKind.MinimaSociaux => "Minima sociaux",
        ReferenceListKind.QuotientFamilial => "Quotient familial",
        ReferenceListKind.Groupe => "Groupes",
        ReferenceListKind.Categorie => "Catégories",
        _ => kind.ToString(),
    };

    /// <summary>What the list is for, shown under its title.</summary>
    public static string Description(ReferenceListKind kind) => kind switch
    {
        ReferenceListKind.Sexe => "Les choix proposés pour le sexe d'une personne.",
        ReferenceListKind.Ville => "Les villes de résidence proposées sur la fiche d'une personne (et dans les statistiques).",
        ReferenceListKind.Statut => "La place de la personne dans la famille ou son rôle (mère, père, assistante maternelle…).",
        ReferenceListKind.MinimaSociaux => "Les minima sociaux perçus (visibles seulement des personnes habilitées).",
        ReferenceListKind.QuotientFamilial => "Les tranches de quotient familial (visibles seulement des personnes habilitées).",
        ReferenceListKind.Groupe => "Les groupes d'envoi et d'activité (petite enfance, jeunesse…), choisis à l'inscription. Un groupe « sensible » (bouclier), comme « RSA », révèle une donnée sociale : seuls les comptes habilités aux données sociales (administrateur, travailleur social) le voient sur les fiches, dans les filtres et les exports.",
        ReferenceListKind.Categorie => "Les catégories des messages et campagnes (CAF, France Travail, rendez-vous…).",
        _ => "",
    };

    public static string Slug(ReferenceListKind kind) => kind switch
    {
        ReferenceListKind.Sexe => "sexe",
        ReferenceListKind.Ville => "villes",
        ReferenceListKind.Statut => "statuts",
        ReferenceListKind.MinimaSociaux => "minima-sociaux",
        ReferenceListKind.QuotientFamilial => "quotient-familial",
        ReferenceListKind.Groupe => "groupes",
        ReferenceListKind.Categorie => "categories",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>Accepts a slug ("minima-sociaux") or an enum name ("MinimaSociaux"), any case; not numbers.</summary>
    public static bool TryParse(string? value, out ReferenceListKind kind)
    {
        kind = default;
        if (string.IsNullOrWhiteSpace(value))
            return false;
        foreach (var candidate in All)
        {
            if (string.Equals(Slug(candidate), value, StringComparison.OrdinalIgnoreCase)
                || string.Equals(candidate.ToString(), value, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }
        return false;
    }
}

/// <summary>
/// Stable codes of the default values (copied into every structure; renaming a value keeps its code).
/// Other modules reason about these, never about labels.
/// </summary>
public static class ReferenceCodes
{
    public const string Femme = "f";
    public const string Homme = "m";

    public const string Mere = "mere";
    public const string Pere = "pere";
    public const string GrandMere = "grand-mere";
    public const string GrandPere = "grand-pere";
    public const string AssistanteMaternelle = "assistante-maternelle";
    public const string EnfantACharge = "enfant-a-charge";
    public const string EnfantGarde = "enfant-garde";

    public const string MinimaNon = "non";
    public const string Rsa = "rsa";
    public const string Aah = "aah";
    public const string Aeh = "aeh";
    public const string MinimumVieillesse = "minimum-vieillesse";
}
