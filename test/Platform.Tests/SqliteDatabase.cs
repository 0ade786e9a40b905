using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.Platform.Tests;

/// <summary>
/// A fresh SQLite in-memory database (one open connection keeps it alive) with the real model:
/// the host's modules plus <see cref="TestModule"/>, and the real save interceptor.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    // One instance for all tests: interceptors take part in EF's internal service provider cache key.
    private static readonly TenantSaveInterceptor Interceptor = new();

    public static IModule[] Modules { get; } = [.. AppModules.All(), new TestModule()];

    public SqliteDatabase()
    {
        Connection = new SqliteConnection("Data Source=:memory:");
        Connection.Open();
        var builder = new DbContextOptionsBuilder<AppDbContext>().UseSqlite(Connection);
        builder.UseModules(Modules, DatabaseProvider.Sqlite).AddInterceptors(Interceptor);
        Options = builder.Options;
        using var db = new AppDbContext(Options);
        db.Database.EnsureCreated();
    }

    public SqliteConnection Connection { get; }
    public DbContextOptions<AppDbContext> Options { get; }

    /// <summary>A context working in <paramref name="tenantId"/> (null = host level).</summary>
    public AppDbContext Context(Guid? tenantId) => Context(new TestTenant(tenantId));

    public AppDbContext Context(ICurrentTenant tenant)
    {
        var db = new AppDbContext(Options);
        db.AttachTenant(tenant);
        return db;
    }

    /// <summary>A context with no tenant attached at all (as a context fresh from the pool).</summary>
    public AppDbContext DetachedContext() => new(Options);

    /// <summary>Adds notes in a structure through the normal path (the interceptor stamps them).</summary>
    public List<TestNote> Seed(Guid tenantId, params string[] texts)
    {
        using var db = Context(tenantId);
        var notes = texts.Select(t => new TestNote(t)).ToList();
        db.AddRange(notes);
        db.SaveChanges();
        return notes;
    }

    /// <summary>Every row, whatever its structure: the test's view of the truth.</summary>
    public List<(Guid Id, Guid TenantId, string Text)> AllRows()
    {
        using var db = DetachedContext();
        return db.Set<TestNote>().IgnoreQueryFilters([AppDbContext.TenantFilter])
            .OrderBy(n => n.Text)
            .Select(n => new { n.Id, n.TenantId, n.Text })
            .AsEnumerable()
            .Select(n => (n.Id, n.TenantId, n.Text))
            .ToList();
    }

    public void Dispose() => Connection.Dispose();
}
