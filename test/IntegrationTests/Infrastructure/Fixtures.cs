using CentresConnectes.Platform.Contracts;
using CentresConnectes.TestSupport;

namespace CentresConnectes.IntegrationTests.Infrastructure;

/// <summary>
/// One running application (and so one freshly migrated database) shared by the tests of one
/// class on one provider: starting a factory migrates a new database, which is the slow part.
/// Tests sharing it create their own structures and accounts (unique names), never rely on
/// an empty database (except <see cref="FirstRunTests"/>, on a fresh install of its own).
/// </summary>
public abstract class AppFixture : IAsyncLifetime
{
    public AppFactory App { get; private set; } = null!;

    public abstract DatabaseProvider Provider { get; }

    protected abstract AppFactory Create();

    /// <summary>
    /// Whether the first-run setup is done before the tests (the sign-in page sends everyone to
    /// the setup page until it is). Only the first-run tests want a fresh install.
    /// </summary>
    protected virtual bool Installed => true;

    public async Task InitializeAsync()
    {
        App = Create();
        // Starts the host now: migrations and start-up failures show up here, not inside a test.
        _ = App.Server;
        if (Installed)
            await App.EnsureSuperAdminAsync();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class SqliteApp : AppFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    protected override AppFactory Create() => new(Provider);
}

public sealed class PostgreSqlApp : AppFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
    protected override AppFactory Create() => new(Provider);
}

/// <summary>A fresh install: no super-admin yet.</summary>
public sealed class SqliteFreshApp : AppFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    protected override bool Installed => false;
    protected override AppFactory Create() => new(Provider);
}

public sealed class PostgreSqlFreshApp : AppFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
    protected override bool Installed => false;
    protected override AppFactory Create() => new(Provider);
}

/// <summary>E-mails really sent over SMTP to the sink on loopback.</summary>
public sealed class SqliteMailApp : AppFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    protected override AppFactory Create() => new(Provider, useSmtpSink: true);
}

public sealed class PostgreSqlMailApp : AppFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
    protected override AppFactory Create() => new(Provider, useSmtpSink: true);
}

/// <summary>A scripted install: the super-admin comes from configuration at start-up.</summary>
public sealed class ScriptedSetupFactory(DatabaseProvider provider) : AppFactory(provider)
{
    public const string Email = "installateur@plateforme.test";
    public const string Name = "Installateur scripté";
    public const string ScriptedPassword = "Installation automatique sans surprise 7";

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Setup:SuperAdminEmail"] = Email,
        ["Setup:SuperAdminPassword"] = ScriptedPassword,
        ["Setup:SuperAdminName"] = Name,
    };
}

public sealed class SqliteScriptedSetupApp : AppFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    protected override bool Installed => false; // done by the app itself, from configuration
    protected override AppFactory Create() => new ScriptedSetupFactory(Provider);
}

public sealed class PostgreSqlScriptedSetupApp : AppFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
    protected override bool Installed => false; // done by the app itself, from configuration
    protected override AppFactory Create() => new ScriptedSetupFactory(Provider);
}
