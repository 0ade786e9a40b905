using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.Platform.Infrastructure;
using CentresConnectes.SmsAlerts.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CentresConnectes.SmsAlerts.Application;

/// <summary>Every minute: sends what is due, for up to 50 s (the next run takes over).</summary>
public sealed class SmsDispatchJob(DeliveryDispatcher dispatcher) : IRecurringJob
{
    public Task RunAsync(CancellationToken ct) => dispatcher.RunUntilIdleAsync(TimeSpan.FromSeconds(50), ct: ct);
}

/// <summary>A campaign sent « now » does not wait for the next minute.</summary>
public sealed class SmsDispatchNowJob(DeliveryDispatcher dispatcher) : ITenantJob
{
    public Task RunAsync(string? argument, CancellationToken ct) => dispatcher.RunUntilIdleAsync(TimeSpan.FromSeconds(50), ct: ct);
}

/// <summary>Every hour: plans the next occurrence of each active reminder whose current one is over or done.</summary>
public sealed class ReminderPlanningJob(AppDbContext db, IServiceScopeFactory scopes) : IRecurringJob
{
    public async Task RunAsync(CancellationToken ct)
    {
        // cross-tenant: the job serves every structure that has active reminders (ids only). (test: A_reminder_due_during_the_outage_expires_instead_of_going_late)
        var tenants = await db.Set<Reminder>().IgnoreQueryFilters([AppDbContext.TenantFilter]).Where(r => r.IsActive)
            .Select(r => r.TenantId).Distinct().ToListAsync(ct);
        foreach (var tenantId in tenants)
        {
            await using var scope = scopes.CreateAsyncScope();
            // cross-tenant: planning happens inside the structure that owns the reminders. (test: A_reminder_due_during_the_outage_expires_instead_of_going_late)
            using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId))
                await scope.ServiceProvider.GetRequiredService<ReminderPlanning>().PlanDueAsync(ct);
        }
    }
}

/// <summary>The current structure's planning pass (also run by tests).</summary>
public sealed class ReminderPlanning(AppDbContext db, ReminderPlanner planner, Members.Contracts.IMemberDirectory members,
    IStructureBrandingProvider branding, ICurrentTenant tenant, TimeProvider clock)
{
    public async Task<int> PlanDueAsync(CancellationToken ct = default)
    {
        var today = ParisTime.Today(clock);
        var open = db.Set<ReminderOccurrence>().Where(o => o.Status == OccurrenceStatus.Planned && (o.WindowEnd ?? o.DueDate) >= today).Select(o => o.ReminderId);
        var reminders = await db.Set<Reminder>().Where(r => r.IsActive && !open.Contains(r.Id)).ToListAsync(ct);
        if (reminders.Count == 0)
            return 0;
        var persons = (await members.GetPersonsAsync(reminders.Select(r => r.PersonId).Distinct().ToList(), ct)).ToDictionary(p => p.Id);
        var structure = (await branding.GetAsync(tenant.RequireId(), ct))?.Name ?? "";
        var optOuts = await new RecipientRules(db).OptOutsAsync(ct);
        var planned = 0;
        foreach (var reminder in reminders)
        {
            if (persons.GetValueOrDefault(reminder.PersonId) is { IsAnonymised: false } person
                && await planner.PlanNextAsync(reminder, person, structure, optOuts, ct) is not null)
                planned++;
        }
        await db.SaveChangesAsync(ct);
        return planned;
    }
}
