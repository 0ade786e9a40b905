namespace CentresConnectes.Platform.Domain;

/// <summary>
/// One audited action. TenantId is null for host-level actions, so the entry is not an
/// <c>IMultiTenant</c> row: the audit service filters by structure explicitly.
/// Details never hold personal data beyond ids and names of accounts.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry() { }

    public AuditEntry(Guid? tenantId, Guid? userId, string? userName, Guid? impersonatorId, string? impersonatorName,
        string action, string? entityType, string? entityId, string? details, DateTime occurredAtUtc)
    {
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        UserId = userId;
        UserName = userName;
        ImpersonatorId = impersonatorId;
        ImpersonatorName = impersonatorName;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        Details = details;
        OccurredAtUtc = occurredAtUtc;
    }

    public Guid Id { get; private set; }
    public Guid? TenantId { get; private set; }
    public DateTime OccurredAtUtc { get; private set; }
    public Guid? UserId { get; private set; }
    public string? UserName { get; private set; }
    public Guid? ImpersonatorId { get; private set; }
    public string? ImpersonatorName { get; private set; }
    public string Action { get; private set; } = "";
    public string? EntityType { get; private set; }
    public string? EntityId { get; private set; }
    public string? Details { get; private set; }
}
