using CentresConnectes.Platform.Application;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;

namespace CentresConnectes.Platform.Areas.Platform.Pages.Admin;

[RequirePermission(PlatformPermissions.HostAuditLog)]
public sealed class HostAuditLogModel(AuditQueryService audit) : AppPageModel
{
    public Page<AuditEntryView> Entries { get; private set; } = new([], 1, 50, 0);

    public async Task OnGetAsync(int? p, CancellationToken ct) => Entries = await audit.ListAsync(p ?? 1, 50, ct);
}
