using System.Diagnostics;
using System.Globalization;
using CentresConnectes.Members.Application;
using CentresConnectes.Members.Application.Import;
using CentresConnectes.Members.Domain;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace CentresConnectes.Benchmarks;

/// <summary>
/// etc/scripts/bench.sh &lt;scenario&gt;:
///   import-50k            a realistic 50,000-line French xlsx (2 % duplicates, 1 % bad lines) imported into
///                         PostgreSQL and SQLite, each in a fresh process (peak memory is the app's own).
///   members-search-100k   100,000 persons; alphabetical pages and prefix searches, p95.
///   slots-5y              5 years of opening slots, 3 a day, generated on PostgreSQL (vs one INSERT … SELECT).
///   attendance-pdf        the attendance list PDF of a busy month (3,000 presences), p95.
///   checkin-load [T] [F]  T enrolled kiosks (50) over loopback HTTP, F families of 4 (1000): card, page, VALIDER,
///                         the T kiosks together (rounds, VALIDER at the same instant), then back to back;
///                         p95 of VALIDER against a trivial endpoint under the same load (and bare INSERTs).
///   campaign-10k          a campaign to 10,000 consenting persons in two groups: scheduling time, then
///                         dispatch to the fake SMS provider (msg/s) against a bare loop of the same calls.
///   stats-1m              every statistics figure of a year over 1,000,000 presences (and a second structure
///                         of the same size), no criteria and 3 criteria, p95, against hand-written SQL; then SQLite.
///   stats-export          the statistics PDF and XLSX of that year, p95.
/// </summary>
internal static class BenchmarkProgram
{
    private static readonly string[] Scenarios = ["import-50k", "members-search-100k", "slots-5y", "attendance-pdf", "campaign-10k", "checkin-load", "stats-1m", "stats-export"];

    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        switch (args.FirstOrDefault())
        {
            case null or "--list" or "-l" or "--help" or "-h":
                Console.WriteLine("Scenarios: " + string.Join(", ", Scenarios));
                return args.Length == 0 ? 2 : 0;
            case "import-50k":
                return await ImportScenario.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50_000);
            case "import-child":
                return await ImportScenario.ChildAsync(Enum.Parse<DatabaseProvider>(args[1]), args[2], args[3]);
            case "members-search-100k":
                return await SearchScenario.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000);
            case "slots-5y":
                return await SlotsScenario.RunAsync();
            case "attendance-pdf":
                return await AttendancePdfScenario.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3_000);
            case "checkin-load":
                return await CheckinLoadScenario.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50,
                    args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1000);
            case "campaign-10k":
                return await CampaignScenario.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000);
            case "stats-1m":
                return await StatisticsScenario.RunAsync(export: false);
            case "stats-export":
                return await StatisticsScenario.RunAsync(export: true);
            default:
                Console.Error.WriteLine($"Unknown scenario '{args[0]}'. Scenarios: {string.Join(", ", Scenarios)}");
                return 2;
        }
    }

    /// <summary>The process's peak resident memory (VmHWM), in MB.</summary>
    public static double PeakMemoryMb()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return double.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
        }
        return Process.GetCurrentProcess().PeakWorkingSet64 / 1024d / 1024d;
    }
}

