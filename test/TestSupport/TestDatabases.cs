using CentresConnectes.Platform.Contracts;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CentresConnectes.TestSupport;

/// <summary>Throw-away databases: a new PostgreSQL database on the test server, or a SQLite file in a scratch folder.</summary>
public static class TestDatabases
{
    /// <summary>The connection string of <paramref name="databaseName"/> (PostgreSQL) or of a file in <paramref name="folder"/> (SQLite).</summary>
    public static string ConnectionString(DatabaseProvider provider, string databaseName, string folder) => provider == DatabaseProvider.PostgreSql
        ? new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresConnectionString) { Database = databaseName }.ConnectionString
        : $"Data Source={Path.Combine(folder, "test.db")}";

    /// <summary>
    /// Drops the database (PostgreSQL, even with connections still open) and deletes the folder.
    /// Pools are cleared first: a pooled connection would keep the database (or the SQLite file) busy.
    /// </summary>
    public static async Task DropAsync(DatabaseProvider provider, string databaseName, string folder)
    {
        if (provider == DatabaseProvider.PostgreSql)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(TestEnvironment.PostgresConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
