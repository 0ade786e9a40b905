namespace CentresConnectes.Members.Contracts;

/// <summary>Raised after a person's consent to SMS or e-mails is withdrawn (staff, or a STOP reply).</summary>
public sealed record PersonConsentWithdrawn(Guid TenantId, Guid PersonId, bool Sms, bool Email);

/// <summary>Raised after a person is anonymised (RGPD): nothing may be sent to them any more.</summary>
public sealed record PersonAnonymised(Guid TenantId, Guid PersonId);

/// <summary>Consent changes asked by other modules (an SMS provider forwarding a STOP reply).</summary>
public interface IMemberConsent
{
    /// <summary>Withdraws the SMS consent of the person (no-op when already withdrawn); recorded as given by <paramref name="recordedBy"/>.</summary>
    Task WithdrawSmsConsentAsync(Guid personId, string recordedBy, CancellationToken ct = default);
}
