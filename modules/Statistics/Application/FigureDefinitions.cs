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
    public const string Members = "adherents";
    public const string ConsentSms = "consentement-sms";
    public const string ConsentSmsRate = "taux-consentement-sms";
    public const string ConsentEmail = "consentement-email";
    public const string ConsentEmailRate = "taux-consentement-email";
    public const string MembersByGroup = "adherents-groupes";
    public const string MembersByAge = "adherents-tranches-age";
    public const string SmsSent = "messages-envoyes";
    public const string SmsDelivered = "messages-distribues";
    public const string SmsFailed = "messages-echecs";
    public const string SmsReached = "personnes-jointes";
    /// <summary>The chart « présences par mois » (no list of its own).</summary>
    public const string ByMonth = "presences-mois";
    /// <summary>The line of persons with no value (« Non renseigné », « Hors tranches »).</summary>
    public const string None = "aucun";

    /// <summary>Figures whose persons can be listed (not the opening days and hours, nor families).</summary>
    public static bool HasList(string key) => key is not (OpenDays or OpenHours or Families or ConsentSmsRate or ConsentEmailRate
        or SmsSent or SmsDelivered or SmsFailed or SmsReached or ByMonth);

    public static bool IsKnown(string key) => key is OpenDays or OpenHours or Present or Registrations or Presences or Families or Boys or Girls
        or RsaChildren or Under6 or Over6 or GrandParents or ByVille or ByStatut or ByQuotient or ByAge
        or Members or ConsentSms or ConsentSmsRate or ConsentEmail or ConsentEmailRate or MembersByGroup or MembersByAge
        or SmsSent or SmsDelivered or SmsFailed or SmsReached or ByMonth;
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
        [FigureKeys.ByMonth] = ("Présences par mois", "Nombre de présences de chaque mois de la période (mêmes critères)."),
        [FigureKeys.Members] = ("Adhérents au registre", "Personnes du registre inscrites au plus tard le dernier jour de la période (présentes ou non ; fiches anonymisées comprises), critères appliqués. La période précédente compte celles inscrites au plus tard à sa fin."),
        [FigureKeys.ConsentSms] = ("Adhérents ayant accepté les SMS", "Adhérents au registre dont la fiche porte aujourd'hui le consentement SMS."),
        [FigureKeys.ConsentSmsRate] = ("Taux de consentement SMS (%)", "Adhérents ayant accepté les SMS ÷ adhérents au registre × 100, arrondi à un chiffre après la virgule."),
        [FigureKeys.ConsentEmail] = ("Adhérents ayant accepté les e-mails", "Adhérents au registre dont la fiche porte aujourd'hui le consentement e-mail."),
        [FigureKeys.ConsentEmailRate] = ("Taux de consentement e-mail (%)", "Adhérents ayant accepté les e-mails ÷ adhérents au registre × 100, arrondi à un chiffre après la virgule."),
        [FigureKeys.MembersByGroup] = ("Adhérents par groupe", "Pour chaque groupe de la liste : adhérents au registre qui en font partie (une personne peut être dans plusieurs groupes). Les groupes sensibles n'apparaissent qu'aux comptes habilités aux données sociales."),
        [FigureKeys.MembersByAge] = ("Adhérents par tranche d'âge", "Adhérents au registre par âge à la date de calcul, bornes comprises ; les personnes hors de toute tranche sont comptées à part."),
        [FigureKeys.SmsSent] = ("Messages envoyés", "SMS et e-mails prévus dans la période et remis à l'opérateur (distribués, en attente d'accusé ou en échec) ; les essais « Tester le rappel » et les envois annulés ne comptent pas. Les critères ne s'appliquent pas."),
        [FigureKeys.SmsDelivered] = ("Messages distribués", "Messages dont l'opérateur a confirmé la remise (accusé de réception SMS). Les critères ne s'appliquent pas."),
        [FigureKeys.SmsFailed] = ("Messages en échec", "Messages refusés par l'opérateur ou expirés sans avoir pu partir. Les critères ne s'appliquent pas."),
        [FigureKeys.SmsReached] = ("Personnes jointes", "Personnes distinctes ayant reçu au moins un message (envoyé ou distribué) dans la période. Les critères ne s'appliquent pas."),
    };

    /// <summary>Every definition, in the order the exports list them.</summary>
    public static IEnumerable<(string Key, string Label, string Definition)> Every() => All.Select(a => (a.Key, a.Value.Label, a.Value.Definition));

    public static string Label(string key) => All[key].Label;

    public static string Definition(string key) => All[key].Definition;
}
