using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.Platform.Infrastructure;
using CentresConnectes.SmsAlerts.Contracts;
using CentresConnectes.SmsAlerts.Domain;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.SmsAlerts.Areas.SmsAlerts.Pages;

/// <summary>The Journal provider's messages (demo and local install: recorded here instead of being sent).</summary>
[RequirePermission(SmsAlertsPermissions.Read)]
public sealed class JournalModel(AppDbContext db) : AppPageModel
{
    public const int PageSize = 50;
    public IReadOnlyList<JournalEntry> Entries { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; }

    public async Task OnGetAsync(int? p, CancellationToken ct)
    {
        PageNumber = Math.Max(1, p ?? 1);
        Total = await db.Set<JournalEntry>().CountAsync(ct);
        Entries = await db.Set<JournalEntry>().AsNoTracking().OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
    }
}
