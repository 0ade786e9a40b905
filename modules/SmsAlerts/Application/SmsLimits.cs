namespace CentresConnectes.SmsAlerts.Application;

/// <summary>Limits of the module, in one place.</summary>
internal static class SmsLimits
{
    /// <summary>A reminder send not made within this delay is never made ("expiré"): a reminder is only useful on time.</summary>
    public static readonly TimeSpan ReminderGrace = TimeSpan.FromHours(2);
    /// <summary>A campaign not sent within this delay after its start is given up.</summary>
    public static readonly TimeSpan CampaignGrace = TimeSpan.FromDays(2);
    public const int MaxAttempts = 8;
    public const int MaxChosenPersons = 200;
    /// <summary>A campaign pauses itself when this many of its messages failed for good (and they are a third or more of those tried).</summary>
    public const int PauseAfterFailures = 20;

    /// <summary>30 s, 1 min, 2 min, 4 min… up to 30 min between tries.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(1800, 30 * Math.Pow(2, Math.Max(0, attempts - 1))));
}
