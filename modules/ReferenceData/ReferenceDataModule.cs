using CentresConnectes.Platform.Contracts;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CentresConnectes.ReferenceData;

public sealed class ReferenceDataModule : IModule
{
    public string Name => "ReferenceData";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    public void ConfigureModel(ModelBuilder modelBuilder, DatabaseProvider provider)
    {
    }

    public void DefinePermissions(PermissionDefinitionContext context)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
