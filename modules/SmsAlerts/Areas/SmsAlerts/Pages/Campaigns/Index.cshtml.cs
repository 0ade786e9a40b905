using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using CentresConnectes.SmsAlerts.Application;
using CentresConnectes.SmsAlerts.Contracts;

namespace CentresConnectes.SmsAlerts.Areas.SmsAlerts.Pages.Campaigns;

/// <summary>The structure's campaigns, newest first, with their progress.</summary>
[RequirePermission(SmsAlertsPermissions.Read)]
public sealed class IndexModel(CampaignService campaigns, ICurrentUser user) : AppPageModel
{
    public Page<CampaignListItem> Items { get; private set; } = null!;
    public bool CanCreate => user.HasPermission(SmsAlertsPermissions.Campaigns);

    public async Task OnGetAsync(int? p, CancellationToken ct) => Items = await campaigns.ListAsync(p ?? 1, ct);
}
