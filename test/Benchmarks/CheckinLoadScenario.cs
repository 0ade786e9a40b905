using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CentresConnectes.Ludotheque.Application;
using CentresConnectes.Ludotheque.Domain;
using CentresConnectes.Members.Domain;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CentresConnectes.Benchmarks;

/// <summary>
/// checkin-load, as issue 7 states it: T kiosks at once (default 50), each an enrolled tablet served over
/// loopback HTTP by the whole application (Kestrel, the host's pipeline), each signing a family of 4 in
/// as a family does — « Scanner ma carte » (the page, then its card), the « Fiche de présence » — and
/// validating with its 4 members as kiosk.js sends it. F families in all (default 1000), two ways:
/// <b>back to back</b>, every kiosk taking the next family from a queue without pause (the figure
/// recorded since 2026-12-02, far harsher than a ludothèque, where a family takes tens of seconds at a
/// tablet), and <b>together</b>, in rounds where the T kiosks reach the family page at the same time
/// and then send VALIDER at the same instant (T families validating at once: each VALIDER waits behind
/// the T − 1 others). The p95 of VALIDER (request to answer read) is the figure, with errors and
/// duplicate presences. Baseline, same run: the same load of
/// the same four requests per family on a trivial endpoint of the same host (the ratio); also printed,
/// hand-written INSERTs of the same presences (the database alone). Client and server share the 2 cores.
/// </summary>
internal static partial class CheckinLoadScenario
{
    private const string Password = "Banc-d-essai-2026-borne";
    private const string Trivial = "/bench/trivial";

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed record Family(Guid Household, Guid[] Persons, string Card);

