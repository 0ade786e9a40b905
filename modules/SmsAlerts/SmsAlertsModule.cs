using System.Net;
using CentresConnectes.Members.Contracts;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.SmsAlerts.Api;
using CentresConnectes.SmsAlerts.Application;
using CentresConnectes.SmsAlerts.Contracts;
using CentresConnectes.SmsAlerts.Data;
using CentresConnectes.SmsAlerts.Providers;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace CentresConnectes.SmsAlerts;

/// <summary>« Alertes » : reminders of administrative dates, campaigns, deliveries and their providers.</summary>
public sealed class SmsAlertsModule : IModule
{
    public string Name => "SmsAlerts";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IPersonContactSource, DeliveryContactSource>();
        services.AddScoped<SmsSettingsService>();
        services.AddScoped<HostSmsSettings>();
        services.AddScoped<QuotaService>();
        services.AddScoped<CampaignService>();
        services.AddScoped<ReminderService>();
        services.AddScoped<ReminderPlanner>();
        services.AddScoped<ReminderPlanning>();
        services.AddScoped<DeliveryDispatcher>();
        var poll = configuration.GetValue("SmsAlerts:PollSeconds", 0.0);
        services.AddSingleton(new SmsDispatchOptions
        {
            ClaimLease = TimeSpan.FromSeconds(configuration.GetValue("SmsAlerts:ClaimLeaseSeconds", 120.0)),
            PollInterval = poll > 0 ? TimeSpan.FromSeconds(poll) : null,
        });
        services.AddHostedService<DispatchPoller>();
        services.AddScoped<TenantDispatch>();
        services.AddScoped<WebhookService>();
        services.AddScoped<WebhookHandler>();
        services.AddScoped<ISmsStatistics, SmsStatisticsQuery>();
        services.AddScoped<SmsDispatchJob>();
        services.AddScoped<SmsDispatchNowJob>();
        services.AddScoped<ReminderPlanningJob>();
        services.AddScoped<ConsentHandlers>();
        services.AddScoped<IEventHandler<PersonConsentWithdrawn>>(sp => sp.GetRequiredService<ConsentHandlers>());
        services.AddScoped<IEventHandler<PersonAnonymised>>(sp => sp.GetRequiredService<ConsentHandlers>());
        services.AddScoped<IStructureUsageContributor, SmsUsage>();
        services.AddScoped<IPersonPageLinks, PersonLinks>();

        // Provider calls: a 503/429 or a refused connection is retried twice at once with back-off
        // (the provider did not take the message); a time-out is not (it may have), the row then says « inconnu ».
        var timeout = TimeSpan.FromSeconds(configuration.GetValue("SmsAlerts:ProviderTimeoutSeconds", 10));
        var firstDelay = TimeSpan.FromMilliseconds(configuration.GetValue("SmsAlerts:RetryDelayMilliseconds", 200));
        foreach (var name in new[] { nameof(OvhSmsProvider), nameof(BrevoSmsProvider) })
        {
            services.AddHttpClient(name)
                .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { MaxConnectionsPerServer = 32, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
                .AddResilienceHandler("sms-provider", pipeline =>
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = 2,
                        BackoffType = DelayBackoffType.Exponential,
                        Delay = firstDelay,
                        UseJitter = true,
                        ShouldHandle = args => ValueTask.FromResult(
                            args.Outcome.Result?.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests
                            || args.Outcome.Exception is HttpRequestException),
                    });
                    pipeline.AddTimeout(timeout);
                });
        }
        services.AddScoped<ISmsProvider>(sp => new OvhSmsProvider(sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(OvhSmsProvider))));
        services.AddScoped<ISmsProvider>(sp => new BrevoSmsProvider(sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(BrevoSmsProvider))));
    }

    public void ConfigureModel(ModelBuilder modelBuilder, DatabaseProvider provider) => SmsAlertsModel.Configure(modelBuilder, provider);

    public void DefinePermissions(PermissionDefinitionContext context)
    {
        context.Add(SmsAlertsPermissions.Read, "Consulter les rappels et les envois", "Alertes", Roles.Admin, Roles.Animateur, Roles.TravailleurSocial);
        context.Add(SmsAlertsPermissions.Reminders, "Créer et tester les rappels", "Alertes", Roles.Admin, Roles.TravailleurSocial);
        context.Add(SmsAlertsPermissions.Campaigns, "Programmer des envois", "Alertes", Roles.Admin, Roles.TravailleurSocial);
        context.Add(SmsAlertsPermissions.Settings, "Régler les heures d'envoi et l'expéditeur", "Alertes", Roles.Admin);
        context.AddHostOnly(SmsAlertsPermissions.Providers, "Fournisseurs SMS et quotas des structures", "Plateforme");
    }

    public void ConfigureMenu(MenuBuilder menu)
    {
        menu.Add(new MenuItem("Alertes", "/alertes", SmsAlertsPermissions.Read, 200, "bi-chat-dots",
            "Les échéances à venir, les envois de SMS et d'e-mails, leurs statuts."));
        menu.Add(new MenuItem("Fournisseurs SMS", "/admin/sms", SmsAlertsPermissions.Providers, 940, "bi-broadcast", "Fournisseur SMS et quota de chaque structure."));
    }

    public void ConfigureJobs(RecurringJobBuilder jobs)
    {
        jobs.Add<SmsDispatchJob>("sms-dispatch", "* * * * *");
        jobs.Add<ReminderPlanningJob>("sms-reminder-planning", "7 * * * *");
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        SmsAlertsApi.Map(endpoints);
        SmsWebhooks.Map(endpoints);
    }
}
