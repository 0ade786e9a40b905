using System.Diagnostics;
using CentresConnectes.Ludotheque.Application;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CentresConnectes.Benchmarks;

/// <summary>
/// slots-5y: « Générer les créneaux » for 5 years, every day, 3 ranges a day (~5,500 slots) on
/// PostgreSQL, each run into a fresh structure, against the baseline of one hand-written
/// INSERT … SELECT generate_series writing the same rows (same table, same indexes).
/// </summary>
internal static class SlotsScenario
{
    private const int Runs = 7;

    public static async Task<int> RunAsync()
    {
        await using var bench = await BenchApp.StartAsync(DatabaseProvider.PostgreSql);
        var from = new DateOnly(2026, 1, 1);
        var to = from.AddYears(5).AddDays(-1);
        var input = new SlotGenerationInput
        {
            From = from,
            To = to,
            Days = Enum.GetValues<DayOfWeek>().ToList(),
            Ranges =
            [
                new TimeRangeInput { Start = new TimeOnly(9, 30), End = new TimeOnly(12, 0) },
                new TimeRangeInput { Start = new TimeOnly(14, 0), End = new TimeOnly(18, 0) },
                new TimeRangeInput { Start = new TimeOnly(16, 30), End = new TimeOnly(18, 30) },
            ],
            SkipPublicHolidays = false,
        };

        var app = new List<double>();
        var baseline = new List<double>();
        var created = 0;
        for (var run = 0; run <= Runs; run++)
        {
            var structure = await bench.CreateStructureAsync("Créneaux");
            var watch = Stopwatch.StartNew();
            var result = await bench.InStructureAsync(structure, sp => sp.GetRequiredService<SlotService>().GenerateAsync(input));
            var ms = watch.Elapsed.TotalMilliseconds;
            created = result.Created;

            var other = await bench.CreateStructureAsync("Référence");
            var connectionString = await bench.InStructureAsync(other, sp => Task.FromResult(sp.GetRequiredService<AppDbContext>().Database.GetConnectionString()!));
            watch.Restart();
            var rows = await BaselineAsync(connectionString, other, from, to);
            var baselineMs = watch.Elapsed.TotalMilliseconds;
            if (rows != created)
                throw new InvalidOperationException($"baseline wrote {rows} rows, the application {created}");
            if (run == 0)
                continue; // warm-up: JIT, connection pool, plan cache
            app.Add(ms);
            baseline.Add(baselineMs);
        }

        var median = Median(app);
        var medianBaseline = Median(baseline);
        Console.WriteLine($"generated {created:N0} slots per run, {Runs} runs (after one warm-up); application median {median:F0} ms [min {app.Min():F0}, max {app.Max():F0}], " +
                          $"baseline INSERT … SELECT generate_series median {medianBaseline:F0} ms [min {baseline.Min():F0}, max {baseline.Max():F0}]");
        Console.WriteLine($"slots-5y: {median:F0} ms (ratio {median / medianBaseline:F1})");
        return 0;
    }

    private static async Task<int> BaselineAsync(string connectionString, Guid tenantId, DateOnly from, DateOnly to)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        // The same rows the application writes: wall-clock date and times, their UTC instants in Paris time.
        command.CommandText = """
            INSERT INTO "Ludo_Slots" ("Id", "TenantId", "Date", "Start", "End", "StartsAtUtc", "EndsAtUtc")
            SELECT gen_random_uuid(), @tenant, d::date, r.s, r.e,
                   (d::date + r.s) AT TIME ZONE 'Europe/Paris', (d::date + r.e) AT TIME ZONE 'Europe/Paris'
            FROM generate_series(@from::timestamp, @to::timestamp, interval '1 day') AS d
            CROSS JOIN (VALUES (time '09:30', time '12:00'), (time '14:00', time '18:00'), (time '16:30', time '18:30')) AS r(s, e)
            """;
        command.Parameters.AddWithValue("tenant", tenantId);
        command.Parameters.AddWithValue("from", from.ToDateTime(TimeOnly.MinValue));
        command.Parameters.AddWithValue("to", to.ToDateTime(TimeOnly.MinValue));
        return await command.ExecuteNonQueryAsync();
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
