using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using CentresConnectes.Members.Domain;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.SmsAlerts.Application;
using CentresConnectes.SmsAlerts.Domain;
using CentresConnectes.SmsAlerts.Providers;
using CentresConnectes.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CentresConnectes.Benchmarks;

/// <summary>
/// campaign-10k: scheduling a campaign to 10,000 persons (two groups' union, duplicates, consent
/// filtering, delivery rows) and dispatching it to the fake SMS provider (Brevo flavour), compared
/// with a bare loop of the same HTTP calls at the same parallelism (the provider's own capacity here).
/// </summary>
internal static class CampaignScenario
{
    public static async Task<int> RunAsync(int persons)
    {
        var providers = Environment.GetEnvironmentVariable("CC_BENCH_PROVIDER") is { Length: > 0 } only
            ? [Enum.Parse<DatabaseProvider>(only)]
            : new[] { DatabaseProvider.PostgreSql };
        await using var fake = await FakeSmsProvider.StartAsync();
        foreach (var provider in providers)
        {
            // A working Tuesday morning: campaigns inside quiet hours whatever the real time.
            var clock = new TestClock();
            clock.Set(TestClock.WorkingTuesdayUtc(DateTime.UtcNow, new TimeOnly(9, 0)));
            await using var bench = await BenchApp.StartAsync(provider, clock);
            var structure = await bench.CreateStructureAsync("Campagne");
            var (g1, g2) = await SeedAsync(bench, structure, persons);
            await bench.InStructureAsync(structure, sp => sp.GetRequiredService<SmsSettingsService>().UpdateProviderAsync(new ProviderSettingsInput
            {
                Provider = ProviderKind.Brevo, Credentials = new ProviderCredentials { BaseUrl = fake.BaseUrl, ApiKey = FakeSmsProvider.BrevoApiKey },
            }).ContinueWith(_ => 0));
            if (provider == DatabaseProvider.PostgreSql)
                await bench.InStructureAsync(structure, sp => sp.GetRequiredService<AppDbContext>().Database.ExecuteSqlRawAsync("ANALYZE")); // tenant-filtered: statistics only

            var schedule = Stopwatch.StartNew();
            var campaign = await bench.InStructureAsync(structure, sp => sp.GetRequiredService<CampaignService>().CreateAsync(new CampaignInput
            {
                Title = "Fête de quartier", Sms = true, Message = "Bonjour {prenom}, fete de quartier samedi 14h au centre !", GroupIds = [g1, g2],
            }));
            schedule.Stop();
            var rows = await bench.InStructureAsync(structure, sp => sp.GetRequiredService<AppDbContext>().Set<Delivery>().CountAsync(d => d.CampaignId == campaign));

            fake.Received.Clear();
            var dispatch = Stopwatch.StartNew();
            await using (var scope = bench.App.Services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<DeliveryDispatcher>().RunUntilIdleAsync(TimeSpan.FromMinutes(10));
            dispatch.Stop();
            var sent = fake.Received.Count;
            var duplicates = sent - fake.Received.Select(r => r.To).Distinct().Count();
            var rate = sent / dispatch.Elapsed.TotalSeconds;

            // The provider's own capacity: the same requests, same parallelism, no database.
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 32 });
            http.DefaultRequestHeaders.Add("api-key", FakeSmsProvider.BrevoApiKey);
            var bare = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, sent), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            {
                using var r = await http.PostAsJsonAsync(fake.BaseUrl + "/v3/transactionalSMS/send",
                    new { sender = "CENTRE", recipient = "336" + i.ToString("D8", CultureInfo.InvariantCulture), content = "Bonjour, fete de quartier samedi 14h au centre !", type = "transactional" }, ct);
                r.EnsureSuccessStatusCode();
            });
            bare.Stop();
            var bareRate = sent / bare.Elapsed.TotalSeconds;
            Console.WriteLine(FormattableString.Invariant(
                $"  {provider}: {persons:N0} persons seeded, {rows:N0} delivery rows, {sent:N0} received by the fake provider, {duplicates} duplicates; bare loop {bareRate:F0} msg/s"));
            Console.WriteLine(FormattableString.Invariant(
                $"campaign-10k{(provider == DatabaseProvider.Sqlite ? " (SQLite)" : "")}: {schedule.Elapsed.TotalSeconds:F2} s schedule, {rate:F0} msg/s (ratio {rate / bareRate:F2})"));
            if (duplicates > 0 || sent != rows)
                return 1;
        }
        return 0;
    }

    /// <summary>Persons with SMS consent spread over two groups (a fifth in both), plus a tenth without consent.</summary>
    private static async Task<(Guid, Guid)> SeedAsync(BenchApp bench, Guid structure, int count)
    {
        var groups = await bench.InStructureAsync(structure, async sp => (await sp.GetRequiredService<ReferenceData.Contracts.IReferenceDataQuery>()
            .ListAsync(ReferenceData.Contracts.ReferenceListKind.Groupe)).Select(g => g.Id).ToList());
        var (g1, g2) = (groups[0], groups[1]);
        var today = DateOnly.FromDateTime(DateTime.Today);
        var made = 0;
        while (made < count)
        {
            var batch = Math.Min(5_000, count - made);
            await bench.InStructureAsync(structure, async sp =>
            {
                var db = sp.GetRequiredService<AppDbContext>();
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                for (var i = made; i < made + batch; i++)
                {
                    var person = new Person("NOM" + i.ToString("D6", CultureInfo.InvariantCulture), FrenchData.FemaleNames[i % FrenchData.FemaleNames.Length], today.AddYears(-30).AddDays(-(i % 3000)), today)
                        { CreatedAtUtc = DateTime.UtcNow };
                    person.SetContact(null, "+336" + (10_000_000 + i).ToString(CultureInfo.InvariantCulture));
                    person.SetConsent(true, false, "bench", DateTime.UtcNow);
                    db.Add(person);
                    db.Add(new PersonGroup(person.Id, i % 2 == 0 ? g1 : g2));
                    if (i % 5 == 0)
                        db.Add(new PersonGroup(person.Id, i % 2 == 0 ? g2 : g1));
                }
                await db.SaveChangesAsync();
                return 0;
            });
            made += batch;
        }
        return (g1, g2);
    }
}
