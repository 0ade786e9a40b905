namespace CentresConnectes.SmsAlerts.Contracts;

public static class SmsAlertsPermissions
{
    /// <summary>See reminders, upcoming dates, campaigns, statuses, the Journal and the figures.</summary>
    public const string Read = "SmsAlerts.Read";
    /// <summary>Create reminders, test them, mark dates done.</summary>
    public const string Reminders = "SmsAlerts.Reminders";
    /// <summary>Create, schedule, cancel and reuse campaigns.</summary>
    public const string Campaigns = "SmsAlerts.Campaigns";
    /// <summary>The structure's sender name, STOP mention and quiet hours.</summary>
    public const string Settings = "SmsAlerts.Settings";
    /// <summary>Host only: each structure's provider, credentials and monthly quota.</summary>
    public const string Providers = "SmsAlerts.Providers";
}
