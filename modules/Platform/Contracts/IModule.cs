using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CentresConnectes.Platform.Contracts;

/// <summary>
/// A module of the monolith. The host lists its modules explicitly, in dependency order;
/// each one contributes services, its part of the single EF model, its permissions,
/// its menu entries and its API endpoints.
/// </summary>
public interface IModule
{
    string Name { get; }

    void AddServices(IServiceCollection services, IConfiguration configuration);

    void ConfigureModel(ModelBuilder modelBuilder, DatabaseProvider provider);

    void DefinePermissions(PermissionDefinitionContext context);

    void ConfigureMenu(MenuBuilder menu) { }

    /// <summary>Recurring jobs of the module (declared once in the job store at start-up).</summary>
    void ConfigureJobs(RecurringJobBuilder jobs) { }

    void MapEndpoints(IEndpointRouteBuilder endpoints);
}

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
