using CentresConnectes.Platform.Application;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Domain;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CentresConnectes.Benchmarks;

/// <summary>
/// The application's services over a fresh database. Most benchmarks call the services pages and API
/// call; <see cref="ServeAsync"/> also serves the application over loopback HTTP (Kestrel), for a
/// benchmark that measures what a browser waits for.
/// </summary>
internal sealed class BenchApp : IAsyncDisposable
{
    private readonly string _dataDirectory;
    private readonly string? _postgresDatabase;

    private BenchApp(WebApplication app, string dataDirectory, string? postgresDatabase)
    {
        App = app;
        _dataDirectory = dataDirectory;
        _postgresDatabase = postgresDatabase;
    }

    public WebApplication App { get; }

    /// <summary>The kept PostgreSQL database this run works on again (CC_BENCH_REUSE), if any.</summary>
    public static string? Reused => Environment.GetEnvironmentVariable("CC_BENCH_REUSE") is { Length: > 0 } name ? name : null;

    private bool _served;

    public static async Task<BenchApp> StartAsync(DatabaseProvider provider, TimeProvider? clock = null)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "cc-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        string connectionString;
        string? database = null;
        if (provider == DatabaseProvider.PostgreSql)
        {
            var server = Environment.GetEnvironmentVariable("CC_TEST_POSTGRES")
                ?? throw new InvalidOperationException("CC_TEST_POSTGRES is not set: run etc/scripts/bench.sh, which starts PostgreSQL.");
            // CC_BENCH_REUSE names a database kept by an earlier run (CC_BENCH_KEEP): a scenario that
            // supports it skips its seeding, to time a change again in minutes instead of a quarter of an hour.
            database = Reused ?? "cc_bench_" + Guid.NewGuid().ToString("N")[..12];
            connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        }
        else
        {
            connectionString = $"Data Source={Path.Combine(dataDirectory, "bench.db")}";
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production",
            ContentRootPath = dataDirectory,
            // The host's name, as the test factories use: its static assets manifest and its pages are found by it.
            ApplicationName = "CentresConnectes.Web",
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["Database:ConnectionString"] = connectionString,
            ["Storage:DataDirectory"] = dataDirectory,
            ["Jobs:Server"] = "false",
            ["Email:Mode"] = "Pickup",
            // The benchmark times the import itself, inline (the job only adds queue latency).
            ["Members:Import:InlineMaxRows"] = "1000000",
            ["Jobs:Recurring"] = "false",
            // A scripted install: served pages ask for the first-run setup until a super-admin exists.
            ["Setup:SuperAdminEmail"] = "super-admin@bench.test",
            ["Setup:SuperAdminPassword"] = "Banc-d-essai-2026-super-admin",
            // Every simulated tablet comes from 127.0.0.1: per-address limits would refuse the load
            // itself (a centre with many kiosks behind one address raises them the same way).
            ["RateLimits:SignInPerMinute"] = "100000",
            ["RateLimits:KioskSignInPerMinute"] = "100000",
        });
        builder.AddCentresConnectes(AppModules.All());
        if (clock is not null)
            builder.Services.AddSingleton(clock);
        var app = builder.Build();
        await app.InitializeAsync();
        return new BenchApp(app, dataDirectory, database);
    }

    public async Task<Guid> CreateStructureAsync(string name) => (await CreateStructureWithAdminAsync(name)).Id;

    /// <summary>A structure and its administrator, who can sign in with <paramref name="adminPassword"/> when one is given.</summary>
    public async Task<(Guid Id, string AdminEmail)> CreateStructureWithAdminAsync(string name, string? adminPassword = null)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var email = $"admin-{Guid.NewGuid():N}@bench.test";
        var result = await scope.ServiceProvider.GetRequiredService<StructureService>()
            .CreateAsync(new CreateStructureCommand(name + " " + Guid.NewGuid().ToString("N")[..6], null, null, email, "Admin"));
        if (adminPassword is not null)
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var admin = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException("the structure's admin was not created");
            var added = await users.AddPasswordAsync(admin, adminPassword);
            if (!added.Succeeded)
                throw new InvalidOperationException(string.Join(" ", added.Errors.Select(e => e.Description)));
        }
        return (result.Id, email);
    }

    /// <summary>
    /// Serves the whole application (the host's pipeline) on a free loopback port, plus what
    /// <paramref name="map"/> adds (a benchmark's baseline endpoint); returns the address.
    /// </summary>
    public async Task<Uri> ServeAsync(Action<WebApplication>? map = null)
    {
        App.UseCentresConnectes();
        map?.Invoke(App);
        App.Urls.Add("http://127.0.0.1:0");
        await App.StartAsync();
        _served = true;
        var address = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address);
    }

    public async Task<T> InStructureAsync<T>(Guid structureId, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = App.Services.CreateAsyncScope();
        using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(structureId))
            return await action(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        // A served host is stopped first: disposed running, its background services report their
        // cancellation as a failure.
        if (_served)
            await App.StopAsync();
        await App.DisposeAsync();
        var keep = Environment.GetEnvironmentVariable("CC_BENCH_KEEP") is not null || Reused is not null;
        if (_postgresDatabase is not null && keep)
        {
            // Kept for a look at the plans (psql, EXPLAIN ANALYZE); dropped by hand.
            Console.WriteLine($"  kept PostgreSQL database {_postgresDatabase}");
        }
        else if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("CC_TEST_POSTGRES"));
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
        if (!keep)
        {
            try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
        }
        else
        {
            Console.WriteLine($"  kept {_dataDirectory}");
        }
    }
}
