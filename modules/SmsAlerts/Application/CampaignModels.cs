using CentresConnectes.SmsAlerts.Domain;

namespace CentresConnectes.SmsAlerts.Application;

/// <summary>A campaign as the form and the API send it. Times are Paris wall-clock times.</summary>
public sealed class CampaignInput
{
    public string Title { get; set; } = "";
    public Guid? CategoryId { get; set; }
    public bool Sms { get; set; } = true;
    public bool Email { get; set; }
    public string Message { get; set; } = "";
    public string? Subject { get; set; }
    public List<Guid> GroupIds { get; set; } = [];
    public List<Guid> PersonIds { get; set; } = [];
    /// <summary>Null = as soon as allowed (quiet hours).</summary>
    public DateTime? SendAt { get; set; }
    /// <summary>Save without scheduling (« brouillon »).</summary>
    public bool Draft { get; set; }

    public Channels Channels => (Sms ? Channels.Sms : Channels.None) | (Email ? Channels.Email : Channels.None);
}

public sealed record SmsEstimate(bool IsGsm7, int Characters, int Segments, int PerSegment, string NonGsm, int TotalSegments, int CostCents)
{
    public string Cost => SmsText.FormatCost(CostCents);
}

/// <summary>What the form shows before scheduling: who receives it, what it costs, when it goes.</summary>
public sealed record CampaignPreview(RecipientSummary Recipients, SmsEstimate? Sms, QuotaView Quota, string? QuotaProblem,
    DateTime StartsAtUtc, bool MovedByQuietHours, string SampleText);

public sealed record CampaignListItem(Guid Id, string Title, string? Category, Channels Channels, CampaignStatus Status, DateTime? StartsAtUtc,
    int RecipientCount, int Sent, int Failed, DateTime CreatedAtUtc)
{
    public string StatusLabel => Labels.Of(Status);
}

public sealed record DeliveryView(Guid Id, Guid PersonId, string PersonName, Channel Channel, string Address, DeliveryStatus Status, string? Reason,
    DateTime? SentAtUtc, DateTime? DeliveredAtUtc, int Attempts, string? Slot)
{
    public string StatusLabel => Labels.Of(Status);
}

public sealed record CampaignDetails(Guid Id, string Title, Guid? CategoryId, string? Category, Channels Channels, string Message, string? Subject,
    IReadOnlyList<Guid> GroupIds, IReadOnlyList<string> Groups, IReadOnlyList<Guid> PersonIds, CampaignStatus Status, DateTime? RequestedAtUtc,
    DateTime? StartsAtUtc, int RecipientCount, int SmsSegments, string? PauseReason, Guid? ReusedFromId, string? CreatedBy, DateTime CreatedAtUtc,
    IReadOnlyDictionary<DeliveryStatus, int> Counts)
{
    public string StatusLabel => Labels.Of(Status);
    public bool CanResume => Status == CampaignStatus.Paused;
    public bool CanCancel => Status is CampaignStatus.Scheduled or CampaignStatus.Draft or CampaignStatus.Paused;
    public bool CanReuse => Status is CampaignStatus.Sent or CampaignStatus.Cancelled or CampaignStatus.Paused;
    public bool CanSchedule => Status == CampaignStatus.Draft;
}
