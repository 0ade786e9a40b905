using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using CentresConnectes.SmsAlerts.Application;
using CentresConnectes.SmsAlerts.Contracts;
using CentresConnectes.SmsAlerts.Domain;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.SmsAlerts.Areas.SmsAlerts.Pages.Campaigns;

/// <summary>A campaign: its message, its counts, each recipient's status; cancel, schedule a draft, « Réutiliser ».</summary>
[RequirePermission(SmsAlertsPermissions.Read)]
public sealed class DetailsModel(CampaignService campaigns, ICurrentUser user, IJobScheduler jobs, TimeProvider clock) : AppPageModel
{
    public CampaignDetails Campaign { get; private set; } = null!;
    public Page<DeliveryView> Deliveries { get; private set; } = null!;
    public DeliveryStatus? Filter { get; private set; }
    public bool CanWrite => user.HasPermission(SmsAlertsPermissions.Campaigns);
    public DateOnly Tomorrow => ParisTime.Today(clock).AddDays(1);

    public async Task OnGetAsync(Guid id, DeliveryStatus? statut, int? p, CancellationToken ct)
    {
        Campaign = await campaigns.GetAsync(id, ct);
        Filter = statut;
        Deliveries = await campaigns.DeliveriesAsync(id, statut, p ?? 1, ct);
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct)
    {
        if (!CanWrite)
            return Forbid();
        await TryFlashAsync(() => campaigns.CancelAsync(id, ct), "Envoi annulé : les messages en attente ne partiront pas.");
        return Redirect($"/alertes/envois/{id}");
    }

    public async Task<IActionResult> OnPostResumeAsync(Guid id, CancellationToken ct)
    {
        if (!CanWrite)
            return Forbid();
        if (await TryFlashAsync(() => campaigns.ResumeAsync(id, ct), "Envoi repris : les messages en attente repartent."))
            jobs.Enqueue<SmsDispatchNowJob>();
        return Redirect($"/alertes/envois/{id}");
    }

    public async Task<IActionResult> OnPostScheduleAsync(Guid id, DateOnly? sendDate, TimeOnly? sendTime, CancellationToken ct)
    {
        if (!CanWrite)
            return Forbid();
        if (await TryFlashAsync(() => campaigns.ScheduleAsync(id, sendDate?.ToDateTime(sendTime ?? new TimeOnly(9, 0)), ct), "Envoi programmé."))
            jobs.Enqueue<SmsDispatchNowJob>();
        return Redirect($"/alertes/envois/{id}");
    }

    public async Task<IActionResult> OnPostReuseAsync(Guid id, DateOnly? sendDate, TimeOnly? sendTime, CancellationToken ct)
    {
        if (!CanWrite)
            return Forbid();
        Guid newId = default;
        if (await TryFlashAsync(async () => newId = await campaigns.ReuseAsync(id, sendDate?.ToDateTime(sendTime ?? new TimeOnly(9, 0)), ct),
                "Envoi réutilisé : les destinataires ont été recomptés."))
        {
            jobs.Enqueue<SmsDispatchNowJob>();
            return Redirect($"/alertes/envois/{newId}");
        }
        return Redirect($"/alertes/envois/{id}");
    }
}
