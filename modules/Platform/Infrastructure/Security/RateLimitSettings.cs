namespace CentresConnectes.Platform.Infrastructure.Security;

/// <summary>
/// Configuration section <c>RateLimits</c>: unsafe requests allowed per minute and client address,
/// per policy (<see cref="Contracts.RateLimits"/>), and the sign-in lock thresholds.
/// </summary>
public sealed class RateLimitSettings
{
    public int SignInPerMinute { get; set; } = 10;
    public int PasswordResetPerMinute { get; set; } = 5;
    public int SetPasswordPerMinute { get; set; } = 10;
    public int SetupPerMinute { get; set; } = 10;
    public int KioskSignInPerMinute { get; set; } = 30;

    /// <summary>Failed API-key attempts per minute and address before the address is refused (429).</summary>
    public int ApiKeyFailuresPerMinute { get; set; } = 20;

    /// <summary>Failed passwords from one address on one account before that address is locked out of it.</summary>
    public int FailuresBeforeLock { get; set; } = 5;

    /// <summary>Failed passwords on one account, from every address together, before the account is locked for all.</summary>
    public int AccountFailuresBeforeLock { get; set; } = 100;

    public TimeSpan LockDuration { get; set; } = TimeSpan.FromMinutes(15);
}
