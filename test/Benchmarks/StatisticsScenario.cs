using System.Diagnostics;
using CentresConnectes.Ludotheque.Domain;
using CentresConnectes.Members.Domain;
using CentresConnectes.Platform.Application;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.ReferenceData.Contracts;
using CentresConnectes.Statistics.Application;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CentresConnectes.Benchmarks;

/// <summary>
/// stats-1m: one structure with 5,000 households, 15,000 persons, 3 years of slots (two a day) and
/// 1,000,000 presences, and a second structure of the same size beside it (bulk-copied through
/// Platform's BulkInsert, COPY on PostgreSQL). Every figure of a full year (the year, the previous
/// year, the register, the messages) with no criteria and with 3 criteria, p95 over the runs, against
/// hand-written SQL computing the same presence and register figures (PostgreSQL), and the same
/// scenario on SQLite. stats-export: the PDF and the XLSX of that year.
/// </summary>
internal static class StatisticsScenario
{
    private const int Households = 5_000;
    private const int PersonsPerStructure = 15_000;
    private const int Presences = 1_000_000;
    /// <summary>Timed runs after one warm-up; CC_BENCH_RUNS lowers it on a loaded machine (the runs are then stated).</summary>
    private static readonly int Runs = int.TryParse(Environment.GetEnvironmentVariable("CC_BENCH_RUNS"), out var runs) && runs > 0 ? runs : 15;
    private static readonly DateOnly First = new(2023, 1, 1);
    private static readonly DateOnly Last = new(2025, 12, 31);
    private static readonly DateOnly YearFrom = new(2025, 1, 1);
    private static readonly DateOnly YearTo = new(2025, 12, 31);

    public static async Task<int> RunAsync(bool export)
    {
        var providers = Environment.GetEnvironmentVariable("CC_BENCH_PROVIDER") is { Length: > 0 } only
            ? [Enum.Parse<DatabaseProvider>(only)]
            : export ? new[] { DatabaseProvider.PostgreSql } : [DatabaseProvider.PostgreSql, DatabaseProvider.Sqlite];
        foreach (var provider in providers)
        {
            await using var bench = await BenchApp.StartAsync(provider);
            var watch = Stopwatch.StartNew();
            Guid structure;
            if (BenchApp.Reused is { } reused && provider == DatabaseProvider.PostgreSql)
            {
                structure = await ReusedStructureAsync(bench);
                Console.WriteLine($"[{provider}] reusing the data seeded in {reused}");
            }
            else
            {
                structure = await bench.CreateStructureAsync("Statistiques");
                await SeedAsync(bench, structure);
                await SeedAsync(bench, await bench.CreateStructureAsync("Voisine"));
                Console.WriteLine($"[{provider}] seeded 2 structures × ({Households:N0} households, {PersonsPerStructure:N0} persons, {Presences:N0} presences) in {watch.Elapsed.TotalSeconds:F0} s");
            }
            var criteria = await CriteriaAsync(bench, structure);
            // What the nightly job (and PostgreSQL's autovacuum) does on a running server: the planner's
            // statistics. Without them SQLite reads every presence for a year's figures (72 s, not 1 s).
            watch.Restart();
            await bench.InStructureAsync(structure, async sp =>
            {
                await sp.GetRequiredService<PlannerStatisticsJob>().RunAsync(CancellationToken.None);
                return true;
            });
            Console.WriteLine($"[{provider}] planner statistics (PlannerStatisticsJob) in {watch.Elapsed.TotalSeconds:F1} s");

            if (export)
            {
                await ExportAsync(bench, structure);
                continue;
            }
            var none = new StatisticsQuery { From = YearFrom, To = YearTo };
            var three = criteria(new StatisticsQuery { From = YearFrom, To = YearTo });
            var appNone = await TimeAsync(() => bench.InStructureAsync(structure, sp => sp.GetRequiredService<StatisticsService>().ComputeAsync(none)));
            var appThree = await TimeAsync(() => bench.InStructureAsync(structure, sp => sp.GetRequiredService<StatisticsService>().ComputeAsync(three)));
            var line = $"application ({Runs} runs after one warm-up) p95: no criteria {P95(appNone):F0} ms [median {Median(appNone):F0}], 3 criteria {P95(appThree):F0} ms [median {Median(appThree):F0}]";
            if (provider == DatabaseProvider.PostgreSql)
            {
                var connectionString = await bench.InStructureAsync(structure, sp => Task.FromResult(sp.GetRequiredService<AppDbContext>().Database.GetConnectionString()!));
                var report = await bench.InStructureAsync(structure, sp => sp.GetRequiredService<StatisticsService>().ComputeAsync(none));
                var codes = await CodesAsync(bench, structure);
                var sqlNone = await TimeAsync(() => BaselineAsync(connectionString, structure, codes, none, report));
                var threeReport = await bench.InStructureAsync(structure, sp => sp.GetRequiredService<StatisticsService>().ComputeAsync(three));
                var sqlThree = await TimeAsync(() => BaselineAsync(connectionString, structure, codes, three, threeReport));
                var slower = Math.Max(P95(appNone), P95(appThree));
                var ratio = Math.Max(P95(appNone) / P95(sqlNone), P95(appThree) / P95(sqlThree));
                Console.WriteLine(line);
                Console.WriteLine($"hand-written SQL p95: no criteria {P95(sqlNone):F0} ms, 3 criteria {P95(sqlThree):F0} ms (same figures, checked equal)");
                Console.WriteLine($"stats-1m: {slower:F0} ms (ratio {ratio:F2})");
            }
            else
            {
                Console.WriteLine(line);
                Console.WriteLine($"stats-1m (SQLite): {Math.Max(P95(appNone), P95(appThree)):F0} ms");
            }
        }
        return 0;
    }

