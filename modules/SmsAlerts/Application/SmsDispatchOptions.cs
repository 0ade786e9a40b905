namespace CentresConnectes.SmsAlerts.Application;

/// <summary>
/// How the dispatcher claims and polls (« SmsAlerts:ClaimLeaseSeconds », « SmsAlerts:PollSeconds »).
/// </summary>
public sealed class SmsDispatchOptions
{
    /// <summary>
    /// A claim not renewed within this delay was interrupted (a crash): its rows are released, or
    /// « inconnu » when they were in the provider's hands. Each chunk handed over renews it, so it
    /// only has to outlast one chunk, and a restarted instance resumes soon after a crash.
    /// </summary>
    public TimeSpan ClaimLease { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// When set, each instance also runs the dispatcher this often (besides the minute's recurring
    /// job): a campaign sent « now » or work left by a crashed instance is taken within seconds.
    /// Concurrent runs are safe, the claims keep them apart.
    /// </summary>
    public TimeSpan? PollInterval { get; init; }
}
