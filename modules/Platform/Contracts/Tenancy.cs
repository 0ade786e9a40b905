namespace CentresConnectes.Platform.Contracts;

/// <summary>
/// A row owned by one structure. The tenant filter hides other structures' rows and the
/// save interceptor stamps <see cref="TenantId"/>: code never sets it by hand.
/// </summary>
public interface IMultiTenant
{
    Guid TenantId { get; }
}

/// <summary>The structure the current request or job works in (null = host level).</summary>
public interface ICurrentTenant
{
    Guid? Id { get; }

    bool IsAvailable => Id.HasValue;

    /// <summary>The current structure, or a French refusal (a host-level user who has not entered one).</summary>
    Guid RequireId() => Id ?? throw new BusinessException("Choisissez d'abord une structure.");

    /// <summary>Works inside another structure until the returned scope is disposed (jobs, host operations).</summary>
    IDisposable Change(Guid? tenantId);
}

public interface ICurrentUser
{
    bool IsAuthenticated { get; }
    Guid? Id { get; }
    string? UserName { get; }
    string? DisplayName { get; }
    bool IsSuperAdmin { get; }
    Guid? ImpersonatorId { get; }
    string? ImpersonatorName { get; }
    bool IsImpersonated => ImpersonatorId.HasValue;
    /// <summary>How records name who made them (« Enregistré par »): the display name, else the account, else the application itself (a job).</summary>
    string RecordedName => DisplayName ?? UserName ?? "Application";
    bool HasPermission(string permission);
}

public sealed class CrossTenantWriteException(string message) : InvalidOperationException(message);

/// <summary>Thrown by application services for ids that do not exist in the current structure (→ 404).</summary>
public sealed class EntityNotFoundException(string entity, object? id = null)
    : Exception($"{entity} introuvable.")
{
    public string Entity { get; } = entity;
    public object? EntityId { get; } = id;
}

/// <summary>A user-facing refusal: the message is French and shown as is.</summary>
public sealed class BusinessException(string message) : Exception(message);

/// <summary>
/// Independent read-only queries run side by side, each in a scope of its own (its own context and
/// connection) working in the caller's structure: a page that needs several heavy counts (the
/// statistics of a period and of the one before) waits for the slowest, not for their sum.
/// </summary>
public interface ISideBySideQueries
{
    /// <summary>Starts <paramref name="query"/> on the thread pool in a new scope of the current structure; the services it uses must come from the provider it is given.</summary>
    Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> query, CancellationToken ct = default);
}
