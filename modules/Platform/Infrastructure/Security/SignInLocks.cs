namespace CentresConnectes.Platform.Infrastructure.Security;

/// <summary>
/// Wrong passwords lock an account for the address they come from, not for everyone: a stranger
/// trying the super-admin's address from a café locks out the café, while the super-admin still
/// signs in from the office. Far more failures from every address together lock the account for
/// all (a spread-out attack), for the same duration.
/// </summary>
public sealed class SignInLocks(FailureCounter counter, RateLimitSettings settings)
{
    private static string SourceKey(Guid userId, string address) => $"sign-in:{userId}:{address}";
    private static string AccountKey(Guid userId) => $"sign-in:{userId}";

    public TimeSpan Duration => settings.LockDuration;

    public bool IsLocked(Guid userId, string address) =>
        counter.IsBlocked(SourceKey(userId, address), settings.FailuresBeforeLock)
        || counter.IsBlocked(AccountKey(userId), settings.AccountFailuresBeforeLock);

    /// <summary>True when this failure locks the account (for this address, or for all): the moment to tell its owner.</summary>
    public bool RecordFailure(Guid userId, string address)
    {
        var sourceLocked = counter.RecordFailure(SourceKey(userId, address), settings.FailuresBeforeLock, settings.LockDuration);
        var accountLocked = counter.RecordFailure(AccountKey(userId), settings.AccountFailuresBeforeLock, settings.LockDuration);
        return sourceLocked || accountLocked;
    }

    public void Succeeded(Guid userId, string address) => counter.Reset(SourceKey(userId, address));

    /// <summary>A new password (reset by e-mail) ends every lock of the account.</summary>
    public void PasswordReset(Guid userId) => counter.ResetPrefix(AccountKey(userId));
}
