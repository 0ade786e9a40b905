using System.Runtime.CompilerServices;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CentresConnectes.Platform.Tests;

/// <summary>
/// The production registration (<c>AddAppDbContext</c>: pooled factory + scoped lease attached to the
/// scope's tenant) over a shared in-memory SQLite database: a pooled context never carries a tenant,
/// or its rows, from one scope into the next.
/// </summary>
public sealed class PooledContextTests : IAsyncDisposable
{
    private const int Scopes = 1000;
    private static readonly Guid A = Guid.CreateVersion7();
    private static readonly Guid B = Guid.CreateVersion7();

    // Pooled contexts open their own connections: a named shared-cache in-memory database,
    // kept alive by this connection for the test's lifetime.
    private readonly SqliteConnection _keepAlive;
    private readonly ServiceProvider _services;

    public PooledContextTests()
    {
        var connectionString = $"Data Source=pool-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        _keepAlive = new SqliteConnection(connectionString);
        _keepAlive.Open();

        var services = new ServiceCollection();
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentTenant, CurrentTenant>();
        services.AddScoped<ISideBySideQueries, SideBySideQueries>();
        services.AddAppDbContext(new DatabaseSettings(DatabaseProvider.Sqlite, connectionString), SqliteDatabase.Modules);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        using var db = Factory.CreateDbContext();
        db.Database.EnsureCreated();
    }

    private IDbContextFactory<AppDbContext> Factory => _services.GetRequiredService<IDbContextFactory<AppDbContext>>();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _keepAlive.DisposeAsync();
    }

    /// <summary>One request-like unit of work: read, then write, then read again, in one structure.</summary>
    private static async Task<AppDbContext> WorkAsync(IServiceProvider scoped, Guid tenantId, int i)
    {
        var db = scoped.GetRequiredService<AppDbContext>();
        db.CurrentTenantId.ShouldBe(tenantId, $"scope {i}: leased context is attached to the scope's tenant");
        (await db.Set<TestNote>().Select(n => n.TenantId).Distinct().ToListAsync()).ShouldAllBe(t => t == tenantId);
        db.Add(new TestNote($"{tenantId}:{i}"));
        await db.SaveChangesAsync();
        (await db.Set<TestNote>().Where(n => n.TenantId != tenantId).CountAsync()).ShouldBe(0);
        (await db.Set<TestNote>().IgnoreQueryFilters([AppDbContext.TenantFilter]).Where(n => n.Text == $"{tenantId}:{i}").Select(n => n.TenantId).SingleAsync())
            .ShouldBe(tenantId);
        return db;
    }

    [Fact]
    public async Task A_thousand_scopes_alternating_structures_never_see_each_other()
    {
        var contexts = new HashSet<AppDbContext>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < Scopes; i++)
        {
            var tenantId = i % 2 == 0 ? A : B;
            // Both disposal paths return the lease to the pool: Dispose and DisposeAsync.
            if (i % 4 < 2)
            {
                await using var scope = _services.CreateAsyncScope();
                using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId))
                {
                    var db = await WorkAsync(scope.ServiceProvider, tenantId, i);
                    contexts.Add(db);
                    (await db.Set<TestNote>().CountAsync()).ShouldBe(i / 2 + 1);
                }
            }
            else
            {
                using var scope = _services.CreateScope();
                using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId))
                {
                    var db = await WorkAsync(scope.ServiceProvider, tenantId, i);
                    contexts.Add(db);
                    (await db.Set<TestNote>().CountAsync()).ShouldBe(i / 2 + 1);
                }
            }
        }

        // The pool really recycled instances, else this test proved nothing about pooling.
        contexts.Count.ShouldBeLessThan(10);

        // A context back from the pool has no tenant left: it sees nothing and cannot write.
        await using var fresh = Factory.CreateDbContext();
        contexts.ShouldContain(fresh);
        fresh.CurrentTenantId.ShouldBe(Guid.Empty);
        fresh.Tenant.ShouldBeNull();
        (await fresh.Set<TestNote>().CountAsync()).ShouldBe(0);
        fresh.Add(new TestNote("from the pool"));
        await Should.ThrowAsync<CrossTenantWriteException>(() => fresh.SaveChangesAsync());

        await using var all = Factory.CreateDbContext();
        (await all.Set<TestNote>().IgnoreQueryFilters([AppDbContext.TenantFilter]).CountAsync()).ShouldBe(Scopes);
    }

    [Fact]
    public async Task Concurrent_scopes_of_two_structures_never_see_each_other()
    {
        await Parallel.ForAsync(0, Scopes / 2, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
        {
            var tenantId = i % 2 == 0 ? A : B;
            await using var scope = _services.CreateAsyncScope();
            using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId))
                await WorkAsync(scope.ServiceProvider, tenantId, i);
        });

        await using var all = Factory.CreateDbContext();
        var perTenant = await all.Set<TestNote>().IgnoreQueryFilters([AppDbContext.TenantFilter])
            .GroupBy(n => n.TenantId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        perTenant.ToDictionary(x => x.Key, x => x.Count).ShouldBe(new Dictionary<Guid, int> { [A] = Scopes / 4, [B] = Scopes / 4 }, ignoreOrder: true);
    }

    [Fact]
    public async Task A_scope_without_a_structure_sees_nothing_after_a_structure_scope()
    {
        await using (var scope = _services.CreateAsyncScope())
        using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(A))
            await WorkAsync(scope.ServiceProvider, A, 0);

        // No HTTP user and no Change: host level, whatever the previous lease of this context did.
        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.CurrentTenantId.ShouldBe(Guid.Empty);
            (await db.Set<TestNote>().CountAsync()).ShouldBe(0);
        }
    }

    [Fact]
    public async Task Side_by_side_queries_work_in_the_callers_structure_only()
    {
        foreach (var (tenantId, notes) in new[] { (A, 3), (B, 5) })
        {
            await using var scope = _services.CreateAsyncScope();
            using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId))
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                db.AddRange(Enumerable.Range(0, notes).Select(i => new TestNote($"{tenantId}:{i}")));
                await db.SaveChangesAsync();
            }
        }

        await using (var caller = _services.CreateAsyncScope())
        using (caller.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(B))
        {
            var own = caller.ServiceProvider.GetRequiredService<AppDbContext>();
            var sideBySide = caller.ServiceProvider.GetRequiredService<ISideBySideQueries>();
            // Twenty at once, each in a scope of its own: each sees B's notes only, on a context that is not the caller's.
            var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => sideBySide.RunAsync(async sp =>
            {
                var db = sp.GetRequiredService<AppDbContext>();
                return (Context: db, Tenants: await db.Set<TestNote>().Select(n => n.TenantId).ToListAsync());
            })));
            answers.ShouldAllBe(a => a.Tenants.Count == 5 && a.Tenants.All(t => t == B));
            answers.ShouldAllBe(a => !ReferenceEquals(a.Context, own));
            // The caller's structure is untouched by the sibling scopes.
            caller.ServiceProvider.GetRequiredService<ICurrentTenant>().Id.ShouldBe(B);
        }

        // Without a structure there is nothing to run side by side in.
        await using var host = _services.CreateAsyncScope();
        await Should.ThrowAsync<BusinessException>(() =>
            host.ServiceProvider.GetRequiredService<ISideBySideQueries>().RunAsync(sp => sp.GetRequiredService<AppDbContext>().Set<TestNote>().CountAsync()));
    }
}