internal static class ImportScenario
{
    public static async Task<int> RunAsync(int rows)
    {
        var file = Path.Combine(Path.GetTempPath(), $"cc-bench-import-{rows}.xlsx");
        var watch = Stopwatch.StartNew();
        var (duplicates, bad) = Generate(file, rows);
        var warmUp = Path.Combine(Path.GetTempPath(), "cc-bench-import-warmup.xlsx");
        Generate(warmUp, 5000);
        Console.WriteLine($"generated {file}: {rows:N0} lines ({duplicates:N0} duplicates, {bad:N0} bad lines), {new FileInfo(file).Length / 1024:N0} KB in {watch.Elapsed.TotalSeconds:F1} s");

        var exitCode = 0;
        foreach (var provider in (Environment.GetEnvironmentVariable("CC_BENCH_PROVIDER") is { Length: > 0 } only ? [Enum.Parse<DatabaseProvider>(only)] : new[] { DatabaseProvider.PostgreSql, DatabaseProvider.Sqlite }))
        {
            // A process per provider: the peak memory printed is the app's, not the generator's.
            var self = Environment.ProcessPath!;
            var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
            if (Path.GetFileNameWithoutExtension(self) == "dotnet")
                start.ArgumentList.Add(typeof(ImportScenario).Assembly.Location);
            foreach (var a in new[] { "import-child", provider.ToString(), file, warmUp })
                start.ArgumentList.Add(a);
            using var child = Process.Start(start)!;
            string? result = null;
            string? baseline = null;
            while (await child.StandardOutput.ReadLineAsync() is { } line)
            {
                if (line.StartsWith("RESULT ", StringComparison.Ordinal))
                    result = line;
                else if (line.StartsWith("BASELINE ", StringComparison.Ordinal))
                    baseline = line;
                else if (line.Contains("register keys", StringComparison.Ordinal) && line.Contains(" 48", StringComparison.Ordinal))
                    Console.WriteLine("  " + provider + ": " + line[(line.IndexOf(':', line.IndexOf("Import", StringComparison.Ordinal)) + 2)..]);
                else if (line.StartsWith("  ", StringComparison.Ordinal))
                    Console.WriteLine(line);
            }
            await child.WaitForExitAsync();
            if (child.ExitCode != 0 || result is null)
            {
                Console.WriteLine($"import-50k ({provider}): failed (exit code {child.ExitCode})");
                exitCode = 1;
                continue;
            }
            var f = result.Split(' ');
            Console.WriteLine($"import-50k: {f[2]} s   [{provider}: upload {f[3]} s + preview {f[4]} s + confirm {f[5]} s; peak memory {f[6]} MB; {f[7]} imported, {f[8]} duplicates, {f[9]} errors]");
            if (baseline?.Split(' ') is [_, var seconds, var loaded])
            {
                var ratio = double.Parse(f[2], CultureInfo.InvariantCulture) / double.Parse(seconds, CultureInfo.InvariantCulture);
                Console.WriteLine(FormattableString.Invariant($"  baseline ({provider}): the same file bulk-copied by a bare loader (MiniExcel + COPY/INSERT, {loaded} persons) {seconds} s; import/baseline ratio {ratio:F1}×"));
            }
        }
        File.Delete(warmUp);
        if (Environment.GetEnvironmentVariable("CC_BENCH_KEEP") is null)
            File.Delete(file);
        return exitCode;
    }

    public static async Task<int> ChildAsync(DatabaseProvider provider, string file, string warmUpFile)
    {
        await using var bench = await BenchApp.StartAsync(provider);
        // A running server has already compiled and optimised its code (tiered JIT): a few small
        // imports in other structures first, so the measured one does not run on first-tier code.
        for (var i = 1; i <= 3; i++)
            await ImportAsync(bench, await bench.CreateStructureAsync("Échauffement " + i), warmUpFile);
        // The optimising compiler works in the background: a server idles between requests.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var structure = await bench.CreateStructureAsync("Import");
        var exit = await ImportAsync(bench, structure, file, report: true, provider);
        if (exit == 0)
            await BaselineAsync(bench, await bench.CreateStructureAsync("Chargeur nu"), file);
        return exit;
    }

