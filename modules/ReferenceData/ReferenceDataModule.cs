using CentresConnectes.Platform.Contracts;
using CentresConnectes.ReferenceData.Api;
using CentresConnectes.ReferenceData.Application;
using CentresConnectes.ReferenceData.Contracts;
using CentresConnectes.ReferenceData.Data;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CentresConnectes.ReferenceData;

public sealed class ReferenceDataModule : IModule
{
    public string Name => "ReferenceData";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ReferenceListService>();
        services.AddScoped<AgeBracketService>();
        services.AddScoped<StructureSettingsService>();
        services.AddScoped<DefaultsService>();
        services.AddScoped<ReferenceDataProvisioning>();
        services.AddScoped<IReferenceDataQuery, ReferenceDataQuery>();
        services.AddScoped<IWelcomeMessageSource, WelcomeMessageSource>();
        services.AddScoped<IFirstStepsContributor, SettingsFirstSteps>();
        services.AddScoped<IReferenceValueCreator, ReferenceValueCreator>();
        services.AddScoped<IEventHandler<StructureCreated>, StructureCreatedHandler>();
        // Platform registers a name-only provider; ours adds the logo.
        services.Replace(ServiceDescriptor.Scoped<IStructureBrandingProvider, ReferenceDataBrandingProvider>());
        // Printed documents carry the structure's logo too.
        services.Replace(ServiceDescriptor.Scoped<IStructureLogoSource, ReferenceDataLogoSource>());
    }

    public void ConfigureModel(ModelBuilder modelBuilder, DatabaseProvider provider) => ReferenceDataModel.Configure(modelBuilder, provider);

    public void DefinePermissions(PermissionDefinitionContext context)
    {
        context.Add(ReferenceDataPermissions.Manage, "Gérer les paramètres", "Structure", Roles.Admin);
        context.Add(ReferenceDataPermissions.Read, "Consulter les listes de référence", "Structure", Roles.Admin, Roles.Animateur, Roles.TravailleurSocial);
        context.AddHostOnly(ReferenceDataPermissions.Defaults, "Listes par défaut des nouvelles structures", "Plateforme");
    }

    public void ConfigureMenu(MenuBuilder menu)
    {
        menu.Add(new MenuItem("Paramètres", "/parametres", ReferenceDataPermissions.Manage, 790, "bi-sliders",
            "Listes (sexe, villes, statuts, groupes…), tranches d'âge, message d'accueil, logo et coordonnées."));
        menu.Add(new MenuItem("Listes par défaut", "/admin/listes-par-defaut", ReferenceDataPermissions.Defaults, 905, "bi-list-check",
            "Les listes copiées dans chaque nouvelle structure."));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => ReferenceDataApi.Map(endpoints);
}
