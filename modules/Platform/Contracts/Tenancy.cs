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
