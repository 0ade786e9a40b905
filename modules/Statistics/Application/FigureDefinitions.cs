namespace CentresConnectes.Statistics.Application;

/// <summary>The figures' keys (API, drill-down links, tests).</summary>
public static class FigureKeys
{
    public const string OpenDays = "jours-ouverture";
    public const string OpenHours = "heures-ouverture";
    public const string Present = "inscrits";
    public const string Registrations = "inscriptions";
    public const string Presences = "presences";
    public const string Families = "familles";
    public const string Boys = "garcons";
    public const string Girls = "filles";
    public const string RsaChildren = "enfants-rsa";
    public const string Under6 = "enfants-moins-6";
    public const string Over6 = "enfants-plus-6";
    public const string GrandParents = "grands-parents";
    public const string ByVille = "villes";
    public const string ByStatut = "statuts";
    public const string ByQuotient = "quotient-familial";
    public const string ByAge = "tranches-age";
    /// <summary>The line of persons with no value (« Non renseigné », « Hors tranches »).</summary>
    public const string None = "aucun";

    /// <summary>Figures whose persons can be listed (not the opening days and hours, nor families).</summary>
    public static bool HasList(string key) => key is not (OpenDays or OpenHours or Families);

    public static bool IsKnown(string key) => key is OpenDays or OpenHours or Present or Registrations or Presences or Families or Boys or Girls
        or RsaChildren or Under6 or Over6 or GrandParents or ByVille or ByStatut or ByQuotient or ByAge;
}

/// <summary>Each figure's French label and definition (tooltips, exports, the manual say the same).</summary>
public static class FigureDefinitions
{
    private static readonly Dictionary<string, (string Label, string Definition)> All = new()
    {
        [FigureKeys.OpenDays] = ("Nombre de jours d'ouverture", "Jours distincts ayant au moins un créneau dans la période (un jour à deux créneaux compte pour un jour). Les critères ne s'appliquent pas."),
        [FigureKeys.OpenHours] = ("Nombre d'heures d'ouverture", "Pour chaque jour, la durée couverte par ses créneaux, les chevauchements n'étant comptés qu'une fois ; total de la période. Les critères ne s'appliquent pas."),
        [FigureKeys.Present] = ("Nombre d'inscrits total sur la période", "Personnes distinctes présentes au moins une fois dans la période."),
        [FigureKeys.Registrations] = ("Nombre d'inscriptions sur la période", "Personnes dont la date d'inscription tombe dans la période, présentes ou non."),
        [FigureKeys.Presences] = ("Nombre total de présences", "Une présence = une personne dans un créneau (deux créneaux le même jour = deux présences)."),
        [FigureKeys.Families] = ("Nombre de familles", "Familles distinctes dont au moins un membre est venu dans la période."),
        [FigureKeys.Boys] = ("Nombre d'inscrits garçons", "Personnes présentes de sexe Homme, tous âges."),
        [FigureKeys.Girls] = ("Nombre d'inscrites filles", "Personnes présentes de sexe Femme, tous âges."),
        [FigureKeys.RsaChildren] = ("Nombre d'enfants dont les parents sont bénéficiaires du RSA", "Enfants présents (statut Enfant à charge ou Enfant gardé) dont la famille compte un autre membre, non enfant, ayant les minima sociaux RSA (présent ou non)."),
        [FigureKeys.Under6] = ("Nombre d'enfants de moins de 6 ans", "Enfants présents âgés de moins de 6 ans à la date de calcul de l'âge."),
        [FigureKeys.Over6] = ("Nombre d'enfants de plus de 6 ans", "Enfants présents âgés de 6 ans ou plus à la date de calcul de l'âge."),
        [FigureKeys.GrandParents] = ("Total inscrits grands-parents", "Personnes présentes de statut Grand-mère ou Grand-père."),
        [FigureKeys.ByVille] = ("Par ville de résidence", "Pour chaque ville de la liste (valeurs désactivées comprises) : personnes présentes distinctes et nombre de présences ; « Non renseigné » pour les personnes sans ville."),
        [FigureKeys.ByStatut] = ("Par statut", "Pour chaque statut de la liste : personnes présentes distinctes et nombre de présences."),
        [FigureKeys.ByQuotient] = ("Par tranche de quotient familial", "Pour chaque tranche (celle de la personne) : personnes présentes distinctes et nombre de présences."),
        [FigureKeys.ByAge] = ("Par tranche d'âge", "Âge à la date de calcul, bornes comprises : personnes présentes distinctes et nombre de présences ; les personnes hors de toute tranche sont comptées à part."),
    };

    public static string Label(string key) => All[key].Label;

    public static string Definition(string key) => All[key].Definition;
}
