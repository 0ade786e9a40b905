using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CentresConnectes.Platform.Infrastructure;

/// <summary><c>Database:Provider</c> = Sqlite (default, a file under the data directory) or PostgreSql.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string SqliteMigrationsAssembly = "CentresConnectes.Migrations.Sqlite";
    public const string PostgreSqlMigrationsAssembly = "CentresConnectes.Migrations.PostgreSql";

    public static DatabaseSettings From(IConfiguration configuration, DataDirectory dataDirectory)
    {
        var providerName = configuration["Database:Provider"] ?? "Sqlite";
        if (!Enum.TryParse<DatabaseProvider>(providerName, ignoreCase: true, out var provider))
            throw new InvalidOperationException($"Database:Provider must be Sqlite or PostgreSql, not '{providerName}'.");
        var connectionString = configuration["Database:ConnectionString"];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.PostgreSql)
                throw new InvalidOperationException("Database:ConnectionString is required with PostgreSql.");
            connectionString = $"Data Source={dataDirectory.Resolve("centres-connectes.db")}";
        }
        return new DatabaseSettings(provider, connectionString);
    }

    public void Configure(DbContextOptionsBuilder options, IReadOnlyList<IModule> modules)
    {
        if (Provider == DatabaseProvider.PostgreSql)
            options.UseNpgsql(WithStatementReuse(ConnectionString), o => o.MigrationsAssembly(PostgreSqlMigrationsAssembly));
        else
            options.UseSqlite(ConnectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly));
        options.UseModules(modules, Provider);
        options.AddInterceptors(new TenantSaveInterceptor());
    }

    /// <summary>
    /// The application's PostgreSQL connections keep their prepared statements from one request to the
    /// next (ADR 0023): a statement run 5 times is prepared (<c>Max Auto Prepare</c>) and a connection
    /// going back to the pool is not reset with <c>DISCARD ALL</c>, which would drop them
    /// (<c>No Reset On Close</c>; the application keeps no session state: no <c>SET</c>, temporary table
    /// or advisory lock, and an open transaction is still rolled back). On the kiosk's check-in this
    /// took a third off PostgreSQL's processor, parsing and planning the same small queries again being
    /// most of their cost. What the operator sets in the connection string wins.
    /// </summary>
    public static string WithStatementReuse(string connectionString)
    {
        // The keys as written (a plain builder: Npgsql's knows every keyword, set or not).
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
            builder.MaxAutoPrepare = 64;
        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
            builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }

    /// <summary>Makes sure the SQLite file's folder exists (a fresh clone has no data/ folder).</summary>
    public void EnsureSqliteFolder()
    {
        if (Provider != DatabaseProvider.Sqlite)
            return;
        var path = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        if (!string.IsNullOrEmpty(path) && path != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
            Directory.CreateDirectory(folder);
    }
}

internal static class DbContextRegistration
{
    /// <summary>
    /// Pooled contexts (cheap per request); the scoped <see cref="AppDbContext"/> is a lease attached
    /// to the scope's tenant, and detached when the scope returns it to the pool.
    /// </summary>
    public static IServiceCollection AddAppDbContext(this IServiceCollection services, DatabaseSettings settings, IReadOnlyList<IModule> modules)
    {
        services.AddPooledDbContextFactory<AppDbContext>(o => settings.Configure(o, modules));
        services.AddScoped(sp =>
        {
            var context = sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
            context.AttachTenant(sp.GetRequiredService<ICurrentTenant>());
            return context;
        });
        return services;
    }
}
