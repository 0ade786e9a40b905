using CentresConnectes.SmsAlerts.Domain;

namespace CentresConnectes.SmsAlerts.Providers;

public enum SendOutcome
{
    Sent,
    /// <summary>Worth trying again later (503, 429, network error before the provider answered).</summary>
    Temporary,
    /// <summary>Never worth trying again (invalid number, refused by the provider).</summary>
    Permanent,
    /// <summary>The request left but no answer came back (time-out): the provider may have it.</summary>
    Unknown,
}

public sealed record SendResult(SendOutcome Outcome, string? ProviderMessageId = null, string? Reason = null)
{
    public static SendResult Sent(string? id) => new(SendOutcome.Sent, id);
    public static SendResult Temporary(string reason) => new(SendOutcome.Temporary, null, reason);
    public static SendResult Permanent(string reason) => new(SendOutcome.Permanent, null, reason);
}

/// <summary>One SMS to one number, with what the provider needs to call us back.</summary>
public sealed record OutgoingSms(Guid DeliveryId, string ToE164, string Text, string Sender, string? StatusCallbackUrl);

/// <summary>The credentials of a structure's provider (stored encrypted, see <see cref="SmsSettings.ProtectedCredentials"/>).</summary>
public sealed record ProviderCredentials
{
    /// <summary>API root: "https://eu.api.ovh.com/1.0" for OVHcloud, "https://api.brevo.com" for Brevo (tests: the fake provider).</summary>
    public string? BaseUrl { get; init; }
    public string? ApplicationKey { get; init; }
    public string? ApplicationSecret { get; init; }
    public string? ConsumerKey { get; init; }
    /// <summary>OVHcloud's SMS account ("sms-ab12345-1").</summary>
    public string? ServiceName { get; init; }
    /// <summary>Brevo's api-key.</summary>
    public string? ApiKey { get; init; }
}

/// <summary>An SMS API behind one interface: OVHcloud, Brevo (the Journal records instead of sending).</summary>
public interface ISmsProvider
{
    ProviderKind Kind { get; }

    Task<SendResult> SendAsync(ProviderCredentials credentials, OutgoingSms sms, CancellationToken ct);
}