    public static async Task<int> RunAsync(int tablets, int families)
    {
        // 15:00 Paris on a weekday: inside the 14:00–18:00 slot whatever the real time of the run.
        var day = new DateOnly(2025, 6, 4);
        var now = new DateTimeOffset(2025, 6, 4, 13, 0, 0, TimeSpan.Zero);
        await using var bench = await BenchApp.StartAsync(DatabaseProvider.PostgreSql, new FixedClock(now));
        var (structure, adminEmail) = await bench.CreateStructureWithAdminAsync("Borne", Password);
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
        // A live database has its statistics (autovacuum analyses a table within a minute of such a load):
        // without them the planner takes the freshly seeded register for empty and scans a structure's persons.
        await ExecuteAsync(connectionString, "ANALYZE");

        var address = await bench.ServeAsync(app => app.MapMethods(Trivial, ["GET", "POST"], () => Results.Text("ok")).AllowAnonymous().DisableAntiforgery());
        var kiosks = new List<TestClient>();
        for (var k = 0; k < tablets; k++)
            kiosks.Add(await EnrolKioskAsync(address, adminEmail, k));

        // The measured loads, one after the other. Back to back: the figure recorded since 2026-12-02.
        // Together: the same families in rounds. The processor each load cost, per family (this process
        // is the host and the 50 tablets). The warm-up runs this very code, meters included, so that
        // none of it is compiled while it measures.
        async Task<Loads> LoadsAsync(IReadOnlyList<Family> list)
        {
            var validateCpu = CpuMeter.Paused();
            var (together, togetherCpu) = await MeteredAsync(list.Count, () => MeasureAsync(connectionString, openSlot.Id, list.Count,
                () => RunRoundsAsync(tablets, list, (k, f) => PrepareCheckInAsync(kiosks[k], f), (k, request) => ValidateAsync(kiosks[k], request), validateCpu)));
            togetherCpu += "; VALIDER alone: " + validateCpu.PerUnit(list.Count, "VALIDER");
            var togetherTrivial = await RunRoundsAsync(tablets, list, (k, _) => PrepareTrivialAsync(kiosks[k]), (k, request) => TrivialAsync(kiosks[k], request));
            var (backToBack, backToBackCpu) = await MeteredAsync(list.Count, () => MeasureAsync(connectionString, openSlot.Id, list.Count,
                () => RunLoadAsync(tablets, list, async (k, f) => await ValidateAsync(kiosks[k], await PrepareCheckInAsync(kiosks[k], f)))));
            var (backToBackTrivial, trivialCpu) = await MeteredAsync(list.Count,
                () => RunLoadAsync(tablets, list, async (k, _) => await TrivialAsync(kiosks[k], await PrepareTrivialAsync(kiosks[k]))));
            return new Loads(together, togetherCpu, togetherTrivial, backToBack, backToBackCpu, backToBackTrivial, trivialCpu);
        }

        // Warm-up outside the measure, up to the steady state of a server that has been up a while: pools
        // and plans on every kiosk's connection, and the JIT done. .NET compiles a method quickly first,
        // then, once it has run some 30 times, with instrumentation, then after 30 more optimised with
        // that profile — on one background thread, which gets little of two saturated cores. With one
        // family per kiosk as warm-up, the measure paid a fifth of its processor to that thread (perf
        // record, 2026-12-03) and ran the request path unoptimised meanwhile; three passes still left 2,000
        // methods to compile. So the loads run again on a few hundred families, each pass followed by a
        // pause for the compiler's queue, until a pass compiles next to nothing.
        var warmUp = households.Take(Math.Max(tablets, Math.Min(households.Count, 300))).ToList();
        var passes = 0;
        for (long compiled = long.MaxValue; compiled > 20 && passes < 20; passes++)
        {
            var before = System.Runtime.JitInfo.GetCompiledMethodCount();
            await LoadsAsync(warmUp);
            await Task.Delay(TimeSpan.FromSeconds(1));
            compiled = System.Runtime.JitInfo.GetCompiledMethodCount() - before;
            Console.WriteLine($"  warm-up pass {passes + 1}: {compiled} methods compiled");
        }
        // A mark for a profiler attached from outside (perf record -p): the loads start now.
        Console.WriteLine($"  {tablets} kiosks enrolled and warm, measuring");
        var (jitMethods, jitTime) = (System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());
        var (gen0, gen1, gen2, gcPause) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
        var (together, togetherCpu, togetherTrivial, backToBack, backToBackCpu, backToBackTrivial, trivialCpu) = await LoadsAsync(households);

        Console.WriteLine(FormattableString.Invariant(
            $"  JIT during the loads: {System.Runtime.JitInfo.GetCompiledMethodCount() - jitMethods} methods compiled, {(System.Runtime.JitInfo.GetCompilationTime() - jitTime).TotalMilliseconds:F0} ms; garbage collections: {GC.CollectionCount(0) - gen0} (generation 1: {GC.CollectionCount(1) - gen1}, generation 2: {GC.CollectionCount(2) - gen2}), paused {(GC.GetTotalPauseDuration() - gcPause).TotalMilliseconds:F0} ms"));
        var dataSource = NpgsqlDataSource.Create(connectionString);
        await using (dataSource)
        {
            // Warm the INSERT's pool and plan too.
            await BaselineInsertAsync(dataSource, structure, otherSlot.Id, households[0], now.UtcDateTime);
            await ExecuteAsync(connectionString, $"""DELETE FROM "Ludo_Presences" WHERE "SlotId" = '{otherSlot.Id}'""");
            var insert = await RunLoadAsync(tablets, households, async (_, f) =>
            {
                var watch = Stopwatch.StartNew();
                await BaselineInsertAsync(dataSource, structure, otherSlot.Id, f, now.UtcDateTime);
                return watch.Elapsed.TotalMilliseconds;
            });
            var insertRows = await ScalarAsync(connectionString, $"""SELECT count(*) FROM "Ludo_Presences" WHERE "SlotId" = '{otherSlot.Id}'""");
            if (insertRows != families * 4L)
                throw new InvalidOperationException($"the INSERT baseline wrote {insertRows} rows, expected {families * 4}");

            // The program runs in the invariant culture (BenchmarkProgram.Main).
            Console.WriteLine(
                $"  {tablets} kiosks together, {families} families × 4 in rounds (every kiosk shows the card page, reads a card, shows the family page; then all {tablets} VALIDER at the same instant): " +
                $"{together.Load.Describe("VALIDER")} ({togetherCpu}); trivial endpoint, same rounds: {togetherTrivial.Describe("4th request")}");
            Console.WriteLine(
                $"  {tablets} kiosks back to back (no pause, {families} families from one queue): {backToBack.Load.Describe("VALIDER")} ({backToBackCpu}); " +
                $"trivial endpoint, same load: {backToBackTrivial.Describe("4th request")} ({trivialCpu}); INSERT alone, same load: {insert.Describe("INSERT")}");
            Console.WriteLine(backToBack.FigureLine("checkin-load", backToBackTrivial, insert.Errors));
            Console.WriteLine(together.FigureLine("checkin-load together", togetherTrivial, 0));
        }
        Console.WriteLine(await PerRequestAsync(address, adminEmail, tablets, households.Take(300).ToList(), connectionString, openSlot.Id));
        foreach (var kiosk in kiosks)
            kiosk.Dispose();
        return 0;
    }

