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
using Xunit;

namespace CentresConnectes.Members.Tests;

/// <summary>The app over a fresh real database, with reference lists even before the ReferenceData module exists.</summary>
public class MembersFactory(DatabaseProvider provider) : AppFactory(provider, useSmtpSink: false, jobServer: true), IAsyncLifetime
{
    private static readonly SemaphoreSlim StartLock = new(1, 1);

    /// <summary>
    /// Hangfire keeps its storage in a static (JobStorage.Current) that each host overwrites while it
    /// starts: two hosts starting at the same time in one test process could end up sharing one
    /// storage (a PostgreSQL app's jobs run by the SQLite app). Hosts are therefore started one at a
    /// time; each one captures its own storage at start-up and keeps it.
    /// </summary>
    public async Task InitializeAsync()
    {
        await StartLock.WaitAsync();
        try
        {
            _ = Services;
            await NewStructureAsync("Démarrage");
        }
        finally
        {
            StartLock.Release();
        }
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            if (!services.Any(d => d.ServiceType == typeof(IReferenceDataQuery)))
                services.AddScoped<IReferenceDataQuery, TestReferenceData>();
            services.AddScoped<IPersonReferenceCheck, TestPresenceCheck>();
            services.AddScoped<IHouseholdReferenceCheck, TestSubscriptionCheck>();
        });
    }

    private readonly SemaphoreSlim _setup = new(1, 1);
    private bool _setupDone;

    /// <summary>A new structure (the first-run setup is completed once before).</summary>
    public async Task<TestStructure> NewStructureAsync(string name)
    {
        await _setup.WaitAsync();
        try
        {
            if (!_setupDone)
            {
                await EnsureSuperAdminAsync();
                _setupDone = true;
            }
        }
        finally
        {
            _setup.Release();
        }
        return await CreateStructureAsync(name);
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
