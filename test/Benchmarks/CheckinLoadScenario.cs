using System.Diagnostics;
using System.Globalization;
using CentresConnectes.Ludotheque.Application;
using CentresConnectes.Ludotheque.Application.Kiosk;
using CentresConnectes.Ludotheque.Domain;
using CentresConnectes.Members.Domain;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CentresConnectes.Benchmarks;

/// <summary>
/// checkin-load: T tablets at once (default 30), F families of 4 (default 200) shared between them, each
/// family's « Fiche de présence » shown then VALIDER with its 4 members, on PostgreSQL. Measured at the
/// application-service level (KioskCheckInService, the code behind the kiosk page: ticket check,
/// household check, insert), not over HTTP. Prints the p95 of VALIDER, errors and duplicate presences;
/// baseline: the same T-way load of hand-written INSERTs of the same 4 presences (ON CONFLICT DO NOTHING)
/// into another slot, in the same run.
/// </summary>
internal static class CheckinLoadScenario
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    public static async Task<int> RunAsync(int tablets, int families)
    {
        // 15:00 Paris on a weekday: inside the 14:00–18:00 slot whatever the real time of the run.
        var day = new DateOnly(2025, 6, 4);
        var now = new DateTimeOffset(2025, 6, 4, 13, 0, 0, TimeSpan.Zero);
        await using var bench = await BenchApp.StartAsync(DatabaseProvider.PostgreSql, new FixedClock(now));
        var structure = await bench.CreateStructureAsync("Borne");
        await bench.InStructureAsync(structure, sp => sp.GetRequiredService<SlotService>().GenerateAsync(new SlotGenerationInput
        {
            From = day,
            To = day.AddDays(1),
            Days = [.. Enum.GetValues<DayOfWeek>()],
            Ranges = [new TimeRangeInput { Start = new TimeOnly(14, 0), End = new TimeOnly(18, 0) }],
        }));
        var households = await SeedAsync(bench, structure, families);
        var (openSlot, otherSlot, connectionString) = await bench.InStructureAsync(structure, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var slots = await db.Set<Slot>().AsNoTracking().OrderBy(s => s.StartsAtUtc).ToListAsync();
            return (slots[0], slots[1], db.Database.GetConnectionString()!);
        });

        // Warm-up outside the measure: JIT, pools, plans (one family, then its presences removed).
        await CheckInAsync(bench, structure, households[0]);
        await ExecuteAsync(connectionString, """DELETE FROM "Ludo_Presences" """);

        var app = await RunLoadAsync(tablets, households, h => CheckInAsync(bench, structure, h));
        var presences = await ScalarAsync(connectionString, $"""SELECT count(*) FROM "Ludo_Presences" WHERE "SlotId" = '{openSlot.Id}'""");
        var distinct = await ScalarAsync(connectionString, $"""SELECT count(DISTINCT "PersonId") FROM "Ludo_Presences" WHERE "SlotId" = '{openSlot.Id}'""");

        var dataSource = NpgsqlDataSource.Create(connectionString);
        await using (dataSource)
        {
            // Warm the baseline's pool and plan too.
            await BaselineInsertAsync(dataSource, structure, otherSlot.Id, households[0], now.UtcDateTime);
            await ExecuteAsync(connectionString, $"""DELETE FROM "Ludo_Presences" WHERE "SlotId" = '{otherSlot.Id}'""");
            var baseline = await RunLoadAsync(tablets, households, async h =>
            {
                var watch = Stopwatch.StartNew();
                await BaselineInsertAsync(dataSource, structure, otherSlot.Id, h, now.UtcDateTime);
                return watch.Elapsed.TotalMilliseconds;
            });
            var baselineRows = await ScalarAsync(connectionString, $"""SELECT count(*) FROM "Ludo_Presences" WHERE "SlotId" = '{otherSlot.Id}'""");
            if (baselineRows != families * 4L)
                throw new InvalidOperationException($"baseline wrote {baselineRows} rows, expected {families * 4}");

            var p95 = Percentile(app.Times, 0.95);
            var baseP95 = Percentile(baseline.Times, 0.95);
            // The program runs in the invariant culture (BenchmarkProgram.Main).
            Console.WriteLine((
                $"  {tablets} tablets, {families} families × 4: application median {Percentile(app.Times, 0.5):F1} ms, p95 {p95:F1} ms, max {app.Times.Max():F1} ms, {app.Seconds:F1} s in all; " +
                $"baseline INSERT median {Percentile(baseline.Times, 0.5):F1} ms, p95 {baseP95:F1} ms, {baseline.Seconds:F1} s; {presences} presences for {distinct} persons"));
            Console.WriteLine(FormattableString.Invariant(
                $"checkin-load: {p95:F1} ms (ratio {p95 / baseP95:F1}, errors {app.Errors + baseline.Errors}, duplicates {presences - distinct}, missing {families * 4L - distinct})"));
        }
        return 0;
    }

    /// <summary>
    /// The family's « Fiche de présence » (its own request, not timed: it issues the ticket), then VALIDER
    /// in a request of its own — the time of that one (scope, ticket check, persons, insert) is returned.
    /// </summary>
    private static async Task<double> CheckInAsync(BenchApp bench, Guid structure, (Guid Household, Guid[] Persons) family)
    {
        var device = Guid.Empty; // a page of one tablet: the ticket is bound to it
        var page = await bench.InStructureAsync(structure, sp =>
            sp.GetRequiredService<KioskCheckInService>().GetPageAsync(family.Household, device, PresenceSource.Kiosk, null));
        var watch = Stopwatch.StartNew();
        await bench.InStructureAsync(structure, sp =>
            sp.GetRequiredService<KioskCheckInService>().ValidateAsync(page.Ticket, device, family.Persons, Guid.NewGuid(), null));
        return watch.Elapsed.TotalMilliseconds;
    }

    private sealed record Load(List<double> Times, int Errors, double Seconds);

    /// <summary>T workers take the families one by one from a shared queue; each call returns the milliseconds it timed.</summary>
    private static async Task<Load> RunLoadAsync(int tablets, IReadOnlyList<(Guid Household, Guid[] Persons)> households, Func<(Guid, Guid[]), Task<double>> call)
    {
        var next = -1;
        var times = new System.Collections.Concurrent.ConcurrentBag<double>();
        var errors = 0;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, tablets).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < households.Count)
            {
                try
                {
                    times.Add(await call(households[i]));
                }
                catch (Exception ex)
                {
                    Interlocked.Increment(ref errors);
                    Console.Error.WriteLine("  error: " + ex.GetType().Name + ": " + ex.Message);
                }
            }
        })));
        return new Load([.. times], errors, total.Elapsed.TotalSeconds);
    }

    private static async Task BaselineInsertAsync(NpgsqlDataSource dataSource, Guid tenant, Guid slot, (Guid Household, Guid[] Persons) family, DateTime arrived)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO "Ludo_Presences" ("Id", "TenantId", "SlotId", "PersonId", "HouseholdId", "ArrivedAtUtc", "Source", "CheckInId")
            SELECT gen_random_uuid(), @tenant, @slot, p, @household, @arrived, 0, @checkin FROM unnest(@persons) AS p
            ON CONFLICT DO NOTHING
            """);
        command.Parameters.AddWithValue("tenant", tenant);
        command.Parameters.AddWithValue("slot", slot);
        command.Parameters.AddWithValue("household", family.Household);
        command.Parameters.AddWithValue("arrived", arrived);
        command.Parameters.AddWithValue("checkin", Guid.NewGuid());
        command.Parameters.AddWithValue("persons", family.Persons);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<(Guid, Guid[])>> SeedAsync(BenchApp bench, Guid structure, int families) =>
        await bench.InStructureAsync(structure, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var list = new List<(Guid, Guid[])>();
            for (var f = 0; f < families; f++)
            {
                var name = FrenchData.LastNames[f % FrenchData.LastNames.Length] + " " + f.ToString(CultureInfo.InvariantCulture);
                var household = new Household(name, null, null, DateTime.UtcNow);
                db.Add(household);
                var ids = new Guid[4];
                for (var m = 0; m < 4; m++)
                {
                    var person = new Person(name.Split(' ')[0], FrenchData.FemaleNames[(f + m) % FrenchData.FemaleNames.Length] + m.ToString(CultureInfo.InvariantCulture),
                        new DateOnly(1980 + m * 9, 1 + f % 12, 1 + m), new DateOnly(2024, 9, 1)) { HouseholdId = household.Id, CreatedAtUtc = DateTime.UtcNow };
                    db.Add(person);
                    ids[m] = person.Id;
                }
                list.Add((household.Id, ids));
            }
            await db.SaveChangesAsync();
            return list;
        });

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Max(0, (int)Math.Ceiling(sorted.Count * p) - 1)];
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
