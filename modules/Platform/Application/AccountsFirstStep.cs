using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.Platform.Application;

/// <summary>« Premiers pas »: the team's accounts — done once the structure has an account besides its first administrator.</summary>
internal sealed class AccountsFirstStep(AppDbContext db, ICurrentTenant tenant) : IFirstStepsContributor
{
    public async Task<IReadOnlyList<FirstStep>> GetAsync(CancellationToken ct = default)
    {
        if (tenant.Id is not { } structureId)
            return [];
        // Accounts are host-owned rows carrying their structure: read by that id, the structure's only.
        var accounts = await db.Users.CountAsync(u => u.TenantId == structureId, ct);
        return [new FirstStep("Créer les comptes de l'équipe", "Un compte par personne : animateurs, travailleurs sociaux.",
            "/structure/comptes", PlatformPermissions.Staff, accounts > 1, 50)];
    }
}