    private static async Task ExportAsync(BenchApp bench, Guid structure)
    {
        var query = new StatisticsQuery { From = YearFrom, To = YearTo };
        var pdf = await TimeAsync(() => bench.InStructureAsync(structure, sp => sp.GetRequiredService<StatisticsPdf>().RenderAsync(query)), runs: Math.Min(Runs, 7));
        var xlsx = await TimeAsync(() => bench.InStructureAsync(structure, sp => sp.GetRequiredService<StatisticsXlsx>().RenderAsync(query)), runs: Math.Min(Runs, 7));
        Console.WriteLine($"PDF p95 {P95(pdf):F0} ms [median {Median(pdf):F0}], XLSX p95 {P95(xlsx):F0} ms [median {Median(xlsx):F0}] ({Math.Min(Runs, 7)} runs after one warm-up)");
        Console.WriteLine($"stats-export: {Math.Max(P95(pdf), P95(xlsx)):F0} ms (pdf {P95(pdf):F0}, xlsx {P95(xlsx):F0})");
    }

    /// <summary>Sexe Femme, two villes, two statuts: the « 3 criteria » of the target.</summary>
    private static async Task<Func<StatisticsQuery, StatisticsQuery>> CriteriaAsync(BenchApp bench, Guid structure)
    {
        var items = await bench.InStructureAsync(structure, sp => sp.GetRequiredService<IReferenceDataQuery>().ListAllAsync(includeInactive: false));
        List<Guid> Of(ReferenceListKind kind) => [.. items.Where(i => i.Kind == kind).Select(i => i.Id)];
        var (sexes, villes, statuts) = (Of(ReferenceListKind.Sexe), Of(ReferenceListKind.Ville), Of(ReferenceListKind.Statut));
        return q =>
        {
            q.Sexes = [sexes[0]];
            q.Villes = [villes[0], villes[1]];
            q.Statuts = [statuts[0], statuts[1]];
            return q;
        };
    }

