using CentresConnectes.IntegrationTests.Infrastructure;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.Platform.Infrastructure;
using CentresConnectes.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace CentresConnectes.IntegrationTests;

/// <summary>
/// Issue 11: the « RSA » group of structures created before groups could be sensitive becomes sensitive
/// when the database is migrated (the data step of ReferenceData_SensitiveGroups), the others stay as they were.
/// </summary>
public abstract class SensitiveGroupsMigrationTests(AppFactory app) : AppTest(app)
{
    [Fact]
    public async Task Existing_structures_rsa_group_becomes_sensitive()
    {
        var modules = App.Services.GetRequiredService<IReadOnlyList<IModule>>();
        var databaseName = "cc_migr_" + Guid.NewGuid().ToString("N")[..12];
        var folder = Path.Combine(Path.GetTempPath(), "cc-tests", databaseName);
        Directory.CreateDirectory(folder);
        var settings = new DatabaseSettings(Provider, TestDatabases.ConnectionString(Provider, databaseName, folder));
        var options = new DbContextOptionsBuilder<AppDbContext>();
        settings.Configure(options, modules);
        try
        {
            await using var db = new AppDbContext(options.Options);
            var migrations = db.Database.GetMigrations().ToList();
            var sensitive = migrations.Single(m => m.EndsWith("_ReferenceData_SensitiveGroups", StringComparison.Ordinal));
            var before = migrations[migrations.IndexOf(sensitive) - 1];
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(before);

            // A structure's groups as the earlier version copied them (no IsSensitive column yet).
            var tenant = Guid.CreateVersion7();
            foreach (var (label, code, order) in new[] { ("Jeunesse", "jeunesse", 2), ("RSA", "rsa", 3), ("Aide aux devoirs", "aide-devoirs", 5) })
            {
                object Id(Guid g) => Provider == DatabaseProvider.Sqlite ? g.ToString().ToUpperInvariant() : g;
                await db.Database.ExecuteSqlRawAsync(
                    "INSERT INTO \"Ref_ReferenceItems\" (\"Id\", \"TenantId\", \"Kind\", \"Label\", \"NormalizedLabel\", \"Code\", \"SortOrder\", \"IsActive\") " +
                    "VALUES ({0}, {1}, 6, {2}, {3}, {4}, {5}, {6})",
                    Id(Guid.CreateVersion7()), Id(tenant), label, label.ToLowerInvariant(), code, order, true);
            }
            // A « RSA » of the minima list is not a group: untouched.
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"Ref_ReferenceItems\" (\"Id\", \"TenantId\", \"Kind\", \"Label\", \"NormalizedLabel\", \"Code\", \"SortOrder\", \"IsActive\") " +
                "VALUES ({0}, {1}, 4, 'RSA', 'rsa', 'rsa', 2, {2})",
                Provider == DatabaseProvider.Sqlite ? Guid.CreateVersion7().ToString().ToUpperInvariant() : Guid.CreateVersion7(),
                Provider == DatabaseProvider.Sqlite ? tenant.ToString().ToUpperInvariant() : tenant, true);

            await migrator.MigrateAsync();

            var rows = await db.Database.SqlQueryRaw<SensitiveRow>(
                "SELECT \"Kind\", \"Label\", \"IsSensitive\" FROM \"Ref_ReferenceItems\" ORDER BY \"Kind\", \"SortOrder\"").ToListAsync();
            rows.Select(r => $"{r.Kind} {r.Label} {r.IsSensitive}").ShouldBe(
                ["4 RSA False", "6 Jeunesse False", "6 RSA True", "6 Aide aux devoirs False"]);
        }
        finally
        {
            await TestDatabases.DropAsync(Provider, databaseName, folder);
        }
    }

    public sealed class SensitiveRow
    {
        public int Kind { get; set; }
        public string Label { get; set; } = "";
        public bool IsSensitive { get; set; }
    }
}

[Collection(Apps.Sqlite)]
public sealed class SensitiveGroupsMigrationTestsOnSqlite(SqliteApp app) : SensitiveGroupsMigrationTests(app);

[Collection(Apps.PostgreSql)]
public sealed class SensitiveGroupsMigrationTestsOnPostgreSql(PostgreSqlApp app) : SensitiveGroupsMigrationTests(app);
