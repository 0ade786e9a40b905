using CentresConnectes.IntegrationTests.Infrastructure;
using CentresConnectes.Platform.Application;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CentresConnectes.IntegrationTests;

/// <summary>
/// The nightly job gives the planner its statistics: without them SQLite reads every presence of a
/// structure for a year's figures (docs/performance.md, stats-1m). Statistics are not data: the job
/// reads and moves nothing between structures.
/// </summary>
public abstract class PlannerStatisticsTests(AppFactory app) : AppTest(app)
{
    [Fact]
    public async Task The_nightly_job_refreshes_the_planner_statistics_and_is_scheduled()
    {
        // A table of its own, never analysed, so that only the job can give it statistics.
        var table = "cc_planner_probe_" + Guid.NewGuid().ToString("N")[..8];
        await App.DbAsync(null, async db =>
        {
            await db.Database.ExecuteSqlRawAsync($"CREATE TABLE {table} (x integer NOT NULL); CREATE INDEX ix_{table} ON {table} (x);");
            return await db.Database.ExecuteSqlRawAsync($"INSERT INTO {table} (x) VALUES (1), (2), (3), (4), (5);");
        });
        try
        {
            (await StatisticsRowsAsync(table)).ShouldBe(-1, "no statistics before the job");
            await App.InScopeAsync(null, sp => sp.GetRequiredService<PlannerStatisticsJob>().RunAsync(CancellationToken.None));
            (await StatisticsRowsAsync(table)).ShouldBe(5);
        }
        finally
        {
            await App.DbAsync(null, db => db.Database.ExecuteSqlRawAsync($"DROP TABLE {table};"));
        }
        // The start-up ran it already on SQLite (statistics exist), and the job is declared to the scheduler.
        (await App.InScopeAsync(null, sp => sp.GetRequiredService<PlannerStatisticsJob>().NeverRunOnSqliteAsync())).ShouldBeFalse();
        var jobs = new RecurringJobBuilder();
        foreach (var module in App.Services.GetRequiredService<IReadOnlyList<IModule>>())
            module.ConfigureJobs(jobs);
        jobs.Jobs.ShouldContain(j => j.JobType == typeof(PlannerStatisticsJob));
    }

    /// <summary>The row count the planner knows for the table: -1 when it has no statistics.</summary>
    private Task<int> StatisticsRowsAsync(string table) => App.DbAsync(null, async db => Provider == DatabaseProvider.Sqlite
        // sqlite_stat1 says « rows [rows per key…] » per index; no line before the first ANALYZE.
        ? (await db.Database.SqlQueryRaw<string>($"SELECT stat AS \"Value\" FROM sqlite_stat1 WHERE tbl = '{table}'").ToListAsync()) is [var stat, ..]
            ? int.Parse(stat.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) : -1
        // reltuples is -1 until the table is first analysed (PostgreSQL 14+), updated in the catalogue by ANALYZE.
        : (int)await db.Database.SqlQueryRaw<float>($"SELECT reltuples AS \"Value\" FROM pg_class WHERE relname = '{table}'").SingleAsync());
}

[Collection(Apps.Sqlite)]
public sealed class PlannerStatisticsTestsOnSqlite(SqliteApp app) : PlannerStatisticsTests(app);

[Collection(Apps.PostgreSql)]
public sealed class PlannerStatisticsTestsOnPostgreSql(PostgreSqlApp app) : PlannerStatisticsTests(app);
