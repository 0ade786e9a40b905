using CentresConnectes.Platform.Contracts;

namespace CentresConnectes.SmsAlerts.Domain;

/// <summary>
/// A structure's SMS settings: the provider and its credentials (set by the super-admin, encrypted),
/// the monthly quota, the sender name, quiet hours and the token of its webhook addresses.
/// </summary>
public sealed class SmsSettings : IMultiTenant
{
    public const int SenderMaxLength = 11;

    private SmsSettings() { }

    public SmsSettings(string webhookToken)
    {
        Id = Guid.CreateVersion7();
        WebhookToken = webhookToken;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public ProviderKind Provider { get; set; } = ProviderKind.Journal;
    /// <summary>JSON of the provider's credentials, protected by <see cref="IStructureSecrets"/>.</summary>
    public string? ProtectedCredentials { get; set; }
    /// <summary>SMS (segments) per calendar month; null = no limit.</summary>
    public int? MonthlyQuota { get; set; }
    public int CostPerSegmentCents { get; set; } = 5;
    public string SenderName { get; set; } = "CENTRE";
    public string StopMention { get; set; } = "STOP au 36111";
    public TimeOnly QuietEnd { get; set; } = new(8, 0);
    public TimeOnly QuietStart { get; set; } = new(20, 0);
    /// <summary>Days campaigns may go, e.g. "1,2,3,4,5,6" (Monday = 1 … Sunday = 7).</summary>
    public string AllowedDays { get; set; } = "1,2,3,4,5,6";
    public bool HolidaysAllowed { get; set; }
    /// <summary>The secret part of this structure's webhook addresses (/webhooks/sms/{token}/…).</summary>
    public string WebhookToken { get; set; } = "";
    public DateTime? UpdatedAtUtc { get; set; }

    public QuietHours QuietHours => new(QuietEnd, QuietStart,
        AllowedDays.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(d => int.TryParse(d, out var n) ? n : 0).Where(n => n is >= 1 and <= 7).ToHashSet(),
        HolidaysAllowed);
}

/// <summary>A message the Journal provider "sent": recorded and readable on the Journal page, for demos and local installs.</summary>
public sealed class JournalEntry : IMultiTenant
{
    private JournalEntry() { }

    public JournalEntry(Guid deliveryId, Channel channel, string to, string body)
    {
        Id = Guid.CreateVersion7();
        DeliveryId = deliveryId;
        Channel = channel;
        To = to;
        Body = body;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid DeliveryId { get; private set; }
    public Channel Channel { get; private set; }
    public string To { get; private set; } = "";
    public string Body { get; private set; } = "";
    public DateTime AtUtc { get; set; }
}

/// <summary>A number that answered STOP: no SMS to it any more, even if its consent is ticked again by mistake.</summary>
public sealed class OptOut : IMultiTenant
{
    private OptOut() { }

    public OptOut(string e164, DateTime atUtc)
    {
        Id = Guid.CreateVersion7();
        E164 = e164;
        AtUtc = atUtc;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public string E164 { get; private set; } = "";
    public DateTime AtUtc { get; private set; }
}
