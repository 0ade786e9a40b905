using System.Diagnostics;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CentresConnectes.Platform.Application;

/// <summary>
/// Every night, the database's planner statistics are refreshed (<c>ANALYZE</c>). PostgreSQL's
/// autovacuum does it too, but SQLite never does on its own, and without statistics its planner picks
/// the wrong index for the figures: a year's statistics then read every presence of the structure
/// through the person index (72 s for a million presences) instead of the year's slots and their
/// presences (a fraction of a second) — docs/performance.md, stats-1m. Also run at start when SQLite
/// has never been analysed (an upgraded installation with its data already there). A full ANALYZE, not
/// <c>PRAGMA optimize</c>: the sampled statistics the pragma collects keep the wrong plan.
/// </summary>
public sealed class PlannerStatisticsJob(AppDbContext db, ILogger<PlannerStatisticsJob> logger) : IRecurringJob
{
    public async Task RunAsync(CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        // tenant-filtered: no table data read or written (the planner's statistics of every table).
        await db.Database.ExecuteSqlRawAsync("ANALYZE;", ct);
        logger.LogInformation("Planner statistics refreshed in {Elapsed} ms", (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>Whether SQLite has statistics at all (its sqlite_stat1 table is created by the first ANALYZE).</summary>
    public async Task<bool> NeverRunOnSqliteAsync(CancellationToken ct = default)
    {
        if (db.Provider != DatabaseProvider.Sqlite)
            return false;
        // tenant-filtered: the database's own catalogue, no table data.
        var tables = await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE name = 'sqlite_stat1'").SingleAsync(ct);
        return tables == 0;
    }
}
