using CentresConnectes.Platform.Contracts;
using CentresConnectes.SmsAlerts.Domain;
using CentresConnectes.TestSupport;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace CentresConnectes.SmsAlerts.Tests.Integration;

/// <summary>
/// The real application as child processes sending a campaign to the fake provider over HTTP: killed
/// with SIGKILL mid-send and restarted, or two instances on one database. The fake provider counts
/// what it received, per number.
/// </summary>
public abstract class ProcessTests(SmsFactory factory)
{
    /// <summary>At most one hand-over chunk (TenantDispatch: 2 × 16 rows) is in the provider's hands at a kill.</summary>
    private const int ChunkSize = 32;

    private async Task<(TestStructure Structure, Guid Campaign, List<string> Numbers)> CampaignDueNowAsync(string name, int persons)
    {
        var (structure, _) = await factory.StructureWithAdminAsync(name);
        await factory.UseFakeProviderAsync(structure.Id, ProviderKind.Brevo);
        var g = await factory.GroupAsync(structure.Id, 3);
        var numbers = new List<string>();
        for (var i = 0; i < persons; i++)
        {
            var m = SmsFactory.NewMobile();
            numbers.Add(SmsFactory.E164(m));
            await factory.PersonAsync(structure.Id, $"{name.ToUpperInvariant()}{i:D4}", "Test", m, groups: [g]);
        }
        var id = await factory.CampaignAsync(structure.Id, SmsTestHelpers.Campaign(name, g));
        // The child processes live on the real clock: the campaign is due now, whatever the hour
        // (quiet hours opened wide for this structure), and its rows expire tomorrow.
        var now = DateTime.UtcNow;
        await factory.DbAsync(structure.Id, async db =>
        {
            await db.Set<SmsSettings>().ExecuteUpdateAsync(s => s.SetProperty(x => x.QuietEnd, TimeOnly.MinValue)
                .SetProperty(x => x.QuietStart, TimeOnly.MaxValue).SetProperty(x => x.AllowedDays, "1,2,3,4,5,6,7").SetProperty(x => x.HolidaysAllowed, true));
            return await db.Set<Delivery>().Where(d => d.CampaignId == id).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.NotBeforeUtc, now.AddMinutes(-1)).SetProperty(d => d.DueUtc, now.AddMinutes(-1)).SetProperty(d => d.ExpiresAtUtc, now.AddDays(1)));
        });
        return (structure, id, numbers);
    }

    /// <summary>The settings of a child instance: this test database, the dispatcher polling fast, a short lease (so a restart resumes within seconds).</summary>
    private Dictionary<string, string?> ChildSettings(int leaseSeconds = 3) => new()
    {
        ["Database:Provider"] = factory.Provider.ToString(),
        ["Database:ConnectionString"] = factory.ConnectionString,
        ["Storage:DataDirectory"] = Path.Combine(factory.DataDirectory, "child-" + Guid.NewGuid().ToString("N")[..6]),
        ["Email:Mode"] = "Pickup",
        ["App:PublicUrl"] = "http://localhost",
        ["Jobs:Server"] = "false",
        ["Jobs:Recurring"] = "false",
        ["SmsAlerts:PollSeconds"] = "0.3",
        ["SmsAlerts:ClaimLeaseSeconds"] = leaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["SmsAlerts:ProviderTimeoutSeconds"] = "5",
    };

    private Task<List<Delivery>> RowsAsync(Guid structureId, Guid campaign) =>
        factory.DeliveriesAsync(structureId, q => q.Where(d => d.CampaignId == campaign));

    private async Task WaitAsync(Func<Task<bool>> done, TimeSpan timeout, Func<string> what)
    {
        var until = DateTime.UtcNow + timeout;
        while (!await done())
        {
            if (DateTime.UtcNow > until)
                throw new TimeoutException(what());
            await Task.Delay(100);
        }
    }

    private int ReceivedFrom(IReadOnlyCollection<string> numbers) => factory.Fake.Received.Count(r => numbers.Contains(r.To));

    [Fact]
    public async Task Killed_mid_send_and_restarted_the_app_finishes_and_no_recipient_gets_two_messages()
    {
        const int persons = 400;
        var (structure, campaign, numbers) = await CampaignDueNowAsync("Coupure", persons);
        var set = numbers.ToHashSet();
        factory.Fake.Mode = FakeSmsProvider.Behaviour.Slow;
        factory.Fake.SlowDelay = TimeSpan.FromMilliseconds(40);
        var kills = new List<int>();
        try
        {
            // Two kills at different moments of the send, then a run that finishes it.
            foreach (var killAt in new[] { persons / 5, persons / 2 })
            {
                await using var app = await AppProcess.StartAsync(ChildSettings());
                await WaitAsync(() => Task.FromResult(ReceivedFrom(set) >= killAt), TimeSpan.FromSeconds(90),
                    () => $"Only {ReceivedFrom(set)} messages after start:\n{app.Output}");
                await app.KillAsync();
                kills.Add(ReceivedFrom(set));
            }
            await using (var last = await AppProcess.StartAsync(ChildSettings()))
            {
                await WaitAsync(async () => (await RowsAsync(structure.Id, campaign)).All(d => d.IsTerminal)
                                            && (await factory.CampaignDetailsAsync(structure.Id, campaign)).Status == CampaignStatus.Sent, TimeSpan.FromSeconds(120),
                    () => $"Rows or campaign still open:\n{last.Output}");
            }
            kills.ShouldAllBe(n => n < persons, "each kill happened mid-send");

            var rows = await RowsAsync(structure.Id, campaign);
            rows.Count.ShouldBe(persons);
            var received = factory.Fake.Received.Where(r => set.Contains(r.To)).GroupBy(r => r.To).ToDictionary(g => g.Key, g => g.Count());
            received.Values.ShouldAllBe(n => n == 1, "no recipient received two messages");
            var unknown = rows.Where(d => d.Status == DeliveryStatus.Unknown).ToList();
            // « inconnu » only for rows in the provider's hands at a kill: at most one chunk per kill.
            unknown.Count.ShouldBeLessThanOrEqualTo(kills.Count * ChunkSize);
            rows.Count(d => d.Status == DeliveryStatus.Sent).ShouldBe(persons - unknown.Count);
            foreach (var row in rows.Where(d => d.Status == DeliveryStatus.Sent))
                received.GetValueOrDefault(row.Address).ShouldBe(1, row.Address);
            unknown.ShouldAllBe(d => d.FailureReason != null && d.FailureReason.Contains("vérifier"));
        }
        finally
        {
            factory.Fake.Reset();
        }
    }

    [Fact]
    public async Task Two_instances_on_one_database_send_each_recipient_exactly_once()
    {
        const int persons = 300;
        var (structure, campaign, numbers) = await CampaignDueNowAsync("Jumelles", persons);
        var set = numbers.ToHashSet();
        factory.Fake.Mode = FakeSmsProvider.Behaviour.Slow;
        factory.Fake.SlowDelay = TimeSpan.FromMilliseconds(20);
        try
        {
            // Both started before the campaign is due, so that both poll the same rows.
            await factory.DbAsync(structure.Id, db => db.Set<Delivery>().Where(d => d.CampaignId == campaign)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.NotBeforeUtc, DateTime.UtcNow.AddHours(1))));
            // A lease longer than the test: no row changes hands through recovery, only through the claims.
            await using var first = await AppProcess.StartAsync(ChildSettings(leaseSeconds: 120));
            await using var second = await AppProcess.StartAsync(ChildSettings(leaseSeconds: 120));
            await factory.DbAsync(structure.Id, db => db.Set<Delivery>().Where(d => d.CampaignId == campaign)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.NotBeforeUtc, DateTime.UtcNow.AddSeconds(-1))));
            await WaitAsync(async () => (await RowsAsync(structure.Id, campaign)).All(d => d.IsTerminal)
                                        && (await factory.CampaignDetailsAsync(structure.Id, campaign)).Status == CampaignStatus.Sent, TimeSpan.FromSeconds(120),
                () => $"Rows or campaign still open:\n{first.Output}\n---\n{second.Output}");

            var rows = await RowsAsync(structure.Id, campaign);
            rows.ShouldAllBe(d => d.Status == DeliveryStatus.Sent);
            foreach (var number in numbers)
                factory.Fake.To(number).Count.ShouldBe(1, number);
            ReceivedFrom(set).ShouldBe(persons);
        }
        finally
        {
            factory.Fake.Reset();
        }
    }
}

[Collection(PostgresCollection.Postgres)]
public sealed class PostgresProcessTests(PostgresSmsFactory f) : ProcessTests(f);

[Collection(SqliteCollection.Sqlite)]
public sealed class SqliteProcessTests(SqliteSmsFactory f) : ProcessTests(f);
