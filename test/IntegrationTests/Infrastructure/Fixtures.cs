using CentresConnectes.Platform.Contracts;
using CentresConnectes.TestSupport;

namespace CentresConnectes.IntegrationTests.Infrastructure;

// One running application (and so one freshly migrated database) per kind of app and provider,
// shared by every test class that uses it through an xunit collection: starting a factory migrates
// a new database, which is the slow part. The classes of one collection run one after the other
// (collections run in parallel with each other), so a test that counts rows before and after sees
// no other test's writes. Tests sharing an app create their own structures and accounts (unique
// names) and never rely on an empty database; the first-run and scripted-setup tests, which need
// a fresh install, keep an app of their own (class fixtures).

/// <summary>The names of the collections sharing one app.</summary>
public static class Apps
{
    public const string Sqlite = "App on SQLite";
    public const string PostgreSql = "App on PostgreSQL";
    public const string SqliteMail = "App sending mail on SQLite";
    public const string PostgreSqlMail = "App sending mail on PostgreSQL";
}

public sealed class SqliteApp() : AppFactory(DatabaseProvider.Sqlite);

public sealed class PostgreSqlApp() : AppFactory(DatabaseProvider.PostgreSql);

/// <summary>E-mails really sent over SMTP to the sink on loopback.</summary>
public sealed class SqliteMailApp() : AppFactory(DatabaseProvider.Sqlite, useSmtpSink: true);

public sealed class PostgreSqlMailApp() : AppFactory(DatabaseProvider.PostgreSql, useSmtpSink: true);

[CollectionDefinition(Apps.Sqlite)]
public sealed class SqliteCollection : ICollectionFixture<SqliteApp>;

[CollectionDefinition(Apps.PostgreSql)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlApp>;

[CollectionDefinition(Apps.SqliteMail)]
public sealed class SqliteMailCollection : ICollectionFixture<SqliteMailApp>;

[CollectionDefinition(Apps.PostgreSqlMail)]
public sealed class PostgreSqlMailCollection : ICollectionFixture<PostgreSqlMailApp>;

/// <summary>A fresh install: no super-admin yet, no App:PublicUrl (the setup records the confirmed one).</summary>
public abstract class FreshApp(DatabaseProvider provider) : AppFactory(provider)
{
    protected override bool Installed => false;

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["App:PublicUrl"] = "" };
}

public sealed class SqliteFreshApp() : FreshApp(DatabaseProvider.Sqlite);

public sealed class PostgreSqlFreshApp() : FreshApp(DatabaseProvider.PostgreSql);

/// <summary>A scripted install: the super-admin comes from configuration at start-up.</summary>
public abstract class ScriptedSetupFactory(DatabaseProvider provider) : AppFactory(provider)
{
    public const string Email = "installateur@plateforme.test";
    public const string Name = "Installateur scripté";
    public const string ScriptedPassword = "Installation automatique sans surprise 7";

    protected override bool Installed => false; // done by the app itself, from configuration

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Setup:SuperAdminEmail"] = Email,
        ["Setup:SuperAdminPassword"] = ScriptedPassword,
        ["Setup:SuperAdminName"] = Name,
    };
}

public sealed class SqliteScriptedSetupApp() : ScriptedSetupFactory(DatabaseProvider.Sqlite);

public sealed class PostgreSqlScriptedSetupApp() : ScriptedSetupFactory(DatabaseProvider.PostgreSql);