    /// <summary>
    /// Where a family's processor goes: one more kiosk, alone (the loads are over), takes families one
    /// after the other and this process's processor is read around each of its requests — the host's
    /// work and this client's, with nothing else in flight.
    /// </summary>
    private static async Task<string> PerRequestAsync(Uri address, string adminEmail, int number, List<Family> families, string connectionString, Guid slotId)
    {
        var meter = new PerRequestMeter();
        using var kiosk = await EnrolKioskAsync(address, adminEmail, number, meter);
        for (var pass = 0; pass < 2; pass++)
        {
            // The first pass warms this kiosk's connection; the second is measured.
            meter.Clear();
            foreach (var family in families)
            {
                await ValidateAsync(kiosk, await PrepareCheckInAsync(kiosk, family));
                await TrivialAsync(kiosk, new HttpRequestMessage(HttpMethod.Post, Trivial));
            }
            await ExecuteAsync(connectionString, $"""DELETE FROM "Ludo_Presences" WHERE "SlotId" = '{slotId}'""");
        }
        return $"  one kiosk alone, {families.Count} families, processor of this process per request: {meter.Describe()}";
    }

    /// <summary>This process's processor time around each request, by method and path (one request at a time).</summary>
    private sealed class PerRequestMeter : DelegatingHandler
    {
        private readonly Dictionary<string, (double Milliseconds, int Count)> _byRequest = [];

        public void Clear() => _byRequest.Clear();

        public string Describe() => string.Join(", ", _byRequest.Select(r => FormattableString.Invariant($"{r.Key} {r.Value.Milliseconds / r.Value.Count:F3} ms")));

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var start = CpuMeter.ProcessMilliseconds();
            var response = await base.SendAsync(request, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            var key = $"{request.Method} {request.RequestUri!.AbsolutePath}";
            var (ms, count) = _byRequest.GetValueOrDefault(key);
            _byRequest[key] = (ms + CpuMeter.ProcessMilliseconds() - start, count + 1);
            return response;
        }
    }

    /// <summary>The measured loads of one pass, with the processor each cost: together, then back to back, each beside its trivial baseline.</summary>
    private sealed record Loads(Measured Together, string TogetherCpu, Load TogetherTrivial, Measured BackToBack, string BackToBackCpu,
        Load BackToBackTrivial, string TrivialCpu);

    private sealed record Measured(Load Load, long Duplicates, long Missing)
    {
        public string FigureLine(string name, Load trivial, int otherErrors)
        {
            var p95 = Percentile(Load.Times, 0.95);
            return FormattableString.Invariant(
                $"{name}: {p95:F1} ms (ratio {p95 / Percentile(trivial.Times, 0.95):F1}, errors {Load.Errors + trivial.Errors + otherErrors}, duplicates {Duplicates}, missing {Missing})");
        }
    }

    /// <summary>One load with the processor it cost per family.</summary>
    private static async Task<(T Result, string Cpu)> MeteredAsync<T>(int families, Func<Task<T>> load)
    {
        var allocated = GC.GetTotalAllocatedBytes();
        var cpu = CpuMeter.Start();
        var result = await load();
        var perFamily = (GC.GetTotalAllocatedBytes() - allocated) / 1024.0 / families;
        return (result, cpu.PerUnit(families, "family") + FormattableString.Invariant($"; allocated {perFamily:F0} KB per family"));
    }

    /// <summary>Runs one load of check-ins into the open slot, counts its duplicate and missing presences, then empties the slot for the next.</summary>
    private static async Task<Measured> MeasureAsync(string connectionString, Guid slotId, int families, Func<Task<Load>> run)
    {
        var load = await run();
        var presences = await ScalarAsync(connectionString, $"""SELECT count(*) FROM "Ludo_Presences" WHERE "SlotId" = '{slotId}'""");
        var distinct = await ScalarAsync(connectionString, $"""SELECT count(DISTINCT "PersonId") FROM "Ludo_Presences" WHERE "SlotId" = '{slotId}'""");
        await ExecuteAsync(connectionString, $"""DELETE FROM "Ludo_Presences" WHERE "SlotId" = '{slotId}'""");
        return new Measured(load, presences - distinct, families * 4L - distinct);
    }

