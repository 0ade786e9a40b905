using CentresConnectes.Platform.Application;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CentresConnectes.Benchmarks;

/// <summary>The application's services over a fresh database (no HTTP server: the benchmarks call the services pages and API call).</summary>
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
            database = "cc_bench_" + Guid.NewGuid().ToString("N")[..12];
            connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        }
        else
        {
            connectionString = $"Data Source={Path.Combine(dataDirectory, "bench.db")}";
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = dataDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["Database:ConnectionString"] = connectionString,
            ["Storage:DataDirectory"] = dataDirectory,
            ["Jobs:Server"] = "false",
            ["Email:Mode"] = "Pickup",
            // The benchmark times the import itself, inline (the job only adds queue latency).
            ["Members:Import:InlineMaxRows"] = "1000000",
        });
        builder.AddCentresConnectes(AppModules.All());
        if (clock is not null)
            builder.Services.AddSingleton(clock);
        var app = builder.Build();
        await app.InitializeAsync();
        return new BenchApp(app, dataDirectory, database);
    }

    public async Task<Guid> CreateStructureAsync(string name)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<StructureService>()
            .CreateAsync(new CreateStructureCommand(name + " " + Guid.NewGuid().ToString("N")[..6], null, null, $"admin-{Guid.NewGuid():N}@bench.test", "Admin"));
        return result.Id;
    }

    public async Task<T> InStructureAsync<T>(Guid structureId, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = App.Services.CreateAsyncScope();
        using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(structureId))
            return await action(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        if (_postgresDatabase is not null)
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
        if (Environment.GetEnvironmentVariable("CC_BENCH_KEEP") is null)
        {
            try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
        }
        else
        {
            Console.WriteLine($"  kept {_dataDirectory}");
        }
    }
}
