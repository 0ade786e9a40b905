namespace CentresConnectes.SmsAlerts.Contracts;

public sealed record MonthFigure(int Year, int Month, int Messages, int SmsSegments, int Delivered, int Failed);

public sealed record LabelFigure(string Label, int Messages);

/// <summary>A structure's sending figures over a period (Paris months).</summary>
public sealed record SmsStatisticsDto(
    DateOnly From,
    DateOnly To,
    int Messages,
    int PersonsReached,
    int Sent,
    int Delivered,
    int Failed,
    int Expired,
    IReadOnlyList<MonthFigure> ByMonth,
    IReadOnlyList<LabelFigure> ByCategory,
    IReadOnlyList<LabelFigure> ByChannel,
    IReadOnlyList<LabelFigure> FailuresByReason,
    int? MonthlyQuota,
    int QuotaUsedThisMonth)
{
    /// <summary>Share of the messages handed to a provider that reached the person (SMS receipts; e-mails count once sent).</summary>
    public double DeliveryRate => Sent + Delivered + Failed == 0 ? 0 : (double)(Sent + Delivered) / (Sent + Delivered + Failed);
}

/// <summary>The « Envois » figures of the current structure; the Statistics module reads them through this contract.</summary>
public interface ISmsStatistics
{
    Task<SmsStatisticsDto> GetAsync(DateOnly from, DateOnly to, CancellationToken ct = default);
}
