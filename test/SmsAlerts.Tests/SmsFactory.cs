using CentresConnectes.Members.Application;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.ReferenceData.Contracts;
using CentresConnectes.SmsAlerts.Application;
using CentresConnectes.SmsAlerts.Domain;
using CentresConnectes.SmsAlerts.Providers;
using CentresConnectes.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CentresConnectes.SmsAlerts.Tests;

/// <summary>
/// The app over a fresh real database with the fake SMS provider on loopback and a clock standing on
/// a working Tuesday at 10:00 in Paris (campaigns inside quiet hours whatever the real time).
/// The dispatcher is driven by the tests (no job server): what it does is what a job run does.
/// </summary>
public class SmsFactory(DatabaseProvider provider) : AppFactory(provider, useSmtpSink: false, jobServer: false), IAsyncLifetime
{
    public FakeSmsProvider Fake { get; private set; } = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        Fake = await FakeSmsProvider.StartAsync();
        Clock.Set(TestClock.WorkingTuesdayUtc(DateTime.UtcNow, new TimeOnly(10, 0)));
        _ = Services;
        await EnsureSuperAdminAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Fake.DisposeAsync();
    }

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["SmsAlerts:ProviderTimeoutSeconds"] = "2",
        ["SmsAlerts:RetryDelayMilliseconds"] = "20",
        ["Jobs:Recurring"] = "false",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddScoped<IEventHandler<StructureCreated>, Integration.CommittedStructureProbe>();
        });
    }

    /// <summary>Puts the structure on the fake provider (OVHcloud or Brevo flavour).</summary>
    public Task UseFakeProviderAsync(Guid structureId, ProviderKind kind, int? quota = null) => InScopeAsync(structureId, sp =>
        sp.GetRequiredService<SmsSettingsService>().UpdateProviderAsync(new ProviderSettingsInput
        {
            Provider = kind,
            MonthlyQuota = quota,
            Credentials = kind == ProviderKind.Ovh
                ? new ProviderCredentials { BaseUrl = Fake.OvhBaseUrl, ApplicationKey = FakeSmsProvider.OvhApplicationKey, ApplicationSecret = FakeSmsProvider.OvhApplicationSecret,
                    ConsumerKey = FakeSmsProvider.OvhConsumerKey, ServiceName = FakeSmsProvider.OvhService }
                : new ProviderCredentials { BaseUrl = Fake.BaseUrl, ApiKey = FakeSmsProvider.BrevoApiKey },
        }));

    /// <summary>A person with consent to SMS (and e-mail when given), in the groups given.</summary>
    public Task<Guid> PersonAsync(Guid structureId, string last, string first, string? mobile, string? email = null, bool consentSms = true,
        bool consentEmail = false, params Guid[] groups) =>
        InScopeAsync(structureId, sp => sp.GetRequiredService<PersonService>().CreateAsync(new PersonInput
        {
            LastName = last, FirstName = first, DateOfBirth = new DateOnly(1985, 3, 12), Mobile = mobile, Email = email,
            ConsentSms = consentSms && mobile is not null, ConsentEmail = consentEmail && email is not null, GroupIds = [.. groups],
        }));

    public async Task<Guid> GroupAsync(Guid structureId, int index) =>
        (await InScopeAsync(structureId, sp => sp.GetRequiredService<IReferenceDataQuery>().ListAsync(ReferenceListKind.Groupe)))[index].Id;

    public async Task<Guid> CategoryAsync(Guid structureId) =>
        (await InScopeAsync(structureId, sp => sp.GetRequiredService<IReferenceDataQuery>().ListAsync(ReferenceListKind.Categorie)))[0].Id;

    /// <summary>One dispatcher run until nothing is due (host level, as the recurring job).</summary>
    public Task<int> DispatchAsync() => InScopeAsync(null, sp => sp.GetRequiredService<DeliveryDispatcher>().RunUntilIdleAsync(TimeSpan.FromSeconds(60)));

    // 06 10 … to 06 29 …: metropolitan mobiles only. The range used to reach 06 39 (Mayotte, stored as
    // +262 639…, issue 10), and a run whose random start fell there had every SMS test fail at once.
    private static int _phone = Random.Shared.Next(10_000_000, 29_000_000);

    /// <summary>A metropolitan mobile number no other test uses ("06 1x/2x xx xx xx").</summary>
    public static string NewMobile()
    {
        var n = Interlocked.Increment(ref _phone);
        return "06" + n.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string E164(string national) => "+33" + national[1..];
}

public sealed class PostgresSmsFactory() : SmsFactory(DatabaseProvider.PostgreSql);

public sealed class SqliteSmsFactory() : SmsFactory(DatabaseProvider.Sqlite);

[CollectionDefinition(Postgres)]
public sealed class PostgresCollection : ICollectionFixture<PostgresSmsFactory>
{
    public const string Postgres = "SmsAlerts on PostgreSQL";
}

[CollectionDefinition(Sqlite)]
public sealed class SqliteCollection : ICollectionFixture<SqliteSmsFactory>
{
    public const string Sqlite = "SmsAlerts on SQLite";
}
