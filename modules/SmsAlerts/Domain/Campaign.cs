using CentresConnectes.Platform.Contracts;

namespace CentresConnectes.SmsAlerts.Domain;

/// <summary>
/// A targeted message (« envoi ») to groups and chosen persons, now or at a date and time. Its
/// recipients are fixed when it is scheduled: one <see cref="Delivery"/> per person and channel,
/// written in the same transaction.
/// </summary>
public sealed class Campaign : IMultiTenant
{
    public const int TitleMaxLength = 120;
    public const int MessageMaxLength = 1600;

    private Campaign() { }

    public Campaign(string title)
    {
        Id = Guid.CreateVersion7();
        Title = title;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public string Title { get; set; } = "";
    public Guid? CategoryId { get; set; }
    public Channels Channels { get; set; } = Channels.Sms;
    public string Message { get; set; } = "";
    public string? Subject { get; set; }
    /// <summary>The groups chosen at creation (ids of the structure's Groupes list).</summary>
    public List<Guid> GroupIds { get; set; } = [];
    /// <summary>Persons chosen one by one, besides the groups.</summary>
    public List<Guid> PersonIds { get; set; } = [];
    public CampaignStatus Status { get; set; }
    /// <summary>The moment asked for (null = now).</summary>
    public DateTime? RequestedAtUtc { get; set; }
    /// <summary>The moment sends start: the one asked for, moved to the next allowed moment by quiet hours.</summary>
    public DateTime? StartsAtUtc { get; set; }
    public int RecipientCount { get; set; }
    public int SmsSegments { get; set; }
    public Guid? ReusedFromId { get; set; }
    public string? PauseReason { get; set; }
    /// <summary>Failed messages already counted when the campaign was last resumed: only new failures pause it again.</summary>
    public int FailuresBeforeResume { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string? CreatedBy { get; set; }
    public string? CreatedByEmail { get; set; }
    public DateTime? CompletedAtUtc { get; set; }
}
