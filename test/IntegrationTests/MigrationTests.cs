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

/// <summary>Both migration sets apply to an empty database and match the runtime model.</summary>
public abstract class MigrationTests(AppFactory app) : AppTest(app)
{
    [Fact]
    public async Task Every_migration_applies_to_an_empty_database()
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
            (await db.Database.CanConnectAsync()).ShouldBeFalse("the database must not exist before the migrations run");

            var all = db.Database.GetMigrations().ToList();
            all.ShouldNotBeEmpty();
            all.ShouldContain(m => m.EndsWith("_Platform_Initial", StringComparison.Ordinal));

            await db.Database.MigrateAsync();

            (await db.Database.GetAppliedMigrationsAsync()).ShouldBe(all);
            (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
            db.Database.HasPendingModelChanges().ShouldBeFalse("the runtime model differs from the migrations' snapshot: add a migration (etc/scripts/add-migration.sh)");
            // The tables are really there and usable.
            (await db.Structures.CountAsync()).ShouldBe(0);
            (await db.Users.CountAsync()).ShouldBe(0);
            (await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"Plt_AuditEntries\"").SingleAsync()).ShouldBe(0);
        }
        finally
        {
            await TestDatabases.DropAsync(Provider, databaseName, folder);
        }
    }

    [Fact]
    public async Task The_running_app_is_migrated_on_the_configured_provider_with_no_pending_model_changes()
    {
        await App.DbAsync(null, async db =>
        {
            db.Provider.ShouldBe(Provider);
            db.Database.ProviderName.ShouldBe(Provider == DatabaseProvider.PostgreSql
                ? "Npgsql.EntityFrameworkCore.PostgreSQL"
                : "Microsoft.EntityFrameworkCore.Sqlite");
            db.Database.GetMigrations().ShouldNotBeEmpty();
            (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
            db.Database.HasPendingModelChanges().ShouldBeFalse();
            // The migrations come from the provider's own assembly.
            var assembly = db.GetService<IMigrationsAssembly>().Assembly.GetName().Name;
            assembly.ShouldBe(Provider == DatabaseProvider.PostgreSql ? DatabaseSettings.PostgreSqlMigrationsAssembly : DatabaseSettings.SqliteMigrationsAssembly);
            // Start-up created the roles.
            (await db.Roles.Select(r => r.Name).ToListAsync()).ShouldBe(
                [Roles.SuperAdmin, Roles.Admin, Roles.Animateur, Roles.TravailleurSocial, Roles.Famille], ignoreOrder: true);
            return true;
        });
    }
}

[Collection(Apps.Sqlite)]
public sealed class MigrationTestsOnSqlite(SqliteApp app) : MigrationTests(app);

[Collection(Apps.PostgreSql)]
public sealed class MigrationTestsOnPostgreSql(PostgreSqlApp app) : MigrationTests(app);
