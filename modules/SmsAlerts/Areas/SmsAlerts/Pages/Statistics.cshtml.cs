using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using CentresConnectes.SmsAlerts.Contracts;

namespace CentresConnectes.SmsAlerts.Areas.SmsAlerts.Pages;

/// <summary>The « Envois » figures: per month, category, channel, delivery rate, failures by reason, quota.</summary>
[RequirePermission(SmsAlertsPermissions.Read)]
public sealed class StatisticsModel(ISmsStatistics statistics, TimeProvider clock) : AppPageModel
{
    public SmsStatisticsDto Figures { get; private set; } = null!;

    public async Task OnGetAsync(DateOnly? du, DateOnly? au, CancellationToken ct)
    {
        var today = ParisTime.Today(clock);
        Figures = await statistics.GetAsync(du ?? new DateOnly(today.Year, 1, 1), au ?? today, ct);
    }
}