    /// <summary>The measured structure of a kept database (the first one seeded, « Statistiques … »).</summary>
    private static async Task<Guid> ReusedStructureAsync(BenchApp bench)
    {
        var connectionString = bench.App.Services.GetRequiredService<CentresConnectes.Platform.Infrastructure.DatabaseSettings>().ConnectionString;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT "Id" FROM "Plt_Structures" WHERE "Name" LIKE 'Statistiques %'""", connection);
        return (Guid)(await command.ExecuteScalarAsync() ?? throw new InvalidOperationException("no « Statistiques » structure in the reused database"));
    }

    private static async Task SeedAsync(BenchApp bench, Guid structure)
    {
        var items = await bench.InStructureAsync(structure, sp => sp.GetRequiredService<IReferenceDataQuery>().ListAllAsync(includeInactive: false));
        List<Guid> Of(ReferenceListKind kind) => [.. items.Where(i => i.Kind == kind).Select(i => i.Id)];
        var (sexes, villes, statuts, minima, qf, groups) = (Of(ReferenceListKind.Sexe), Of(ReferenceListKind.Ville), Of(ReferenceListKind.Statut),
            Of(ReferenceListKind.MinimaSociaux), Of(ReferenceListKind.QuotientFamilial), Of(ReferenceListKind.Groupe));
        var random = new Random(42);
        await bench.InStructureAsync(structure, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var now = DateTime.UtcNow;
            var households = Enumerable.Range(0, Households).Select(i => new Household($"FAMILLE {i}", null, null, now)).ToList();
            var persons = new List<Person>(PersonsPerStructure);
            var memberships = new List<PersonGroup>();
            for (var i = 0; i < PersonsPerStructure; i++)
            {
                var household = households[i % Households];
                var born = new DateOnly(1940, 1, 1).AddDays(random.Next(0, 85 * 365));
                var person = new Person($"NOM{i}", $"Prénom{i}", born, First.AddDays(random.Next(-700, 1095)))
                {
                    HouseholdId = household.Id, SexeId = sexes[i % sexes.Count], VilleId = villes[random.Next(villes.Count)],
                    StatutId = statuts[random.Next(statuts.Count)], MinimaSociauxId = random.Next(4) == 0 ? minima[random.Next(minima.Count)] : null,
                    QuotientFamilialId = random.Next(3) == 0 ? null : qf[random.Next(qf.Count)], CreatedAtUtc = now,
                };
                persons.Add(person);
                if (random.Next(3) == 0)
                    memberships.Add(new PersonGroup(person.Id, groups[random.Next(groups.Count)]));
            }
            var slots = new List<Slot>();
            for (var d = First; d <= Last; d = d.AddDays(1))
            {
                slots.Add(new Slot(d, new TimeOnly(9, 30), new TimeOnly(12, 0)));
                slots.Add(new Slot(d, new TimeOnly(14, 0), new TimeOnly(18, 0)));
            }
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                await BulkInsert.InsertAsync(db, households, CancellationToken.None);
                await BulkInsert.InsertAsync(db, persons, CancellationToken.None);
                await BulkInsert.InsertAsync(db, memberships, CancellationToken.None);
                await BulkInsert.InsertAsync(db, slots, CancellationToken.None);
                await tx.CommitAsync();
            }
            // Presences: per slot a run of distinct persons (step 13 is prime to 15,000), 1,000,000 in all.
            var perSlot = Presences / slots.Count;
            var extra = Presences - perSlot * slots.Count;
            var batch = new List<Presence>(200_000);
            for (var s = 0; s < slots.Count; s++)
            {
                var count = perSlot + (s < extra ? 1 : 0);
                var start = random.Next(PersonsPerStructure);
                var arrived = slots[s].StartsAtUtc;
                for (var j = 0; j < count; j++)
                {
                    var person = persons[(start + j * 13) % PersonsPerStructure];
                    batch.Add(new Presence(slots[s].Id, person.Id, person.HouseholdId, arrived, PresenceSource.Staff, null, null, null));
                }
                if (batch.Count >= 150_000 || s == slots.Count - 1)
                {
                    await using var tx = await db.Database.BeginTransactionAsync();
                    await BulkInsert.InsertAsync(db, batch, CancellationToken.None);
                    await tx.CommitAsync();
                    batch.Clear();
                }
            }
            if (db.Provider == DatabaseProvider.PostgreSql)
                await db.Database.ExecuteSqlRawAsync("ANALYZE");
            return true;
        });
    }

    private sealed record Codes(Guid Femme, Guid Homme, Guid[] Children, Guid[] GrandParents, Guid Rsa, (int Min, int Max)[] Brackets);

    private static async Task<Codes> CodesAsync(BenchApp bench, Guid structure)
    {
        var items = await bench.InStructureAsync(structure, sp => sp.GetRequiredService<IReferenceDataQuery>().ListAllAsync(includeInactive: true));
        Guid C(ReferenceListKind kind, string code) => items.Single(i => i.Kind == kind && i.Code == code).Id;
        return new Codes(C(ReferenceListKind.Sexe, ReferenceCodes.Femme), C(ReferenceListKind.Sexe, ReferenceCodes.Homme),
            [C(ReferenceListKind.Statut, ReferenceCodes.EnfantACharge), C(ReferenceListKind.Statut, ReferenceCodes.EnfantGarde)],
            [C(ReferenceListKind.Statut, ReferenceCodes.GrandMere), C(ReferenceListKind.Statut, ReferenceCodes.GrandPere)],
            C(ReferenceListKind.MinimaSociaux, ReferenceCodes.Rsa),
            [.. (await bench.InStructureAsync(structure, sp => sp.GetRequiredService<IReferenceDataQuery>().AgeBracketsAsync(false))).Select(b => (b.MinAge, b.MaxAge))]);
    }

    private static string CriteriaSql(StatisticsQuery q, string alias = "")
    {
        string In(string column, List<Guid> ids) => ids.Count == 0 ? "" : $" AND {alias}\"{column}\" IN ({string.Join(", ", ids.Select(i => $"'{i}'"))})";
        return In("SexeId", q.Sexes) + In("VilleId", q.Villes) + In("StatutId", q.Statuts);
    }

    /// <summary>
    /// The same figures in hand-written SQL, one batch per period (the year and the previous one):
    /// the slots of the period (united per day here, as the application does), the scalar figures by
    /// conditional aggregates over the present persons, the per-value lines with GROUPING SETS, the
    /// brackets, and the register at the period's end. Checked equal to the application's figures.
    /// </summary>
    private static async Task<int> BaselineAsync(string connectionString, Guid tenant, Codes codes, StatisticsQuery query, StatisticsReport expected)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var (criteria, groupCriteria, brackets) = (CriteriaSql(query), CriteriaSql(query, "p."), codes.Brackets);
        var total = 0;
        foreach (var (from, to, age, present) in new[]
        {
            (expected.From, expected.To, expected.AgeDate, expected[FigureKeys.Present].Value),
            (expected.PreviousFrom, expected.PreviousTo, expected.AgeDate.AddDays(-(expected.To.DayNumber - expected.From.DayNumber + 1)), expected[FigureKeys.Present].Previous),
        })
        {
            var bracketSql = string.Join(", ", brackets.Select((b, i) =>
                $"count(*) FILTER (WHERE pe.\"DateOfBirth\" <= @age - interval '{b.Min} years' AND pe.\"DateOfBirth\" > @age - interval '{b.Max + 1} years') AS b{i}"));
            await using var batch = new NpgsqlBatch(connection)
            {
                BatchCommands =
                {
                    new($"""SELECT "Date", "Start", "End" FROM "Ludo_Slots" WHERE "TenantId" = @t AND "Date" BETWEEN @from AND @to"""),
                    new($"""
                        WITH p AS (SELECT * FROM "Mbr_Persons" WHERE "TenantId" = @t{criteria}),
                        pr AS (SELECT pr."PersonId", COALESCE(pr."HouseholdId", p."HouseholdId") AS h FROM "Ludo_Presences" pr
                               JOIN "Ludo_Slots" s ON s."Id" = pr."SlotId" JOIN p ON p."Id" = pr."PersonId"
                               WHERE pr."TenantId" = @t AND s."TenantId" = @t AND s."Date" BETWEEN @from AND @to),
                        pe AS (SELECT p.* FROM p WHERE p."Id" IN (SELECT "PersonId" FROM pr)),
                        rsa AS (SELECT DISTINCT "HouseholdId" FROM "Mbr_Persons" WHERE "TenantId" = @t AND "HouseholdId" IS NOT NULL
                                AND "MinimaSociauxId" = @rsa AND ("StatutId" IS NULL OR "StatutId" <> ALL(@children)))
                        SELECT (SELECT count(*) FROM pe), (SELECT count(*) FROM pr), (SELECT count(*) FROM p WHERE "RegisteredOn" BETWEEN @from AND @to),
                               (SELECT count(DISTINCT h) FROM pr),
                               count(*) FILTER (WHERE "SexeId" = @homme), count(*) FILTER (WHERE "SexeId" = @femme),
                               count(*) FILTER (WHERE "StatutId" = ANY(@grand)),
                               count(*) FILTER (WHERE "StatutId" = ANY(@children) AND "HouseholdId" IN (SELECT "HouseholdId" FROM rsa)),
                               count(*) FILTER (WHERE "StatutId" = ANY(@children) AND "DateOfBirth" > @six),
                               count(*) FILTER (WHERE "StatutId" = ANY(@children) AND "DateOfBirth" <= @six),
                               {bracketSql}
                        FROM pe
                        """),
                    new($"""
                        WITH p AS (SELECT * FROM "Mbr_Persons" WHERE "TenantId" = @t{criteria}),
                        pr AS (SELECT p."Id", p."VilleId", p."StatutId", p."QuotientFamilialId" FROM "Ludo_Presences" pr
                               JOIN "Ludo_Slots" s ON s."Id" = pr."SlotId" JOIN p ON p."Id" = pr."PersonId"
                               WHERE pr."TenantId" = @t AND s."TenantId" = @t AND s."Date" BETWEEN @from AND @to)
                        SELECT "VilleId", "StatutId", "QuotientFamilialId", count(DISTINCT "Id"), count(*) FROM pr
                        GROUP BY GROUPING SETS (("VilleId"), ("StatutId"), ("QuotientFamilialId"))
                        """),
                    new($"""
                        WITH p AS (SELECT * FROM "Mbr_Persons" WHERE "TenantId" = @t{criteria} AND "RegisteredOn" <= @to)
                        SELECT (SELECT count(*) FROM p), (SELECT count(*) FROM p WHERE "ConsentSms"), (SELECT count(*) FROM p WHERE "ConsentEmail"),
                               (SELECT count(*) FROM p pe WHERE {string.Join(" OR ", brackets.Select(b => $"(pe.\"DateOfBirth\" <= @age - interval '{b.Min} years' AND pe.\"DateOfBirth\" > @age - interval '{b.Max + 1} years')"))})
                        """),
                    new($"""
                        WITH p AS (SELECT * FROM "Mbr_Persons" WHERE "TenantId" = @t{criteria} AND "RegisteredOn" <= @to)
                        SELECT {bracketSql} FROM p pe
                        """),
                    new($"""
                        SELECT g."GroupId", count(*) FROM "Mbr_PersonGroups" g JOIN "Mbr_Persons" p ON p."Id" = g."PersonId"
                        WHERE g."TenantId" = @t AND p."TenantId" = @t{groupCriteria} AND p."RegisteredOn" <= @to
                        GROUP BY g."GroupId"
                        """),
                },
            };
            foreach (var command in batch.BatchCommands.Cast<NpgsqlBatchCommand>())
            {
                command.Parameters.AddWithValue("t", tenant);
                command.Parameters.AddWithValue("from", from);
                command.Parameters.AddWithValue("to", to);
                command.Parameters.AddWithValue("age", age.ToDateTime(TimeOnly.MinValue));
                command.Parameters.AddWithValue("six", age.AddYears(-6));
                command.Parameters.AddWithValue("rsa", codes.Rsa);
                command.Parameters.AddWithValue("homme", codes.Homme);
                command.Parameters.AddWithValue("femme", codes.Femme);
                command.Parameters.AddWithValue("children", codes.Children);
                command.Parameters.AddWithValue("grand", codes.GrandParents);
            }
            await using var reader = await batch.ExecuteReaderAsync();
            var slots = new List<(DateOnly, TimeOnly, TimeOnly)>();
            while (await reader.ReadAsync())
                slots.Add((reader.GetFieldValue<DateOnly>(0), reader.GetFieldValue<TimeOnly>(1), reader.GetFieldValue<TimeOnly>(2)));
            _ = slots.GroupBy(s => s.Item1).Sum(day => OpeningTime.UnitedMinutes(day.Select(s => (s.Item2, s.Item3))));
            await reader.NextResultAsync();
            await reader.ReadAsync();
            var counted = reader.GetInt64(0);
            if (counted != present)
                throw new InvalidOperationException($"hand-written SQL counts {counted} present persons, the application {present}");
            total += (int)counted;
            while (await reader.NextResultAsync())
            {
                while (await reader.ReadAsync()) { }
            }
        }
        return total;
    }

    private static async Task<List<double>> TimeAsync<T>(Func<Task<T>> action, int? runs = null)
    {
        await action(); // warm-up: JIT, pool, plans
        var times = new List<double>();
        for (var i = 0; i < (runs ?? Runs); i++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        return times;
    }

    private static double P95(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(0.95 * sorted.Count) - 1)];
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
