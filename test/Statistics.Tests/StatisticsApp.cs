using CentresConnectes.Platform.Contracts;
using CentresConnectes.TestSupport;

namespace CentresConnectes.Statistics.Tests;

/// <summary>The app over a fresh database per provider, with the hand-built dataset made once.</summary>
public class StatisticsApp(DatabaseProvider provider) : AppFactory(provider)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private HandBuiltDataset? dataset;

    public async Task<HandBuiltDataset> DatasetAsync()
    {
        await gate.WaitAsync();
        try
        {
            return dataset ??= await HandBuiltDataset.CreateAsync(this);
        }
        finally
        {
            gate.Release();
        }
    }
}

public sealed class PostgresStatisticsApp() : StatisticsApp(DatabaseProvider.PostgreSql);

public sealed class SqliteStatisticsApp() : StatisticsApp(DatabaseProvider.Sqlite);

[CollectionDefinition(Postgres)]
public sealed class PostgresCollection : ICollectionFixture<PostgresStatisticsApp>
{
    public const string Postgres = "Statistics on PostgreSQL";
}

[CollectionDefinition(Sqlite)]
public sealed class SqliteCollection : ICollectionFixture<SqliteStatisticsApp>
{
    public const string Sqlite = "Statistics on SQLite";
}