    /// <summary>A tablet enrolled as staff do it: an admin signs in on it and installs the kiosk (« Bornes »), which signs them out.</summary>
    private static async Task<TestClient> EnrolKioskAsync(Uri address, string adminEmail, int number, DelegatingHandler? meter = null)
    {
        HttpMessageHandler handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
        if (meter is not null)
        {
            meter.InnerHandler = handler;
            handler = meter;
        }
        var kiosk = new TestClient(new HttpClient(handler)
        {
            BaseAddress = address,
        });
        await kiosk.SignInAsync(adminEmail, Password);
        var enrolled = await kiosk.PostFormAsync("/ludotheque/bornes", TestClient.Form(("Name", $"Tablette {number + 1}")), "/ludotheque/bornes?handler=Enrol");
        if (enrolled.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"enrolling kiosk {number + 1} answered {(int)enrolled.StatusCode}");
        return kiosk;
    }

    /// <summary>
    /// One family at one kiosk up to VALIDER: « Scanner ma carte » (page, then the card's token, as a USB
    /// reader types it), the « Fiche de présence »; returns VALIDER's request with its 4 members ticked.
    /// </summary>
    private static async Task<HttpRequestMessage> PrepareCheckInAsync(TestClient kiosk, Family family)
    {
        var card = await kiosk.GetPageAsync("/ludotheque/borne/carte");
        using var signedIn = await kiosk.Http.PostAsync("/ludotheque/borne/carte", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TestClient.AntiforgeryToken(card),
            ["Token"] = family.Card,
        }));
        if (signedIn.Headers.Location?.OriginalString != "/ludotheque/borne/famille")
            throw new InvalidOperationException($"the card was refused: {(int)signedIn.StatusCode} {signedIn.Headers.Location}");
        var page = await kiosk.GetPageAsync("/ludotheque/borne/famille");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", TestClient.AntiforgeryToken(page)),
            new("ticket", WebUtility.HtmlDecode(TicketRegex().Match(page).Groups[1].Value)),
            new("checkInId", Guid.NewGuid().ToString()),
        };
        fields.AddRange(family.Persons.Select(p => new KeyValuePair<string, string>("personIds", p.ToString())));
        // Where kiosk.js sends it: the form's data-checkin-url.
        var validate = new HttpRequestMessage(HttpMethod.Post, WebUtility.HtmlDecode(SendUrlRegex().Match(page).Groups[1].Value)) { Content = new FormUrlEncodedContent(fields) };
        validate.Headers.Add("Accept", "application/json");
        return validate;
    }

    /// <summary>VALIDER, timed from the request sent to the answer read (as kiosk.js sends it: form fields, JSON answer).</summary>
    private static async Task<double> ValidateAsync(TestClient kiosk, HttpRequestMessage validate)
    {
        var (elapsed, status, body) = await SendTimedAsync(kiosk, validate);
        if (status != HttpStatusCode.OK)
            throw new InvalidOperationException($"VALIDER answered {(int)status}: {body}");
        return elapsed;
    }

    private static async Task<(double Milliseconds, HttpStatusCode Status, string Body)> SendTimedAsync(TestClient kiosk, HttpRequestMessage sent)
    {
        using var request = sent;
        var watch = Stopwatch.StartNew();
        using var answer = await kiosk.Http.SendAsync(request);
        var body = await answer.Content.ReadAsStringAsync();
        return (watch.Elapsed.TotalMilliseconds, answer.StatusCode, body);
    }

    /// <summary>The same three requests before VALIDER, on the trivial endpoint.</summary>
    private static async Task<HttpRequestMessage> PrepareTrivialAsync(TestClient kiosk)
    {
        for (var i = 0; i < 3; i++)
            (await kiosk.Http.SendAsync(new HttpRequestMessage(i == 1 ? HttpMethod.Post : HttpMethod.Get, Trivial))).Dispose();
        return new HttpRequestMessage(HttpMethod.Post, Trivial);
    }

    private static async Task<double> TrivialAsync(TestClient kiosk, HttpRequestMessage last) => (await SendTimedAsync(kiosk, last)).Milliseconds;

    private sealed record Load(List<double> Times, int Errors, double Seconds)
    {
        public string Describe(string what) => FormattableString.Invariant(
            $"{what} median {Percentile(Times, 0.5):F1} ms, p95 {Percentile(Times, 0.95):F1} ms, max {Times.Max():F1} ms, {Seconds:F1} s in all");
    }

    /// <summary>
    /// Rounds of T families: in each, every kiosk gets its family to the family page at the same time,
    /// then, once all are there, the T kiosks send VALIDER at the same instant — every VALIDER waits
    /// behind the T − 1 others, the most a VALIDER can meet with T kiosks.
    /// </summary>
    private static async Task<Load> RunRoundsAsync(int tablets, IReadOnlyList<Family> households,
        Func<int, Family, Task<HttpRequestMessage>> prepare, Func<int, HttpRequestMessage, Task<double>> timed, CpuMeter? timedCpu = null)
    {
        var times = new List<double>();
        var errors = new Errors();
        var total = Stopwatch.StartNew();
        for (var first = 0; first < households.Count; first += tablets)
        {
            var round = households.Skip(first).Take(tablets).ToList();
            var requests = await Task.WhenAll(round.Select((f, k) => Task.Run(() => prepare(k, f))));
            timedCpu?.Resume();
            var answers = await Task.WhenAll(requests.Select((r, k) => Task.Run(() => errors.TimeAsync(() => timed(k, r)))));
            timedCpu?.Pause();
            times.AddRange(answers.OfType<double>());
        }
        return new Load(times, errors.Count, total.Elapsed.TotalSeconds);
    }

    /// <summary>T workers (worker k drives kiosk k) take the families one by one from a shared queue; each call returns the milliseconds it timed.</summary>
    private static async Task<Load> RunLoadAsync(int tablets, IReadOnlyList<Family> households, Func<int, Family, Task<double>> call)
    {
        var next = -1;
        var times = new System.Collections.Concurrent.ConcurrentBag<double>();
        var errors = new Errors();
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, tablets).Select(k => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < households.Count)
                if (await errors.TimeAsync(() => call(k, households[i])) is { } elapsed)
                    times.Add(elapsed);
        })));
        return new Load([.. times], errors.Count, total.Elapsed.TotalSeconds);
    }

    /// <summary>The errors of one load: a failed call is counted and printed, and the load goes on.</summary>
    private sealed class Errors
    {
        private int _count;

        public int Count => _count;

        /// <summary>The milliseconds the call timed, or null when it failed.</summary>
        public async Task<double?> TimeAsync(Func<Task<double>> call)
        {
            try
            {
                return await call();
            }
            catch (Exception ex)
            {
                Interlocked.Increment(ref _count);
                Console.Error.WriteLine("  error: " + ex.GetType().Name + ": " + ex.Message);
                return null;
            }
        }
    }

    private static async Task BaselineInsertAsync(NpgsqlDataSource dataSource, Guid tenant, Guid slot, Family family, DateTime arrived)
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

    /// <summary>F families of 4, each with its printed QR card.</summary>
    private static async Task<List<Family>> SeedAsync(BenchApp bench, Guid structure, int families) =>
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
                    var person = new Person(name.Split(' ')[0], FrenchData.FemaleNames[(f + m) % FrenchData.FemaleNames.Length] + f.ToString(CultureInfo.InvariantCulture),
                        new DateOnly(1980 + m * 9, 1 + f % 12, 1 + m), new DateOnly(2024, 9, 1)) { HouseholdId = household.Id, CreatedAtUtc = DateTime.UtcNow };
                    db.Add(person);
                    ids[m] = person.Id;
                }
                list.Add((household.Id, ids));
            }
            await db.SaveChangesAsync();
            // Each card is saved on its own: with the persons still tracked, every save would scan them all.
            db.ChangeTracker.Clear();
            var cards = sp.GetRequiredService<FamilyCardService>();
            var seeded = new List<Family>();
            foreach (var (household, persons) in list)
                seeded.Add(new Family(household, persons, await cards.IssueAsync(household)));
            return seeded;
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

    [GeneratedRegex("name=\"ticket\" value=\"([^\"]+)\"")]
    private static partial Regex TicketRegex();

    [GeneratedRegex("data-checkin-url=\"([^\"]+)\"")]
    private static partial Regex SendUrlRegex();
}