    /// <summary>
    /// The floor the import is compared with, in the same process and run: the same file read by
    /// MiniExcel and its persons bulk-copied by <see cref="Members.Data.BulkInsert"/> in one
    /// transaction — no checks, no mapping guess, no preview, no families, no groups; only what the
    /// database's unique indexes need (a person, a mobile, an e-mail once).
    /// </summary>
    private static async Task BaselineAsync(BenchApp bench, Guid structure, string file)
    {
        var watch = Stopwatch.StartNew();
        var count = await bench.InStructureAsync(structure, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var today = DateOnly.FromDateTime(DateTime.Today);
            var identities = new HashSet<string>(StringComparer.Ordinal);
            var contacts = new HashSet<string>(StringComparer.Ordinal);
            var persons = new List<Person>(50_000);
            foreach (IDictionary<string, object?> row in MiniExcel.Query(file, useHeaderRow: true))
            {
                var last = row["Nom"] as string;
                var first = row["Prénom"] as string;
                DateOnly dob;
                if (row["Date de naissance"] is DateTime date)
                    dob = DateOnly.FromDateTime(date);
                else if (!DateOnly.TryParseExact(row["Date de naissance"] as string, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out dob))
                    continue;
                if (string.IsNullOrWhiteSpace(last) || string.IsNullOrWhiteSpace(first) || dob > today)
                    continue;
                var person = new Person(last, first, dob, today) { CreatedAtUtc = DateTime.UtcNow };
                if (!identities.Add(person.DuplicateKey + dob.DayNumber))
                    continue;
                var mobile = row["Téléphone portable"] is string m && m.Length > 0 ? new string(m.Where(char.IsAsciiDigit).ToArray()) : null;
                var email = row["E-mail"] as string;
                person.SetContact(email is not null && contacts.Add(email) ? email : null, mobile is { Length: 10 } && contacts.Add(mobile) ? "+33" + mobile[1..] : null);
                persons.Add(person);
            }
            await using var tx = await db.Database.BeginTransactionAsync();
            await BulkInsert.InsertAsync(db, persons, CancellationToken.None);
            await tx.CommitAsync();
            return persons.Count;
        });
        Console.WriteLine(FormattableString.Invariant($"BASELINE {watch.Elapsed.TotalSeconds:F2} {count}"));
    }

    private static async Task<int> ImportAsync(BenchApp bench, Guid structure, string file, bool report = false, DatabaseProvider provider = default)
    {
        var content = await File.ReadAllBytesAsync(file);
        // What a user waits for: the upload (checks + mapping guess), the preview (every line analysed),
        // then the confirmation (analysed again against the register, written in one transaction).
        var total = Stopwatch.StartNew();
        var step = Stopwatch.StartNew();
        var id = await bench.InStructureAsync(structure, sp => sp.GetRequiredService<ImportService>().UploadAsync(Path.GetFileName(file), new MemoryStream(content)));
        var upload = step.Elapsed.TotalSeconds;
        step.Restart();
        var groups = await bench.InStructureAsync(structure, async sp => (await sp.GetRequiredService<ReferenceLookupCache>().GetAsync()).Active(ReferenceData.Contracts.ReferenceListKind.Groupe));
        var preview = await bench.InStructureAsync(structure, sp => sp.GetRequiredService<ImportService>().PreviewAsync(id));
        var previewTime = step.Elapsed.TotalSeconds;
        step.Restart();
        var options = preview.Options;
        options.GroupIds = [groups[0].Id];
        var state = await bench.InStructureAsync(structure, sp => sp.GetRequiredService<ImportService>().ConfirmAsync(id, options));
        var confirm = step.Elapsed.TotalSeconds;
        total.Stop();
        if (state.Status != ImportStatus.Completed)
        {
            Console.WriteLine($"  {provider}: import {state.Status}: {state.Message}");
            return 1;
        }
        if (!report)
            return 0;
        var count = await bench.InStructureAsync(structure, sp => sp.GetRequiredService<AppDbContext>().Set<Person>().CountAsync());
        if (count != state.ImportedCount)
        {
            Console.WriteLine($"  {provider}: {count} persons in the database, {state.ImportedCount} reported");
            return 1;
        }
        Console.WriteLine(FormattableString.Invariant(
            $"RESULT {provider} {total.Elapsed.TotalSeconds:F2} {upload:F2} {previewTime:F2} {confirm:F2} {BenchmarkProgram.PeakMemoryMb():F0} {state.ImportedCount} {state.DuplicateCount} {state.ErrorCount}"));
        return 0;
    }

    /// <summary>Families of 1 to 5, French names with accents, mobiles in every usual format, real and text dates.</summary>
    private static (int Duplicates, int Bad) Generate(string file, int total)
    {
        var random = new Random(2024);
        var duplicates = total / 50;
        var bad = total / 100;
        var unique = total - duplicates - bad;
        var rows = new List<Dictionary<string, object?>>(total);
        var identities = new HashSet<string>();
        var mobiles = 0;
        var family = 0;
        var today = DateTime.Today;
        while (rows.Count < unique)
        {
            family++;
            var last = FrenchData.LastNames[random.Next(FrenchData.LastNames.Length)];
            var familyName = $"{last} – {random.Next(1, 200)} rue {FrenchData.LastNames[random.Next(FrenchData.LastNames.Length)].ToLowerInvariant()} ({family})";
            var city = FrenchData.Cities[random.Next(FrenchData.Cities.Length)];
            var size = Math.Min(1 + random.Next(5), unique - rows.Count);
            for (var m = 0; m < size; m++)
            {
                var female = random.Next(2) == 0;
                var first = female ? FrenchData.FemaleNames[random.Next(FrenchData.FemaleNames.Length)] : FrenchData.MaleNames[random.Next(FrenchData.MaleNames.Length)];
                var adult = m < 2;
                var dob = adult ? today.AddDays(-random.Next(20 * 365, 80 * 365)) : today.AddDays(-random.Next(30, 17 * 365));
                if (!identities.Add(FrenchData.Fold(last) + "|" + FrenchData.Fold(first) + "|" + dob.ToString("yyyyMMdd", CultureInfo.InvariantCulture)))
                {
                    m--;
                    continue;
                }
                string? mobile = null;
                if (adult && random.Next(10) < 8)
                {
                    mobiles++;
                    var digits = (10_000_000 + mobiles * 37L % 89_999_999).ToString(CultureInfo.InvariantCulture);
                    var n = "6" + digits;
                    mobile = (mobiles % 4) switch
                    {
                        0 => $"0{n[..1]} {n[1..3]} {n[3..5]} {n[5..7]} {n[7..9]}",
                        1 => "0" + n,
                        2 => $"+33 {n[..1]} {n[1..3]} {n[3..5]} {n[5..7]} {n[7..9]}",
                        _ => $"0{n[..1]}.{n[1..3]}.{n[3..5]}.{n[5..7]}.{n[7..9]}",
                    };
                }
                rows.Add(new Dictionary<string, object?>
                {
                    ["Nom"] = last,
                    ["Prénom"] = first,
                    ["Date de naissance"] = random.Next(2) == 0 ? dob : dob.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                    ["Sexe"] = random.Next(3) == 0 ? (female ? "F" : "M") : (female ? "Femme" : "Homme"),
                    ["Ville"] = city,
                    ["Statut"] = adult ? (female ? "Mère" : "Père") : "Enfant à charge",
                    ["Téléphone portable"] = mobile,
                    ["E-mail"] = adult && random.Next(10) < 3 ? $"{FrenchData.Fold(first)}.{FrenchData.Fold(last)}.{rows.Count}@exemple.fr" : null,
                    ["Famille"] = familyName,
                    ["Notes"] = random.Next(20) == 0 ? "Inscrit(e) à l'aide aux devoirs ; contacter la mère de préférence" : null,
                });
            }
        }
        for (var i = 0; i < duplicates; i++)
        {
            var copy = new Dictionary<string, object?>(rows[random.Next(unique)]);
            copy["Nom"] = ((string)copy["Nom"]!).ToLowerInvariant();
            rows.Insert(random.Next(unique / 2, rows.Count), copy);
        }
        for (var i = 0; i < bad; i++)
        {
            var row = new Dictionary<string, object?>(rows[random.Next(unique)]) { ["Prénom"] = "Erreur" + i };
            switch (i % 4)
            {
                case 0: row["Date de naissance"] = "31/02/2020"; break;
                case 1: row["Date de naissance"] = today.AddYears(1).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture); break;
                case 2: row["Téléphone portable"] = "061234567812345"; break;
                default: row["Nom"] = ""; break;
            }
            rows.Insert(random.Next(rows.Count), row);
        }
        if (File.Exists(file))
            File.Delete(file);
        MiniExcel.SaveAs(file, rows, sheetName: "Adhérents");
        return (duplicates, bad);
    }
}

