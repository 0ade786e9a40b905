using CentresConnectes.Platform.Api;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.SmsAlerts.Application;
using CentresConnectes.SmsAlerts.Contracts;
using CentresConnectes.SmsAlerts.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CentresConnectes.SmsAlerts.Api;

public sealed record ScheduleRequest(DateTime? SendAt);

public sealed record DoneRequest(string? By);

/// <summary>The Alertes API: the same application services as the pages.</summary>
internal static class SmsAlertsApi
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var reminders = endpoints.MapApiGroup("sms/reminders", "Alertes – rappels");
        reminders.MapGet("/person/{personId:guid}", (Guid personId, ReminderService s, CancellationToken ct) => s.ListForPersonAsync(personId, ct))
            .RequirePermission(SmsAlertsPermissions.Read);
        reminders.MapGet("/{id:guid}", (Guid id, ReminderService s, CancellationToken ct) => s.GetAsync(id, ct))
            .RequirePermission(SmsAlertsPermissions.Read);
        reminders.MapGet("/templates", () => ReminderTemplates.All).RequirePermission(SmsAlertsPermissions.Read);
        reminders.MapPost("/person/{personId:guid}/preview", (Guid personId, ReminderInput input, ReminderService s, CancellationToken ct) => s.PreviewAsync(personId, input, ct))
            .RequirePermission(SmsAlertsPermissions.Reminders);
        reminders.MapPost("/person/{personId:guid}", async (Guid personId, ReminderInput input, ReminderService s, CancellationToken ct) =>
            {
                var id = await s.CreateAsync(personId, input, ct);
                return Results.Created($"/api/sms/reminders/{id}", await s.GetAsync(id, ct));
            })
            .RequirePermission(SmsAlertsPermissions.Reminders);
        reminders.MapPost("/{id:guid}/test", (Guid id, ReminderService s, CancellationToken ct) => s.TestAsync(id, ct))
            .RequirePermission(SmsAlertsPermissions.Reminders)
            .WithSummary("« Tester le rappel » : sends the message to the person now.");
        reminders.MapPost("/{id:guid}/active/{active:bool}", async (Guid id, bool active, ReminderService s, CancellationToken ct) =>
            {
                await s.SetActiveAsync(id, active, ct);
                return Results.NoContent();
            })
            .RequirePermission(SmsAlertsPermissions.Reminders);

        var occurrences = endpoints.MapApiGroup("sms/occurrences", "Alertes – échéances");
        occurrences.MapGet("/", (DateOnly? from, DateOnly? to, int? page, ReminderService s, TimeProvider clock, CancellationToken ct) =>
            {
                var today = Platform.Infrastructure.ParisTime.Today(clock);
                return s.UpcomingAsync(from ?? today, to ?? today.AddDays(60), page ?? 1, ct);
            })
            .RequirePermission(SmsAlertsPermissions.Read);
        occurrences.MapPost("/{id:guid}/done", async (Guid id, ReminderService s, CancellationToken ct) =>
            {
                await s.MarkDoneAsync(id, null, ct);
                return Results.NoContent();
            })
            .RequirePermission(SmsAlertsPermissions.Reminders);

        var campaigns = endpoints.MapApiGroup("sms/campaigns", "Alertes – envois");
        campaigns.MapGet("/", (int? page, CampaignService s, CancellationToken ct) => s.ListAsync(page ?? 1, ct))
            .RequirePermission(SmsAlertsPermissions.Read);
        campaigns.MapGet("/{id:guid}", (Guid id, CampaignService s, CancellationToken ct) => s.GetAsync(id, ct))
            .RequirePermission(SmsAlertsPermissions.Read);
        campaigns.MapGet("/{id:guid}/deliveries", (Guid id, DeliveryStatus? status, int? page, CampaignService s, CancellationToken ct) =>
                s.DeliveriesAsync(id, status, page ?? 1, ct))
            .RequirePermission(SmsAlertsPermissions.Read);
        campaigns.MapPost("/preview", (CampaignInput input, CampaignService s, CancellationToken ct) => s.PreviewAsync(input, ct))
            .RequirePermission(SmsAlertsPermissions.Campaigns)
            .WithSummary("Who would receive it and why the others would not, its cost, when it would go.");
        campaigns.MapPost("/", async (CampaignInput input, CampaignService s, IJobScheduler jobs, CancellationToken ct) =>
            {
                var id = await s.CreateAsync(input, ct);
                if (!input.Draft)
                    jobs.Enqueue<SmsDispatchNowJob>();
                return Results.Created($"/api/sms/campaigns/{id}", await s.GetAsync(id, ct));
            })
            .RequirePermission(SmsAlertsPermissions.Campaigns);
        campaigns.MapPost("/{id:guid}/schedule", async (Guid id, ScheduleRequest body, CampaignService s, IJobScheduler jobs, CancellationToken ct) =>
            {
                await s.ScheduleAsync(id, body.SendAt, ct);
                jobs.Enqueue<SmsDispatchNowJob>();
                return Results.NoContent();
            })
            .RequirePermission(SmsAlertsPermissions.Campaigns);
        campaigns.MapPost("/{id:guid}/cancel", async (Guid id, CampaignService s, CancellationToken ct) =>
            {
                await s.CancelAsync(id, ct);
                return Results.NoContent();
            })
            .RequirePermission(SmsAlertsPermissions.Campaigns);
        campaigns.MapPost("/{id:guid}/resume", async (Guid id, CampaignService s, IJobScheduler jobs, CancellationToken ct) =>
            {
                await s.ResumeAsync(id, ct);
                jobs.Enqueue<SmsDispatchNowJob>();
                return Results.NoContent();
            })
            .RequirePermission(SmsAlertsPermissions.Campaigns)
            .WithSummary("« Reprendre » a campaign that paused itself after too many failures.");
        campaigns.MapPost("/{id:guid}/reuse", async (Guid id, ScheduleRequest body, CampaignService s, IJobScheduler jobs, CancellationToken ct) =>
            {
                var newId = await s.ReuseAsync(id, body.SendAt, ct);
                jobs.Enqueue<SmsDispatchNowJob>();
                return Results.Created($"/api/sms/campaigns/{newId}", await s.GetAsync(newId, ct));
            })
            .RequirePermission(SmsAlertsPermissions.Campaigns)
            .WithSummary("« Réutiliser » : the same message to the same groups and persons at a new date and time.");

        var stats = endpoints.MapApiGroup("sms/statistics", "Alertes – statistiques");
        stats.MapGet("/", (DateOnly? from, DateOnly? to, ISmsStatistics s, TimeProvider clock, CancellationToken ct) =>
            {
                var today = Platform.Infrastructure.ParisTime.Today(clock);
                return s.GetAsync(from ?? new DateOnly(today.Year, 1, 1), to ?? today, ct);
            })
            .RequirePermission(SmsAlertsPermissions.Read);

        var settings = endpoints.MapApiGroup("sms/settings", "Alertes – réglages");
        settings.MapGet("/", async (SmsSettingsService s, CancellationToken ct) =>
            {
                var v = await s.GetAsync(ct);
                return v with { WebhookToken = "" }; // the webhook secret is shown on the settings page only
            })
            .RequirePermission(SmsAlertsPermissions.Settings);
        settings.MapPut("/", async (StructureSmsSettingsInput input, SmsSettingsService s, CancellationToken ct) =>
            {
                await s.UpdateStructureAsync(input, ct);
                return Results.NoContent();
            })
            .RequirePermission(SmsAlertsPermissions.Settings);
    }
}
