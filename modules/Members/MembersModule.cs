using CentresConnectes.Members.Api;
using CentresConnectes.Members.Application;
using CentresConnectes.Members.Application.Import;
using CentresConnectes.Members.Contracts;
using CentresConnectes.Members.Data;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.ReferenceData.Contracts;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CentresConnectes.Members;

/// <summary>The register of households and persons that the SMS part and the ludothèque share.</summary>
public sealed class MembersModule : IModule
{
    public string Name => "Members";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ReferenceLookupCache>();
        services.AddScoped<MemberPrivacy>();
        services.AddScoped<PersonService>();
        services.AddScoped<IMemberConsent>(sp => sp.GetRequiredService<PersonService>());
        services.AddScoped<HouseholdService>();
        services.AddScoped<RegisterQueryService>();
        services.AddScoped<ExportService>();
        services.AddScoped<RetentionService>();
        services.AddScoped<ImportService>();
        services.AddScoped<ImportJob>();
        services.AddScoped<ImportCleanupJob>();
        services.AddSingleton<ImportProgress>();
        services.AddScoped<IMemberDirectory, MemberDirectory>();
        services.AddScoped<IFamilyRegister, FamilyRegister>();
        services.AddScoped<IMembersStatisticsQuery, MembersStatisticsQuery>();
        services.AddScoped<IReferenceValueUsage, MembersReferenceUsage>();
        services.AddScoped<IStructureUsageContributor, MembersUsage>();
    }

    public void ConfigureModel(ModelBuilder modelBuilder, DatabaseProvider provider) => MembersModel.Configure(modelBuilder, provider);

    public void DefinePermissions(PermissionDefinitionContext context)
    {
        context.Add(MembersPermissions.Read, "Consulter les adhérents", "Adhérents", Roles.Admin, Roles.Animateur, Roles.TravailleurSocial);
        context.Add(MembersPermissions.Write, "Inscrire et modifier les adhérents", "Adhérents", Roles.Admin, Roles.Animateur, Roles.TravailleurSocial);
        context.Add(MembersPermissions.Delete, "Supprimer ou anonymiser un adhérent", "Adhérents", Roles.Admin, Roles.TravailleurSocial);
        context.Add(MembersPermissions.SocialData, "Voir les minima sociaux, le quotient familial et les groupes sensibles", "Adhérents", Roles.Admin, Roles.TravailleurSocial);
        context.Add(MembersPermissions.Notes, "Voir et écrire les notes de suivi", "Adhérents", Roles.Admin, Roles.TravailleurSocial);
        context.Add(MembersPermissions.Import, "Importer des adhérents", "Adhérents", Roles.Admin, Roles.TravailleurSocial);
        context.Add(MembersPermissions.Export, "Exporter les adhérents", "Adhérents", Roles.Admin, Roles.TravailleurSocial);
    }

    public void ConfigureMenu(MenuBuilder menu)
    {
        menu.Add(new MenuItem("Adhérents", "/adherents", MembersPermissions.Read, 100, "bi-person-vcard",
            "Les familles et les personnes inscrites", OtherUrls: ["/familles"],
            Abilities:
            [
                new(MembersPermissions.Read, "recherche"),
                new(MembersPermissions.Write, "inscription"),
                new(MembersPermissions.Import, "import"),
                new(MembersPermissions.Export, "export"),
            ]));
    }

    public void ConfigureJobs(RecurringJobBuilder jobs) => jobs.Add<ImportCleanupJob>("members-import-cleanup", "23 * * * *");

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => MembersApi.Map(endpoints);
}