internal static class SearchScenario
{
    private static readonly string[] Queries = ["m", "ma", "mar", "martin", "dupont j", "lef", "le g", "jean", "inès", "n'd", "06 1", "zo", "b"];

    public static async Task<int> RunAsync(int persons)
    {
        var providers = Environment.GetEnvironmentVariable("CC_BENCH_PROVIDER") is { Length: > 0 } only
            ? [Enum.Parse<DatabaseProvider>(only)]
            : new[] { DatabaseProvider.PostgreSql, DatabaseProvider.Sqlite };
        foreach (var provider in providers)
        {
            await using var bench = await BenchApp.StartAsync(provider);
            var structure = await bench.CreateStructureAsync("Recherche");
            // Another structure's persons share the tables: the tenant filter has to do its work.
            var other = await bench.CreateStructureAsync("Voisine");
            var seed = Stopwatch.StartNew();
            await SeedAsync(bench, structure, persons);
            await SeedAsync(bench, other, persons / 10);
            if (provider == DatabaseProvider.PostgreSql)
                await bench.InStructureAsync(structure, sp => sp.GetRequiredService<AppDbContext>().Database.ExecuteSqlRawAsync("ANALYZE"));
            Console.WriteLine($"  {provider}: seeded {persons:N0} + {persons / 10:N0} persons in {seed.Elapsed.TotalSeconds:F1} s");

            var samples = new List<(string Kind, double Ms)>();
            for (var round = 0; round < 25; round++)
            {
                samples.Add(("page 1", await TimeAsync(bench, structure, new PersonFilter(), 1)));
                samples.Add(("page 40", await TimeAsync(bench, structure, new PersonFilter(), 40)));
                foreach (var q in Queries)
                    samples.Add(("q=" + q, await TimeAsync(bench, structure, new PersonFilter { Query = q }, 1)));
            }
            // The first rounds warm the caches and the JIT, as a running server's would be.
            var measured = samples.Skip(samples.Count / 5).Select(s => s.Ms).Order().ToList();
            var p95 = measured[(int)Math.Ceiling(measured.Count * 0.95) - 1];
            var median = measured[measured.Count / 2];
            var worst = samples.Skip(samples.Count / 5).GroupBy(s => s.Kind).Select(g => (g.Key, P95: g.Select(x => x.Ms).Order().ElementAt((int)Math.Ceiling(g.Count() * 0.95) - 1)))
                .OrderByDescending(g => g.P95).Take(3);
            var label = provider == DatabaseProvider.PostgreSql ? "members-search-100k" : "members-search-100k (SQLite)";
            Console.WriteLine(FormattableString.Invariant($"{label}: {p95:F1} ms   [median {median:F1} ms; slowest: {string.Join(", ", worst.Select(w => $"{w.Key} {w.P95:F1} ms"))}]"));
        }
        return 0;
    }

