using CentresConnectes.Ludotheque.Api;
using CentresConnectes.Ludotheque.Application;
using CentresConnectes.Ludotheque.Contracts;
using CentresConnectes.Ludotheque.Data;
using CentresConnectes.Members.Contracts;
using CentresConnectes.Platform.Contracts;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CentresConnectes.Ludotheque;

/// <summary>The ludothèque: opening slots, presences from the kiosk and from staff, attendance lists.</summary>
public sealed class LudothequeModule : IModule
{
    public string Name => "Ludotheque";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<SlotService>();
        services.AddScoped<PresenceService>();
        services.AddScoped<AttendanceListService>();
        services.AddScoped<LudothequeXlsx>();
        services.AddScoped<AttendanceListPdf>();
        services.AddScoped<ILudothequeStatisticsQuery, LudothequeStatisticsQuery>();
        services.AddScoped<IPersonReferenceCheck, PresenceReferenceCheck>();
        services.AddScoped<IPersonContactSource, PresenceContactSource>();
        services.AddScoped<IHouseholdReferenceCheck, PresenceReferenceCheck>();
        // The kiosk half: family accounts, QR cards, check-in tickets and kiosk family sessions.
        services.AddScoped<FamilyAccountService>();
        services.AddScoped<FamilyCardService>();
        services.AddScoped<Application.Kiosk.KioskCheckInService>();
        services.AddScoped<Application.Kiosk.KioskRegistrationService>();
        services.AddSingleton<Application.Kiosk.CheckInTickets>();
        services.AddSingleton<Application.Kiosk.KioskFamilySession>();
        services.AddScoped<IHouseholdPageSection, FamilyAccountSection>();
    }

    public void ConfigureModel(ModelBuilder modelBuilder, DatabaseProvider provider) => LudothequeModel.Configure(modelBuilder, provider);

    public void DefinePermissions(PermissionDefinitionContext context)
    {
        context.Add(LudothequePermissions.Read, "Consulter la ludothèque", "Ludothèque", Roles.Admin, Roles.Animateur, Roles.TravailleurSocial);
        context.Add(LudothequePermissions.Slots, "Gérer les créneaux d'ouverture", "Ludothèque", Roles.Admin);
        context.Add(LudothequePermissions.Presences, "Saisir et corriger les présences", "Ludothèque", Roles.Admin, Roles.Animateur, Roles.TravailleurSocial);
        context.Add(LudothequePermissions.AttendanceLists, "Listes de présence", "Ludothèque", Roles.Admin, Roles.Animateur, Roles.TravailleurSocial);
        context.Add(LudothequePermissions.Kiosk, "Borne, comptes et cartes des familles", "Ludothèque", Roles.Admin);
        // A family's own account, signed in (at home, or staff acting as the family): its check-in page.
        context.Add(LudothequePermissions.FamilyCheckIn, "Cocher ses présences (compte famille)", "Ludothèque", Roles.Famille);
    }

    public void ConfigureMenu(MenuBuilder menu)
    {
        menu.Add(new MenuItem("Ludothèque", "/ludotheque", LudothequePermissions.Read, 200, "bi-puzzle",
            "Les créneaux d'ouverture, les présences du jour et les listes de présence."));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        LudothequeApi.Map(endpoints);
        KioskApi.Map(endpoints);
        KioskCheckInEndpoint.Map(endpoints);
    }
}
