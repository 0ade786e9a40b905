namespace CentresConnectes.Platform.Contracts;

/// <summary>
/// Records who did what, in which structure (and on whose behalf). <see cref="Record"/> adds the
/// entry to the current unit of work so it commits with the change it describes.
/// </summary>
public interface IAuditLog
{
    void Record(string action, string? entityType = null, string? entityId = null, string? details = null);

    Task WriteAsync(string action, string? entityType = null, string? entityId = null, string? details = null, CancellationToken ct = default);

    /// <summary>
    /// For work done on someone's behalf without their request (a background job): the actor and any
    /// impersonator are the ones captured when the work was asked for.
    /// </summary>
    void RecordFor(AuditActor actor, string action, string? entityType = null, string? entityId = null, string? details = null);
}

/// <summary>Who an audit entry names: the account, and the super-admin acting for it if any.</summary>
public sealed record AuditActor(Guid? UserId, string? UserName, Guid? ImpersonatorId = null, string? ImpersonatorName = null);
