namespace CentresConnectes.Platform.Contracts;

/// <summary>
/// A background job that works inside one structure. The scheduler captures the current structure
/// when the job is asked for and the runner restores it in the job's own scope, so jobs never call
/// <see cref="ICurrentTenant.Change"/> themselves.
/// </summary>
public interface ITenantJob
{
    Task RunAsync(string? argument, CancellationToken ct);
}

/// <summary>A job run on a schedule at host level (it decides itself which structures it serves).</summary>
public interface IRecurringJob
{
    Task RunAsync(CancellationToken ct);
}

/// <summary>Enqueues or schedules <see cref="ITenantJob"/>s in the current structure.</summary>
public interface IJobScheduler
{
    string Enqueue<TJob>(string? argument = null) where TJob : class, ITenantJob;

    string Schedule<TJob>(DateTimeOffset at, string? argument = null) where TJob : class, ITenantJob;
}

/// <summary>What a module declares in <see cref="IModule.ConfigureJobs"/>: its recurring jobs (run once across all instances).</summary>
public sealed class RecurringJobBuilder
{
    private readonly List<RecurringJobDefinition> _jobs = [];

    public IReadOnlyList<RecurringJobDefinition> Jobs => _jobs;

    /// <param name="id">Stable id (the job store keeps one schedule per id).</param>
    /// <param name="cron">Cron expression in UTC (e.g. "* * * * *" every minute).</param>
    public RecurringJobBuilder Add<TJob>(string id, string cron) where TJob : class, IRecurringJob
    {
        _jobs.Add(new RecurringJobDefinition(id, cron, typeof(TJob)));
        return this;
    }
}

public sealed record RecurringJobDefinition(string Id, string Cron, Type JobType);

/// <summary>
/// Secrets kept for the current structure (provider credentials), encrypted with ASP.NET Core data
/// protection under a purpose of their own per structure: one structure's cipher text does not
/// open in another.
/// </summary>
public interface IStructureSecrets
{
    string Protect(string plainText);

    /// <summary>The plain text, or null when the cipher text is not this structure's (or the keys were lost).</summary>
    string? Unprotect(string cipherText);
}
