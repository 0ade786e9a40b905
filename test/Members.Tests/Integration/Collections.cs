using Xunit;

namespace CentresConnectes.Members.Tests.Integration;

// One application per database engine, shared by the integration classes of that engine: each test
// works in structures it creates, so tests stay independent while the app boots only twice.
[CollectionDefinition(Postgres)]
public sealed class PostgresCollection : ICollectionFixture<PostgresMembersFactory>
{
    public const string Postgres = "Members on PostgreSQL";
}

[CollectionDefinition(Sqlite)]
public sealed class SqliteCollection : ICollectionFixture<SqliteMembersFactory>
{
    public const string Sqlite = "Members on SQLite";
}
