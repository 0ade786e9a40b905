using CentresConnectes.Members.Contracts;
using CentresConnectes.Members.Domain;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using Microsoft.EntityFrameworkCore;
using CentresConnectes.ReferenceData.Contracts;
using CentresConnectes.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CentresConnectes.Members.Tests;

/// <summary>The app over a fresh real database, with stand-ins for the modules that will refer to persons and families.</summary>
public class MembersFactory(DatabaseProvider provider) : AppFactory(provider, useSmtpSink: false, jobServer: true)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddScoped<IPersonReferenceCheck, TestPresenceCheck>();
            services.AddScoped<IHouseholdReferenceCheck, TestSubscriptionCheck>();
        });
    }

    public Task<IReadOnlyList<ReferenceItemDto>> ListAsync(Guid structureId, ReferenceListKind kind) =>
        InScopeAsync(structureId, sp => sp.GetRequiredService<IReferenceDataQuery>().ListAsync(kind));
}

public sealed class PostgresMembersFactory() : MembersFactory(DatabaseProvider.PostgreSql);

public sealed class SqliteMembersFactory() : MembersFactory(DatabaseProvider.Sqlite);

/// <summary>Plays the ludothèque: persons named "PRÉSENT" have presences and cannot be deleted.</summary>
public sealed class TestPresenceCheck(AppDbContext db) : IPersonReferenceCheck
{
    public const string Reason = "Cette personne a des présences enregistrées à la ludothèque : elle ne peut pas être supprimée (vous pouvez l'anonymiser).";

    public async Task<string?> WhyCannotDeleteAsync(Guid personId, CancellationToken ct = default) =>
        await db.Set<Person>().AnyAsync(p => p.Id == personId && p.LastName == "PRÉSENT", ct) ? Reason : null;
}

/// <summary>Plays the ludothèque: families named "ABONNÉE" have a subscription and cannot be deleted.</summary>
public sealed class TestSubscriptionCheck(AppDbContext db) : IHouseholdReferenceCheck
{
    public const string Reason = "Cette famille a un abonnement à la ludothèque : elle ne peut pas être supprimée.";

    public async Task<string?> WhyCannotDeleteAsync(Guid householdId, CancellationToken ct = default) =>
        await db.Set<Household>().AnyAsync(h => h.Id == householdId && h.Name == "ABONNÉE", ct) ? Reason : null;
}
