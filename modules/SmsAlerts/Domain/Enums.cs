namespace CentresConnectes.SmsAlerts.Domain;

/// <summary>How a message reaches the person (a reminder or campaign may use both).</summary>
[Flags]
public enum Channels
{
    None = 0,
    Sms = 1,
    Email = 2,
    Both = Sms | Email,
}

/// <summary>The single channel of one delivery row.</summary>
public enum Channel
{
    Sms = 1,
    Email = 2,
}

public enum Recurrence
{
    None = 0,
    Monthly = 1,
    Quarterly = 3,
    Yearly = 12,
}

public enum ScheduleKind
{
    /// <summary>A date and a time (a rendez-vous, a CAF quarterly declaration).</summary>
    Date = 1,
    /// <summary>The France Travail actualisation: from the 28th (26th in February) to the 15th of the next month, every month.</summary>
    MonthlyWindow = 2,
}

public enum OccurrenceStatus
{
    Planned = 0,
    Done = 1,
    Expired = 2,
    Cancelled = 3,
}

public enum CampaignStatus
{
    Draft = 0,
    Scheduled = 1,
    Sending = 2,
    Sent = 3,
    Cancelled = 4,
    /// <summary>Stopped by itself after too many failures; its author is told.</summary>
    Paused = 5,
}

public enum DeliveryStatus
{
    Pending = 0,
    InProgress = 1,
    Sent = 2,
    Delivered = 3,
    Failed = 4,
    Expired = 5,
    /// <summary>In flight when the application stopped: the provider may or may not have it (for the admin to check).</summary>
    Unknown = 6,
    Cancelled = 7,
}

public enum ProviderKind
{
    Journal = 0,
    Ovh = 1,
    Brevo = 2,
}

public static class Labels
{
    public static string Of(DeliveryStatus s) => s switch
    {
        DeliveryStatus.Pending => "en attente",
        DeliveryStatus.InProgress => "en cours",
        DeliveryStatus.Sent => "envoyé",
        DeliveryStatus.Delivered => "délivré",
        DeliveryStatus.Failed => "échoué",
        DeliveryStatus.Expired => "expiré",
        DeliveryStatus.Unknown => "inconnu",
        DeliveryStatus.Cancelled => "annulé",
        _ => s.ToString(),
    };

    public static string Of(CampaignStatus s) => s switch
    {
        CampaignStatus.Draft => "brouillon",
        CampaignStatus.Scheduled => "programmé",
        CampaignStatus.Sending => "en cours",
        CampaignStatus.Sent => "envoyé",
        CampaignStatus.Cancelled => "annulé",
        CampaignStatus.Paused => "en pause",
        _ => s.ToString(),
    };

    public static string Of(OccurrenceStatus s) => s switch
    {
        OccurrenceStatus.Planned => "à venir",
        OccurrenceStatus.Done => "fait",
        OccurrenceStatus.Expired => "expiré",
        OccurrenceStatus.Cancelled => "annulé",
        _ => s.ToString(),
    };

    public static string Of(Channels c) => c switch
    {
        Channels.Sms => "SMS",
        Channels.Email => "E-mail",
        Channels.Both => "SMS et e-mail",
        _ => "—",
    };

    public static string Of(Channel c) => c == Channel.Sms ? "SMS" : "E-mail";

    public static string Of(Recurrence r) => r switch
    {
        Recurrence.None => "aucune",
        Recurrence.Monthly => "tous les mois",
        Recurrence.Quarterly => "tous les trois mois",
        Recurrence.Yearly => "tous les ans",
        _ => r.ToString(),
    };

    public static string Of(ProviderKind p) => p switch
    {
        ProviderKind.Journal => "Journal (aucun envoi réel)",
        ProviderKind.Ovh => "OVHcloud SMS",
        ProviderKind.Brevo => "Brevo",
        _ => p.ToString(),
    };

    /// <summary>"J-7", "J-1", "Jour J".</summary>
    public static string LeadTime(int days) => days == 0 ? "Jour J" : $"J-{days}";
}
