using CentresConnectes.Platform.Contracts;
using Hangfire;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace CentresConnectes.Platform.Infrastructure;

/// <summary>Hangfire behind <see cref="IJobScheduler"/>: the current structure travels as the job's first argument.</summary>
internal sealed class HangfireJobScheduler(IBackgroundJobClient client, ICurrentTenant tenant) : IJobScheduler
{
    public string Enqueue<TJob>(string? argument = null) where TJob : class, ITenantJob =>
        client.Enqueue<TenantJobRunner<TJob>>(r => r.RunAsync(tenant.Id, argument, CancellationToken.None));

    public string Schedule<TJob>(DateTimeOffset at, string? argument = null) where TJob : class, ITenantJob =>
        client.Schedule<TenantJobRunner<TJob>>(r => r.RunAsync(tenant.Id, argument, CancellationToken.None), at);
}

/// <summary>Runs a tenant job inside the structure that asked for it.</summary>
public sealed class TenantJobRunner<TJob>(IServiceProvider services) where TJob : class, ITenantJob
{
    public async Task RunAsync(Guid? tenantId, string? argument, CancellationToken ct)
    {
        // cross-tenant: the structure restored is the one captured when the job was asked for. (test: A_reminder_due_during_the_outage_expires_instead_of_going_late)
        using (services.GetRequiredService<ICurrentTenant>().Change(tenantId))
            await services.GetRequiredService<TJob>().RunAsync(argument, ct);
    }
}

/// <summary>Runs a module's recurring job at host level.</summary>
public sealed class RecurringJobRunner<TJob>(TJob job) where TJob : class, IRecurringJob
{
    // One run at a time across instances (the job store's lock); an overlapping run is skipped.
    [DisableConcurrentExecution(timeoutInSeconds: 0)]
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(CancellationToken ct) => job.RunAsync(ct);
}

internal static class RecurringJobs
{
    /// <summary>Declares every module's recurring jobs in the job store (idempotent: one schedule per id).</summary>
    public static void Register(IServiceProvider services, IReadOnlyList<IModule> modules)
    {
        var builder = new RecurringJobBuilder();
        foreach (var module in modules)
            module.ConfigureJobs(builder);
        if (builder.Jobs.Count == 0)
            return;
        var manager = services.GetRequiredService<IRecurringJobManager>();
        var register = typeof(RecurringJobs).GetMethod(nameof(RegisterOne), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        foreach (var job in builder.Jobs)
            register.MakeGenericMethod(job.JobType).Invoke(null, [manager, job]);
    }

    private static void RegisterOne<TJob>(IRecurringJobManager manager, RecurringJobDefinition job) where TJob : class, IRecurringJob =>
        manager.AddOrUpdate<RecurringJobRunner<TJob>>(job.Id, r => r.RunAsync(CancellationToken.None), job.Cron);
}

internal sealed class StructureSecrets(IDataProtectionProvider protection, ICurrentTenant tenant) : IStructureSecrets
{
    private IDataProtector Protector => protection.CreateProtector("CentresConnectes.StructureSecrets", tenant.RequireId().ToString("N"));

    public string Protect(string plainText) => Protector.Protect(plainText);

    public string? Unprotect(string cipherText)
    {
        try
        {
            return Protector.Unprotect(cipherText);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
