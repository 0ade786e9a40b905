using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.Platform.Domain;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.Platform.Application;

internal sealed class AuditLog(AppDbContext db, ICurrentUser user, ICurrentTenant tenant, TimeProvider clock) : IAuditLog
{
    public void Record(string action, string? entityType = null, string? entityId = null, string? details = null) =>
        RecordFor(new AuditActor(user.Id, user.UserName, user.ImpersonatorId, user.ImpersonatorName), action, entityType, entityId, details);

    public void RecordFor(AuditActor actor, string action, string? entityType = null, string? entityId = null, string? details = null) =>
        db.AuditEntries.Add(new AuditEntry(tenant.Id, actor.UserId, actor.UserName, actor.ImpersonatorId, actor.ImpersonatorName,
            action, entityType, entityId, Truncate(details), clock.GetUtcNow().UtcDateTime));

    public async Task WriteAsync(string action, string? entityType = null, string? entityId = null, string? details = null, CancellationToken ct = default)
    {
        Record(action, entityType, entityId, details);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>For actions whose actor is not (yet) the signed-in user: sign-in, password reset.</summary>
    internal void RecordFor(AppUser actor, string action, string? details = null, Guid? impersonatorId = null, string? impersonatorName = null) =>
        db.AuditEntries.Add(new AuditEntry(actor.TenantId, actor.Id, actor.ShownName, impersonatorId, impersonatorName,
            action, "Compte", actor.Id.ToString(), Truncate(details), clock.GetUtcNow().UtcDateTime));

    private static string? Truncate(string? details) => details is { Length: > 2000 } ? details[..2000] : details;
}

public sealed record AuditEntryView(DateTime OccurredAtUtc, string? StructureName, string? UserName, string? ImpersonatorName,
    string Action, string? EntityType, string? EntityId, string? Details)
{
    public string When => ParisTime.FormatDateTime(OccurredAtUtc);
}

/// <summary>
/// Reads the audit log: a structure admin sees their structure's entries only; the super-admin at
/// host level sees every structure's entries (the audit table is not tenant-filtered, see AuditEntry).
/// </summary>
public sealed class AuditQueryService(AppDbContext db, ICurrentTenant tenant, ICurrentUser user)
{
    public async Task<Page<AuditEntryView>> ListAsync(int page, int pageSize = 50, CancellationToken ct = default)
    {
        (page, pageSize, var skip) = Paging.Clamp(page, pageSize);
        var query = db.AuditEntries.AsNoTracking();
        if (tenant.Id is { } tenantId)
            query = query.Where(a => a.TenantId == tenantId);
        else if (!user.IsSuperAdmin)
            return new Page<AuditEntryView>([], page, pageSize, 0);

        var total = await query.CountAsync(ct);
        var items = await query
            .OrderByDescending(a => a.OccurredAtUtc).ThenByDescending(a => a.Id)
            .Skip(skip).Take(pageSize)
            .Select(a => new AuditEntryView(a.OccurredAtUtc,
                db.Structures.Where(s => s.Id == a.TenantId).Select(s => s.Name).FirstOrDefault(),
                a.UserName, a.ImpersonatorName, a.Action, a.EntityType, a.EntityId, a.Details))
            .ToListAsync(ct);
        return new Page<AuditEntryView>(items, page, pageSize, total);
    }
}
