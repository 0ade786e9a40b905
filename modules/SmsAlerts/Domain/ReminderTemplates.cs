namespace CentresConnectes.SmsAlerts.Domain;

/// <summary>A ready-made reminder for the usual French administrative dates.</summary>
public sealed record ReminderTemplate(
    string Key, string Title, string Message, ScheduleKind Kind, Recurrence Recurrence, string LeadDays, int? NudgeEveryDays, string CategoryHint);

public static class ReminderTemplates
{
    public static readonly IReadOnlyList<ReminderTemplate> All =
    [
        new("france-travail", "Actualisation France Travail",
            "Bonjour {prenom}, pensez à votre actualisation France Travail avant le 15. Répondez FAIT quand c'est fait. {structure}",
            ScheduleKind.MonthlyWindow, Recurrence.Monthly, "0", 5, "France Travail"),
        new("caf-trimestrielle", "Déclaration trimestrielle CAF (RSA / prime d'activité)",
            "Bonjour {prenom}, votre déclaration trimestrielle CAF est à faire pour le {date}. {structure}",
            ScheduleKind.Date, Recurrence.Quarterly, "7,1", null, "CAF"),
        new("css", "Renouvellement Complémentaire santé solidaire",
            "Bonjour {prenom}, votre Complémentaire santé solidaire est à renouveler avant le {date}. Nous pouvons vous aider. {structure}",
            ScheduleKind.Date, Recurrence.Yearly, "30,7", null, "Santé"),
        new("rendez-vous", "Rendez-vous",
            "Bonjour {prenom}, rappel de votre rendez-vous le {date}. {structure}",
            ScheduleKind.Date, Recurrence.None, "1,0", null, "Rendez-vous"),
    ];

    public static ReminderTemplate? Find(string? key) => All.FirstOrDefault(t => t.Key == key);
}
