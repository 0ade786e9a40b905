using CentresConnectes.Platform.Api;
using CentresConnectes.Platform.Application;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CentresConnectes.Platform;

public sealed class PlatformModule : IModule
{
    public string Name => "Platform";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<AccountService>();
        services.AddScoped<IFirstStepsContributor, AccountsFirstStep>();
        services.AddScoped<StructureService>();
        services.AddScoped<StaffService>();
        services.AddScoped<ImpersonationService>();
        services.AddScoped<SetupService>();
        services.AddScoped<PlannerStatisticsJob>();
        services.AddScoped<ApiKeyService>();
        services.AddScoped<AuditQueryService>();
        services.AddScoped<SentMailService>();
        services.AddScoped<AppUrls>();
        services.AddScoped<IStructureDirectory, StructureDirectory>();
        services.AddScoped<KioskDeviceService>();
        services.AddSingleton<Infrastructure.KioskDeviceCache>();
        services.AddScoped<Contracts.IKioskContext, Infrastructure.KioskContext>();
        services.AddScoped<Infrastructure.KioskDeviceGate>();
    }

    public void ConfigureModel(ModelBuilder modelBuilder, DatabaseProvider provider) => PlatformModel.Configure(modelBuilder);

    public void DefinePermissions(PermissionDefinitionContext context)
    {
        context.AddHostOnly(PlatformPermissions.Structures, "Gérer les structures", "Plateforme");
        context.AddHostOnly(PlatformPermissions.HostAuditLog, "Journal de toute la plateforme", "Plateforme");
        context.AddHostOnly(PlatformPermissions.Jobs, "Tâches de fond", "Plateforme");
        context.AddHostOnly(PlatformPermissions.SentMail, "Courriels envoyés", "Plateforme");
        context.Add(PlatformPermissions.Staff, "Gérer les comptes du personnel", "Structure", Roles.Admin);
        context.Add(PlatformPermissions.AuditLog, "Consulter le journal d'audit", "Structure", Roles.Admin);
        context.Add(PlatformPermissions.ImpersonateFamily, "Agir pour le compte d'une famille", "Structure", Roles.Admin);
    }

    public void ConfigureMenu(MenuBuilder menu)
    {
        menu.Add(new MenuItem("Structures", "/admin/structures", PlatformPermissions.Structures, 900, "bi-buildings", "Créer, renommer, suspendre les structures et y entrer."));
        menu.Add(new MenuItem("Courriels envoyés", "/admin/courriels", PlatformPermissions.SentMail, 910, "bi-envelope", "Les derniers courriels écrits par l'application."));
        menu.Add(new MenuItem("Journal", "/admin/journal", PlatformPermissions.HostAuditLog, 920, "bi-journal-text", "Qui a fait quoi, dans quelle structure."));
        menu.Add(new MenuItem("Tâches de fond", "/hangfire", PlatformPermissions.Jobs, 930, "bi-gear", "Envois programmés et traitements en arrière-plan."));
        menu.Add(new MenuItem("Comptes du personnel", "/structure/comptes", PlatformPermissions.Staff, 800, "bi-people", "Créer les comptes des animateurs et travailleurs sociaux."));
        menu.Add(new MenuItem("Journal d'audit", "/structure/journal", PlatformPermissions.AuditLog, 810, "bi-journal-text", "Les actions faites dans la structure."));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => PlatformApi.Map(endpoints);

    /// <summary>At night (UTC 02:10: 03:10 or 04:10 in Paris), when nobody ticks presences.</summary>
    public void ConfigureJobs(RecurringJobBuilder jobs) => jobs.Add<PlannerStatisticsJob>("platform-planner-statistics", "10 2 * * *");
}
