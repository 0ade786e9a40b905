using CentresConnectes.Ludotheque.Application;
using CentresConnectes.Members.Application;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.ReferenceData.Contracts;
using CentresConnectes.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Xunit;

namespace CentresConnectes.Ludotheque.Tests;

/// <summary>A clock the tests set: "the slot open now" depends on it.</summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Set(DateTime utc) => _now = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    public void Reset() => _now = DateTimeOffset.UtcNow;
}

/// <summary>The app over a fresh real database with a settable clock (real Members and ReferenceData).</summary>
public class LudothequeFactory(DatabaseProvider provider) : AppFactory(provider)
{
    public TestClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public Task<T> InAsync<T>(Guid structureId, Func<IServiceProvider, Task<T>> action) => InScopeAsync(structureId, action);

    /// <summary>A family of the register with its members (nom, prénom, birth date), as staff would enter it.</summary>
    public Task<(Guid HouseholdId, IReadOnlyList<Guid> PersonIds)> FamilyAsync(Guid structureId, string name, params (string First, DateOnly Born)[] members) =>
        InScopeAsync(structureId, async sp =>
        {
            var households = sp.GetRequiredService<HouseholdService>();
            var persons = sp.GetRequiredService<PersonService>();
            var householdId = await households.CreateAsync(new HouseholdInput { Name = name });
            var ids = new List<Guid>();
            foreach (var (first, born) in members)
                ids.Add(await persons.CreateAsync(new PersonInput { LastName = name, FirstName = first, DateOfBirth = born, HouseholdId = householdId }));
            return (householdId, (IReadOnlyList<Guid>)ids);
        });

    public Task<IReadOnlyList<ReferenceItemDto>> ListAsync(Guid structureId, ReferenceListKind kind) =>
        InScopeAsync(structureId, sp => sp.GetRequiredService<IReferenceDataQuery>().ListAsync(kind));

    public Task<SlotGenerationResult> GenerateAsync(Guid structureId, DateOnly from, DateOnly? to, params (string Start, string End)[] ranges) =>
        InScopeAsync(structureId, sp => sp.GetRequiredService<SlotService>().GenerateAsync(new SlotGenerationInput
        {
            From = from,
            To = to,
            Days = Enum.GetValues<DayOfWeek>().ToList(),
            Ranges = ranges.Select(r => new TimeRangeInput { Start = TimeOnly.Parse(r.Start), End = TimeOnly.Parse(r.End) }).ToList(),
        }));
}

public sealed class PostgresLudothequeFactory() : LudothequeFactory(DatabaseProvider.PostgreSql);

public sealed class SqliteLudothequeFactory() : LudothequeFactory(DatabaseProvider.Sqlite);

[CollectionDefinition(Postgres)]
public sealed class PostgresCollection : ICollectionFixture<PostgresLudothequeFactory>
{
    public const string Postgres = "Ludotheque on PostgreSQL";
}

[CollectionDefinition(Sqlite)]
public sealed class SqliteCollection : ICollectionFixture<SqliteLudothequeFactory>
{
    public const string Sqlite = "Ludotheque on SQLite";
}
