using CentresConnectes.Platform.Application;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.Platform.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;
using static CentresConnectes.TestSupport.IdentityAssertions;

namespace CentresConnectes.TestSupport;

/// <summary>
/// The whole application over a fresh, real database (PostgreSQL: a new database; SQLite: a new
/// file), with its own data folder. E-mails go to the SMTP sink on loopback when <paramref name="useSmtpSink"/>,
/// else to a pickup folder. Background job servers are off unless asked for.
/// Usable as an xunit class or collection fixture as is (a subclass with a parameterless constructor):
/// the host starts before the first test and the first-run setup is done (see <see cref="Installed"/>).
/// </summary>
public class AppFactory(DatabaseProvider provider, bool useSmtpSink = false, bool jobServer = false) : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Une phrase de passe solide 42";

    public DatabaseProvider Provider { get; } = provider;
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "cc-tests", Guid.NewGuid().ToString("N"));
    public string DatabaseName { get; } = "cc_test_" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>How often each password was checked by the application's (real) hasher.</summary>
    public PasswordHashSpy PasswordHashes { get; } = new();

    /// <summary>The application's clock (real time unless a test moves it).</summary>
    public TestClock Clock { get; } = new();

    public string ConnectionString => TestDatabases.ConnectionString(Provider, DatabaseName, DataDirectory);

    /// <summary>
    /// As a fixture: whether the first-run setup is done before the tests (the sign-in page sends
    /// everyone to the setup page until it is). Only tests of the first run want a fresh install.
    /// </summary>
    protected virtual bool Installed => true;

    /// <summary>As a fixture: starts the host now, so that migration and start-up failures show up here, not inside a test.</summary>
    async Task IAsyncLifetime.InitializeAsync()
    {
        _ = Services;
        if (Installed)
            await EnsureSuperAdminAsync();
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    /// <summary>
    /// Hangfire keeps its storage in a static (JobStorage.Current) that each host overwrites while it
    /// starts: two hosts starting at once in one test process could end up sharing one storage. Hosts
    /// therefore start one at a time; each captures its own storage at start-up and keeps it.
    /// </summary>
    private static readonly Lock StartLock = new();

    protected override IHost CreateHost(IHostBuilder builder)
    {
        lock (StartLock)
            return base.CreateHost(builder);
    }

    /// <summary>False: the production rate limits apply (RateLimitTests).</summary>
    protected virtual bool LiftRateLimits => true;

    /// <summary>Extra settings a test class needs (applied last).</summary>
    protected virtual IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(DataDirectory);
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = Provider.ToString(),
            ["Database:ConnectionString"] = ConnectionString,
            ["Storage:DataDirectory"] = DataDirectory,
            ["Jobs:Server"] = jobServer.ToString(),
            ["Email:Mode"] = useSmtpSink ? "Smtp" : "Pickup",
            ["App:PublicUrl"] = "http://localhost",
        };
        // The shared hosts serve hundreds of sign-ins a minute from one test process: the limits
        // are lifted there, and kept at their defaults by RateLimitTests' own host.
        if (LiftRateLimits)
        {
            foreach (var policy in new[] { "SignIn", "PasswordReset", "SetPassword", "Setup", "KioskSignIn", "ApiKeyFailures" })
                settings[$"RateLimits:{policy}PerMinute"] = "100000";
        }
        if (useSmtpSink)
        {
            settings["Email:Smtp:Host"] = TestEnvironment.SmtpHost;
            settings["Email:Smtp:Port"] = TestEnvironment.SmtpPort.ToString();
            settings["Email:Smtp:Security"] = "None";
        }
        foreach (var (key, value) in ExtraSettings)
            settings[key] = value;
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IStartupFilter, TestClientAddressStartupFilter>();
            services.AddSingleton(PasswordHashes);
            services.AddSingleton<TimeProvider>(Clock);
            services.AddScoped<IPasswordHasher<AppUser>, PasswordHashSpy.Hasher>();
        });
    }

    /// <summary>Runs code in a DI scope working inside a structure (null = host level).</summary>
    public async Task<T> InScopeAsync<T>(Guid? tenantId, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId))
            return await action(scope.ServiceProvider);
    }

    public Task InScopeAsync(Guid? tenantId, Func<IServiceProvider, Task> action) =>
        InScopeAsync<bool>(tenantId, async sp => { await action(sp); return true; });

    /// <summary>Completes the first-run setup (once) and returns the super-admin's e-mail.</summary>
    public async Task<string> EnsureSuperAdminAsync()
    {
        const string email = "super@plateforme.test";
        await InScopeAsync(null, async sp =>
        {
            var setup = sp.GetRequiredService<SetupService>();
            if (await setup.IsRequiredAsync())
                Check(await setup.CompleteAsync(email, "Super Admin", Password));
        });
        return email;
    }

    /// <summary>Creates a structure and its admin (with a password set), as the super-admin would.</summary>
    public async Task<TestStructure> CreateStructureAsync(string name)
    {
        var slug = Guid.NewGuid().ToString("N")[..8];
        var adminEmail = $"admin-{slug}@structure.test";
        var id = await InScopeAsync(null, async sp =>
            (await sp.GetRequiredService<StructureService>().CreateAsync(new CreateStructureCommand(name + " " + slug, null, null, adminEmail, "Admin " + name))).Id);
        await SetPasswordAsync(adminEmail);
        return new TestStructure(id, name + " " + slug, adminEmail);
    }

    /// <summary>A structure (see <see cref="CreateStructureAsync"/>) and its admin, signed in.</summary>
    public async Task<(TestStructure Structure, TestClient Admin)> StructureWithAdminAsync(string name)
    {
        var structure = await CreateStructureAsync(name);
        return (structure, await SignInAsync(structure.AdminEmail));
    }

    /// <summary>
    /// Creates a staff account with a password in a structure (a new address unless <paramref name="email"/>
    /// is given: one address may have an account in several structures).
    /// </summary>
    public async Task<string> CreateStaffAsync(Guid structureId, string role, string? email = null, string password = Password)
    {
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@structure.test";
        await InScopeAsync(structureId, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { DisplayName = role + " test", TenantId = structureId, CreatedAtUtc = DateTime.UtcNow };
            await users.NameAfterEmailAsync(user, email);
            Check(await users.CreateAsync(user, password));
            Check(await users.AddToRoleAsync(user, role));
        });
        return email;
    }

    public Task SetPasswordAsync(string email) => InScopeAsync(null, async sp =>
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.AccountsWithEmailAsync(email)).SingleOrDefault() ?? throw new InvalidOperationException("No single account " + email);
        if (!await users.HasPasswordAsync(user))
            Check(await users.AddPasswordAsync(user, Password));
    });

    public async Task<T> DbAsync<T>(Guid? tenantId, Func<AppDbContext, Task<T>> query) =>
        await InScopeAsync(tenantId, sp => query(sp.GetRequiredService<AppDbContext>()));

    /// <summary>
    /// A browser-like client: cookies kept, redirects not followed (tests look at them), the
    /// antiforgery header on unsafe API requests as the pages' htmx sends it.
    /// </summary>
    public TestClient CreateTestClient() => new(CreateDefaultClient(new Uri("http://localhost"), new AntiforgeryHeaderHandler(), new CookieContainerHandler()));

    /// <summary>The one-time link of the first-run setup, as the console prints it.</summary>
    public string SetupLink => "/installation?jeton=" + Services.GetRequiredService<SetupToken>().Value;

    public async Task<TestClient> SignInAsync(string email, string password = Password)
    {
        var client = CreateTestClient();
        await client.SignInAsync(email, password);
        return client;
    }

    private int _disposed;

    public override async ValueTask DisposeAsync()
    {
        // Once only: a fixture is disposed through IAsyncLifetime, then possibly through IDisposable too.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        await base.DisposeAsync();
        await TestDatabases.DropAsync(Provider, DatabaseName, DataDirectory);
        GC.SuppressFinalize(this);
    }
}

public sealed record TestStructure(Guid Id, string Name, string AdminEmail);

internal static class IdentityAssertions
{
    public static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("Identity operation failed: " + string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
