using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.SmsAlerts.Data;
using CentresConnectes.SmsAlerts.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CentresConnectes.SmsAlerts.Application;

/// <summary>
/// Sends the due delivery rows of every structure. A run claims a batch in one statement
/// (PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c>, so instances racing take disjoint rows; SQLite: the
/// single writer makes the claiming UPDATE atomic), then works on each structure's rows in that
/// structure's own scope. The rows are the truth: a crash leaves claimed rows that the next run
/// releases (not yet sent) or marks « inconnu » (in flight at the crash).
/// </summary>
public sealed class DeliveryDispatcher(AppDbContext db, IServiceScopeFactory scopes, SmsDispatchOptions options, TimeProvider clock, ILogger<DeliveryDispatcher> logger)
{
    public const int DefaultBatch = 200;

    /// <summary>Claims and sends one batch; returns how many rows were claimed (0 = nothing due).</summary>
    public async Task<int> RunOnceAsync(int batchSize = DefaultBatch, CancellationToken ct = default)
    {
        await RecoverInterruptedAsync(ct);
        var token = Guid.NewGuid();
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await ClaimAsync(token, now, batchSize, ct);
        if (claimed == 0)
            return 0;
        await ProcessClaimAsync(token, ct);
        return claimed;
    }

    /// <summary>Runs batches until nothing is due or <paramref name="budget"/> is spent (the recurring job's run).</summary>
    public async Task<int> RunUntilIdleAsync(TimeSpan budget, int batchSize = DefaultBatch, CancellationToken ct = default)
    {
        var until = clock.GetUtcNow() + budget;
        var total = 0;
        while (clock.GetUtcNow() < until && !ct.IsCancellationRequested)
        {
            var n = await RunOnceAsync(batchSize, ct);
            if (n == 0)
                break;
            total += n;
        }
        return total;
    }

    /// <summary>Sends these rows of the current structure now (« Tester le rappel »), through the same claim and checks.</summary>
    public async Task DispatchNowAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default)
    {
        var token = Guid.NewGuid();
        var until = clock.GetUtcNow().UtcDateTime + options.ClaimLease;
        // tenant-filtered: the global filter applies to this LINQ update (current structure's rows only).
        var claimed = await db.Set<Delivery>().Where(d => ids.Contains(d.Id) && d.Status == DeliveryStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.InProgress).SetProperty(d => d.ClaimToken, token)
                .SetProperty(d => d.ClaimedUntilUtc, until), ct);
        if (claimed > 0)
            await ProcessClaimAsync(token, ct);
    }

    private async Task ProcessClaimAsync(Guid token, CancellationToken ct)
    {
        // cross-tenant: the claim spans structures; each structure's rows are then handled in its own scope. (test: Two_dispatchers_racing_send_each_recipient_exactly_once)
        var rows = await db.Set<Delivery>().IgnoreQueryFilters([AppDbContext.TenantFilter]).AsNoTracking()
            .Where(d => d.ClaimToken == token).Select(d => new { d.Id, d.TenantId }).ToListAsync(ct);
        foreach (var group in rows.GroupBy(r => r.TenantId))
        {
            await using var scope = scopes.CreateAsyncScope();
            // cross-tenant: the dispatcher works inside the structure that owns the rows. (test: Two_dispatchers_racing_send_each_recipient_exactly_once)
            using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(group.Key))
            {
                try
                {
                    await scope.ServiceProvider.GetRequiredService<TenantDispatch>().ProcessAsync(token, group.Select(r => r.Id).ToList(), ct);
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    // The rows stay claimed; their lease ends and the next run releases them.
                    logger.LogError(ex, "SMS dispatch failed for structure {TenantId}", group.Key);
                }
            }
        }
    }

    private async Task<int> ClaimAsync(Guid token, DateTime now, int batchSize, CancellationToken ct)
    {
        var until = now + options.ClaimLease;
        var t = SmsAlertsModel.DeliveriesTable;
        var lockClause = db.Provider == DatabaseProvider.PostgreSql ? "FOR UPDATE SKIP LOCKED" : "";
        // {0}…{4} are parameters; the table name and the status numbers are constants of this module.
        var sql = "UPDATE \"" + t + "\" SET \"Status\" = " + (int)DeliveryStatus.InProgress + ", \"ClaimToken\" = {0}, \"ClaimedUntilUtc\" = {1}, \"InFlight\" = {2} "
                  + "WHERE \"Id\" IN (SELECT \"Id\" FROM \"" + t + "\" WHERE \"Status\" = " + (int)DeliveryStatus.Pending + " AND \"NotBeforeUtc\" <= {3} "
                  + "ORDER BY \"NotBeforeUtc\" LIMIT {4} " + lockClause + ")";
        // cross-tenant: the job serves every structure's due rows; each row keeps its TenantId and is processed in its own structure. (test: Two_dispatchers_racing_send_each_recipient_exactly_once)
        return await db.Database.ExecuteSqlRawAsync(sql, [token, until, false, now, batchSize], ct);
    }

    /// <summary>Rows whose lease ended: not started → waiting again; started (in flight at a crash) → « inconnu », for the admin to check.</summary>
    private async Task RecoverInterruptedAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // cross-tenant: recovery after a crash covers every structure's rows (status only). (test: After_a_crash_rows_not_yet_handed_over_are_sent_and_rows_in_flight_are_unknown)
        var stale = db.Set<Delivery>().IgnoreQueryFilters([AppDbContext.TenantFilter])
            .Where(d => d.Status == DeliveryStatus.InProgress && d.ClaimedUntilUtc < now);
        // Campaigns whose last open rows end « inconnu » here would otherwise stay « en cours »: no later send looks at them.
        var touched = await stale.Where(d => d.InFlight && d.CampaignId != null).Select(d => new { d.TenantId, CampaignId = d.CampaignId!.Value }).Distinct().ToListAsync(ct);
        await stale.Where(d => d.InFlight).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Status, DeliveryStatus.Unknown).SetProperty(d => d.InFlight, false).SetProperty(d => d.ClaimToken, (Guid?)null)
            .SetProperty(d => d.FailureReason, "Interrompu pendant l'envoi (arrêt de l'application) : à vérifier chez le fournisseur."), ct);
        await stale.Where(d => !d.InFlight).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Status, DeliveryStatus.Pending).SetProperty(d => d.ClaimToken, (Guid?)null).SetProperty(d => d.ClaimedUntilUtc, (DateTime?)null), ct);
        foreach (var group in touched.GroupBy(t => t.TenantId))
        {
            await using var scope = scopes.CreateAsyncScope();
            // cross-tenant: the campaigns' statuses are refreshed inside the structure that owns them. (test: Killed_mid_send_and_restarted_the_app_finishes_and_no_recipient_gets_two_messages)
            using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(group.Key))
                await scope.ServiceProvider.GetRequiredService<TenantDispatch>().RefreshCampaignsAsync([.. group.Select(t => t.CampaignId)], ct);
        }
    }
}

/// <summary>
/// Runs the dispatcher every <see cref="SmsDispatchOptions.PollInterval"/> on this instance (when
/// set): the minute's recurring job stays the guarantee, this only shortens the wait.
/// </summary>
internal sealed class DispatchPoller(IServiceScopeFactory scopes, SmsDispatchOptions options, ILogger<DispatchPoller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.PollInterval is not { } interval)
            return;
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DeliveryDispatcher>().RunUntilIdleAsync(TimeSpan.FromSeconds(50), ct: stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be restarting: the next tick tries again.
                logger.LogError(ex, "SMS dispatch poll failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
