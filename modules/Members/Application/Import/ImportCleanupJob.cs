using CentresConnectes.Members.Domain;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CentresConnectes.Members.Application.Import;

/// <summary>
/// Every hour, in every structure: an uploaded file left at the preview (never confirmed nor cancelled)
/// is deleted after <see cref="PendingRetention"/> — it holds personal data nobody is going to import;
/// an import still « en cours » after <see cref="StuckAfter"/> (the server stopped in the middle of it)
/// is marked failed, its file deleted, so its user is told instead of waiting. Retention stated in the
/// manual (5.7).
/// </summary>
public sealed class ImportCleanupJob(AppDbContext db, TimeProvider clock, ILogger<ImportCleanupJob> logger) : IRecurringJob
{
    public static readonly TimeSpan PendingRetention = TimeSpan.FromHours(24);
    public static readonly TimeSpan StuckAfter = TimeSpan.FromHours(6);

    public const string StuckMessage = "L'import a été interrompu (le serveur s'est arrêté pendant l'écriture) : vérifiez la liste des adhérents, puis relancez l'import avec le fichier si des personnes manquent.";

    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var abandonedBefore = now - PendingRetention;
        var stuckBefore = now - StuckAfter;
        // cross-tenant: housekeeping of every structure's import sessions by age only, no data read or moved between structures. (test: Abandoned_import_files_and_stuck_imports_are_cleaned_in_every_structure)
        var sessions = db.Set<ImportSession>().IgnoreQueryFilters([AppDbContext.TenantFilter]);
        var deleted = await sessions.Where(s => s.Status == ImportStatus.Pending && s.CreatedAtUtc < abandonedBefore).ExecuteDeleteAsync(ct);
        var failed = await sessions.Where(s => s.Status == ImportStatus.Running && s.CreatedAtUtc < stuckBefore)
            .ExecuteUpdateAsync(u => u
                .SetProperty(s => s.Status, ImportStatus.Failed)
                .SetProperty(s => s.Message, StuckMessage)
                .SetProperty(s => s.CompletedAtUtc, now)
                .SetProperty(s => s.Content, (byte[]?)null), ct);
        if (deleted + failed > 0)
            logger.LogInformation("Import clean-up: {Deleted} abandoned file(s) deleted, {Failed} interrupted import(s) marked failed", deleted, failed);
    }
}
