using CentresConnectes.Platform.Contracts;

namespace CentresConnectes.SmsAlerts.Domain;

/// <summary>
/// One message to one person through one channel, for a campaign or a reminder occurrence. Its
/// <see cref="Key"/> is unique: the same campaign (or occurrence and send slot) can never give the
/// same person two rows. The row is the truth of what was sent, whatever the job store remembers.
/// </summary>
public sealed class Delivery : IMultiTenant
{
    public const int ReasonMaxLength = 300;

    private Delivery() { }

    public Delivery(string key, Guid personId, Channel channel, string address, string body, DateTime dueUtc, DateTime expiresUtc)
    {
        Id = Guid.CreateVersion7();
        Key = key;
        PersonId = personId;
        Channel = channel;
        Address = address;
        Body = body;
        DueUtc = dueUtc;
        NotBeforeUtc = dueUtc;
        ExpiresAtUtc = expiresUtc;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public string Key { get; private set; } = "";
    public Guid? CampaignId { get; set; }
    public Guid? OccurrenceId { get; set; }
    public Guid? CategoryId { get; set; }
    public Guid PersonId { get; private set; }
    public Channel Channel { get; private set; }
    /// <summary>E.164 number or e-mail address when scheduled; checked again against the register at send time.</summary>
    public string Address { get; set; } = "";
    public string? Subject { get; set; }
    public string Body { get; set; } = "";
    public int Segments { get; set; }
    public string? SlotLabel { get; set; }
    public bool IsTest { get; set; }
    public DeliveryStatus Status { get; set; }
    /// <summary>The first moment it was due (the statistics' month).</summary>
    public DateTime DueUtc { get; private set; }
    /// <summary>When the dispatcher may take it (moves forward with retries and quiet hours).</summary>
    public DateTime NotBeforeUtc { get; set; }
    /// <summary>Past this moment it is never sent (recorded "expiré").</summary>
    public DateTime ExpiresAtUtc { get; set; }
    public int Attempts { get; set; }
    public Guid? ClaimToken { get; set; }
    /// <summary>Handed to the provider: a crash now leaves the row « inconnu », never sent again.</summary>
    public bool InFlight { get; set; }
    public DateTime? ClaimedUntilUtc { get; set; }
    public ProviderKind? Provider { get; set; }
    public string? ProviderMessageId { get; set; }
    public string? FailureReason { get; set; }
    public DateTime? SentAtUtc { get; set; }
    public DateTime? DeliveredAtUtc { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    public bool IsTerminal => Status is DeliveryStatus.Sent or DeliveryStatus.Delivered or DeliveryStatus.Failed
        or DeliveryStatus.Expired or DeliveryStatus.Unknown or DeliveryStatus.Cancelled;

    public static string CampaignKey(Guid campaignId, Guid personId, Channel channel) => $"c:{campaignId:N}:{personId:N}:{(int)channel}";

    public static string OccurrenceKey(Guid occurrenceId, string slot, Guid personId, Channel channel) => $"o:{occurrenceId:N}:{slot}:{personId:N}:{(int)channel}";

    public static string TestKey() => $"t:{Guid.CreateVersion7():N}";
}
