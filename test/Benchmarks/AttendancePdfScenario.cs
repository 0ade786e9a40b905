using System.Diagnostics;
using System.Globalization;
using CentresConnectes.Ludotheque.Application;
using CentresConnectes.Ludotheque.Domain;
using CentresConnectes.Members.Domain;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.ReferenceData.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace CentresConnectes.Benchmarks;

/// <summary>
/// attendance-pdf: the « Liste de présence » PDF of a month of a busy ludothèque — 3,000 presences
/// over 60 slots (two a day), 7 columns (landscape) — from the database to the PDF bytes, as the
/// page's download does (AttendanceListPdf). Target ≤ 2 s; p95 of 10 runs after 2 warm-ups.
/// </summary>
internal static class AttendancePdfScenario
{
    public static async Task<int> RunAsync(int presences)
    {
        var providers = Environment.GetEnvironmentVariable("CC_BENCH_PROVIDER") is { Length: > 0 } only
            ? [Enum.Parse<DatabaseProvider>(only)]
            : new[] { DatabaseProvider.PostgreSql, DatabaseProvider.Sqlite };
        foreach (var provider in providers)
        {
            await using var bench = await BenchApp.StartAsync(provider);
            var structure = await bench.CreateStructureAsync("Ludothèque");
            await SeedAsync(bench, structure, presences);

            var query = new AttendanceQuery
            {
                From = new DateOnly(2025, 6, 1),
                To = new DateOnly(2025, 6, 30),
                Columns = [AttendanceColumn.Nom, AttendanceColumn.Prenom, AttendanceColumn.Sexe, AttendanceColumn.Age, AttendanceColumn.Ville, AttendanceColumn.Statut, AttendanceColumn.HeureArrivee],
            };
            var times = new List<double>();
            var pages = 0;
            for (var run = 0; run < 12; run++)
            {
                var (ms, bytes) = await bench.InStructureAsync(structure, async sp =>
                {
                    var watch = Stopwatch.StartNew();
                    var file = await sp.GetRequiredService<AttendanceListPdf>().RenderAsync(query);
                    watch.Stop();
                    return (watch.Elapsed.TotalMilliseconds, file.Bytes);
                });
                if (run >= 2)
                    times.Add(ms);
                if (run == 11)
                {
                    var listMs = await bench.InStructureAsync(structure, async sp =>
                    {
                        var watch = Stopwatch.StartNew();
                        await sp.GetRequiredService<AttendanceListService>().BuildAsync(query);
                        return watch.Elapsed.TotalMilliseconds;
                    });
                    Console.WriteLine(FormattableString.Invariant($"  the list alone (query and rows, no PDF): {listMs:F0} ms"));
                }
                if (run == 0)
                {
                    pages = CountPages(bytes);
                    var file = Path.Combine(Path.GetTempPath(), $"cc-bench-attendance-{provider}.pdf");
                    await File.WriteAllBytesAsync(file, bytes);
                    Console.WriteLine($"  {provider}: {bytes.Length / 1024:N0} KB, written to {file}");
                }
            }
            times.Sort();
            var p95 = times[(int)Math.Ceiling(times.Count * 0.95) - 1];
            var label = provider == DatabaseProvider.PostgreSql ? "attendance-pdf" : "attendance-pdf (SQLite)";
            Console.WriteLine(FormattableString.Invariant($"{label}: {p95:F0} ms ({pages} pages)   [median {times[times.Count / 2]:F0} ms, {presences:N0} presences]"));
        }
        return 0;
    }

    /// <summary>Pages of a Skia PDF: one "/Type /Page" object each (the page tree is "/Type /Pages").</summary>
    private static int CountPages(byte[] pdf)
    {
        var text = System.Text.Encoding.Latin1.GetString(pdf);
        var count = 0;
        for (var i = text.IndexOf("/Type /Page", StringComparison.Ordinal); i >= 0; i = text.IndexOf("/Type /Page", i + 1, StringComparison.Ordinal))
        {
            if (i + 11 >= text.Length || text[i + 11] != 's')
                count++;
        }
        return count;
    }

    /// <summary>A month of two slots a day; 3,000 presences spread over ~800 persons of ~300 families.</summary>
    private static async Task SeedAsync(BenchApp bench, Guid structure, int presences)
    {
        await bench.InStructureAsync(structure, sp => sp.GetRequiredService<SlotService>().GenerateAsync(new SlotGenerationInput
        {
            From = new DateOnly(2025, 6, 1),
            To = new DateOnly(2025, 6, 30),
            Days = [.. Enum.GetValues<DayOfWeek>()],
            Ranges = [new TimeRangeInput { Start = new TimeOnly(9, 30), End = new TimeOnly(12, 0) }, new TimeRangeInput { Start = new TimeOnly(14, 0), End = new TimeOnly(18, 0) }],
        }));
        var random = new Random(42);
        await bench.InStructureAsync(structure, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var references = await sp.GetRequiredService<IReferenceDataQuery>().ListAllAsync();
            Guid[] Of(ReferenceListKind kind) => [.. references.Where(r => r.Kind == kind).Select(r => r.Id)];
            var (sexes, villes, statuts) = (Of(ReferenceListKind.Sexe), Of(ReferenceListKind.Ville), Of(ReferenceListKind.Statut));
            var slots = db.Set<Slot>().OrderBy(s => s.StartsAtUtc).ToList();
            var persons = new List<(Guid Person, Guid Household)>();
            for (var f = 0; f < 300; f++)
            {
                var household = new Household(FrenchData.LastNames[f % FrenchData.LastNames.Length] + " " + f.ToString(CultureInfo.InvariantCulture), null, null, DateTime.UtcNow);
                db.Add(household);
                var members = 2 + random.Next(3);
                for (var m = 0; m < members; m++)
                {
                    var female = random.Next(2) == 0;
                    var first = female ? FrenchData.FemaleNames[random.Next(FrenchData.FemaleNames.Length)] : FrenchData.MaleNames[random.Next(FrenchData.MaleNames.Length)];
                    var person = new Person(household.Name.Split(' ')[0], first, new DateOnly(1975, 1, 1).AddDays(random.Next(45 * 365)), new DateOnly(2024, 9, 1))
                    {
                        HouseholdId = household.Id, CreatedAtUtc = DateTime.UtcNow,
                        SexeId = sexes[random.Next(sexes.Length)], VilleId = villes[random.Next(villes.Length)], StatutId = statuts[random.Next(statuts.Length)],
                    };
                    db.Add(person);
                    persons.Add((person.Id, household.Id));
                }
            }
            var taken = new HashSet<(Guid, Guid)>();
            while (taken.Count < presences)
            {
                var slot = slots[random.Next(slots.Count)];
                var (person, household) = persons[random.Next(persons.Count)];
                if (!taken.Add((slot.Id, person)))
                    continue;
                db.Add(new Presence(slot.Id, person, household, slot.StartsAtUtc.AddMinutes(random.Next(120)), PresenceSource.Kiosk, null, null, null));
            }
            await db.SaveChangesAsync();
            return 0;
        });
    }
}