    private static async Task<double> TimeAsync(BenchApp bench, Guid structure, PersonFilter filter, int page)
    {
        // A scope per query, as a request: the page's whole work (count, page, groups, families, labels).
        return await bench.InStructureAsync(structure, async sp =>
        {
            var register = sp.GetRequiredService<RegisterQueryService>();
            var watch = Stopwatch.StartNew();
            var result = await register.SearchAsync(filter, page);
            watch.Stop();
            _ = result.TotalCount;
            return watch.Elapsed.TotalMilliseconds;
        });
    }

    private static async Task SeedAsync(BenchApp bench, Guid structure, int count)
    {
        var random = new Random(structure.GetHashCode());
        var group = await bench.InStructureAsync(structure, async sp => (await sp.GetRequiredService<ReferenceLookupCache>().GetAsync()).Active(ReferenceData.Contracts.ReferenceListKind.Groupe)[0].Id);
        var today = DateOnly.FromDateTime(DateTime.Today);
        var identities = new HashSet<string>();
        var made = 0;
        while (made < count)
        {
            var batch = Math.Min(10_000, count - made);
            await bench.InStructureAsync(structure, async sp =>
            {
                var db = sp.GetRequiredService<AppDbContext>();
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                var added = 0;
                while (added < batch)
                {
                    var female = random.Next(2) == 0;
                    var last = FrenchData.LastNames[random.Next(FrenchData.LastNames.Length)];
                    var first = female ? FrenchData.FemaleNames[random.Next(FrenchData.FemaleNames.Length)] : FrenchData.MaleNames[random.Next(FrenchData.MaleNames.Length)];
                    var dob = today.AddDays(-random.Next(30, 90 * 365));
                    if (!identities.Add(last + first + dob))
                        continue;
                    var person = new Person(last, first, dob, today) { CreatedAtUtc = DateTime.UtcNow };
                    if (random.Next(2) == 0)
                        person.SetContact(null, "+336" + (10_000_000 + made + added).ToString(CultureInfo.InvariantCulture));
                    db.Add(person);
                    if (random.Next(3) == 0)
                        db.Add(new PersonGroup(person.Id, group));
                    added++;
                }
                await db.SaveChangesAsync();
                return 0;
            });
            made += batch;
        }
    }
}
