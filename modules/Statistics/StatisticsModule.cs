using CentresConnectes.Platform.Contracts;
using CentresConnectes.Statistics.Api;
using CentresConnectes.Statistics.Application;
using CentresConnectes.Statistics.Contracts;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CentresConnectes.Statistics;

/// <summary>Statistics for the funders: read-only, no table of its own.</summary>
public sealed class StatisticsModule : IModule
{
    public string Name => "Statistics";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<StatisticsService>();
        services.AddScoped<StatisticsPdf>();
        services.AddScoped<StatisticsXlsx>();
    }

    public void ConfigureModel(ModelBuilder modelBuilder, DatabaseProvider provider)
    {
        // Read-only: the figures come from the other modules' query contracts.
    }

    public void DefinePermissions(PermissionDefinitionContext context) =>
        context.Add(StatisticsPermissions.Read, "Consulter les statistiques", "Statistiques", Roles.Admin, Roles.TravailleurSocial);

    public void ConfigureMenu(MenuBuilder menu) =>
        menu.Add(new MenuItem("Statistiques", "/statistiques", StatisticsPermissions.Read, 400, "bi-bar-chart",
            "Les chiffres pour les financeurs (CAF, ville, FEDER) : fréquentation, villes, statuts, âges."));

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => StatisticsApi.Map(endpoints);
}
