using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.Platform.Domain;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CentresConnectes.Platform.Application;

public sealed record CreateStructureCommand(string? Name, string? ContactEmail, string? ContactPhone, string? AdminEmail, string? AdminName);

public sealed record StructureResult(Guid Id, bool InvitationSent);

public sealed record StructureSummary(Guid Id, string Name, string Slug, string? ContactEmail, string? ContactPhone, bool IsActive,
    DateTime CreatedAtUtc, int Accounts, IReadOnlyDictionary<string, int> Usage);

/// <summary>
/// Structures (tenants) as the super-admin manages them. The whole service is host-level:
/// its endpoints and pages need the host-only permission <see cref="PlatformPermissions.Structures"/>.
/// </summary>
public sealed class StructureService(
    AppDbContext db,
    UserManager<AppUser> users,
    AccountService accounts,
    IEventPublisher events,
    IAuditLog audit,
    IEnumerable<IStructureUsageContributor> usageContributors,
    TimeProvider clock,
    KioskDeviceCache kioskDevices,
    ILogger<StructureService> logger)
{
    public async Task<IReadOnlyList<StructureSummary>> ListAsync(CancellationToken ct = default)
    {
        // cross-tenant: the super-admin's overview counts every structure's accounts and usage, each apart
        // (test: The_host_overview_counts_each_structures_persons_apart)
        var accountCounts = await db.Users.Where(u => u.TenantId != null)
            .GroupBy(u => u.TenantId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var usage = new List<(string Label, IReadOnlyDictionary<Guid, int> Counts)>();
        foreach (var contributor in usageContributors)
            usage.Add((contributor.Label, await contributor.CountAsync(ct)));

        var structures = await db.Structures.AsNoTracking().OrderBy(s => s.Name).ToListAsync(ct);
        return structures.Select(s => new StructureSummary(s.Id, s.Name, s.Slug, s.ContactEmail, s.ContactPhone, s.IsActive, s.CreatedAtUtc,
                accountCounts.GetValueOrDefault(s.Id),
                usage.ToDictionary(u => u.Label, u => u.Counts.GetValueOrDefault(s.Id))))
            .ToList();
    }

    public async Task<Structure> GetAsync(Guid id, CancellationToken ct = default) =>
        await db.Structures.SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw new EntityNotFoundException("Structure", id);

    public async Task<StructureResult> CreateAsync(CreateStructureCommand command, CancellationToken ct = default)
    {
        var name = Fields.Required(command.Name, "Nom de la structure", 200);
        var adminEmail = Fields.Email(command.AdminEmail, "E-mail de l'administrateur");
        var adminName = Fields.Required(command.AdminName, "Nom de l'administrateur", 200);
        var contactEmail = Fields.OptionalEmail(command.ContactEmail, "E-mail de contact");
        var contactPhone = Fields.Optional(command.ContactPhone, "Téléphone de contact", 32);
        // Any structure's account: only the super-admin creates structures, and sees them all anyway.
        if ((await users.AccountsWithEmailAsync(adminEmail, ct)).Count > 0)
            throw new BusinessException("Un compte existe déjà avec cette adresse e-mail : choisissez-en une autre pour l'administrateur.");
        if (await db.Structures.AnyAsync(s => s.Name == name, ct))
            throw new BusinessException($"Une structure s'appelle déjà « {name} ».");

        var now = clock.GetUtcNow().UtcDateTime;
        var structure = new Structure(name, await UniqueSlugAsync(Validation.Slugify(name), ct), contactEmail, contactPhone, now);
        var admin = new AppUser { UserName = adminEmail, Email = adminEmail, DisplayName = adminName, TenantId = structure.Id, CreatedAtUtc = now };

        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            db.Structures.Add(structure);
            await db.SaveChangesAsync(ct);
            IdentityResults.ThrowIfFailed(await users.CreateAsync(admin));
            IdentityResults.ThrowIfFailed(await users.AddToRoleAsync(admin, Roles.Admin));
            audit.Record("Structure créée", "Structure", structure.Id.ToString(), $"{structure.Name} ; administrateur {adminEmail}");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        // After the commit: handlers (the modules seeding their lists) see a structure that exists for
        // every connection, and a handler's failure cannot undo the structure and its admin.
        await events.PublishAsync(new StructureCreated(structure.Id, structure.Name), ct);

        return new StructureResult(structure.Id, await TrySendInvitationAsync(admin, ct));
    }

    public async Task<bool> ResendInvitationAsync(Guid structureId, CancellationToken ct = default)
    {
        var structure = await GetAsync(structureId, ct);
        var admin = await FirstActiveAdminAsync(db, structure.Id, ct);
        return await TrySendInvitationAsync(admin, ct);
    }

    /// <summary>
    /// The structure's first active administrator (the oldest account): who gets the invitation again,
    /// and whom the super-admin acts as when entering the structure. One rule, in one place.
    /// </summary>
    internal static async Task<AppUser> FirstActiveAdminAsync(AppDbContext db, Guid structureId, CancellationToken ct) =>
        await db.Users.Where(u => u.TenantId == structureId && u.IsActive)
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin)))
            .OrderBy(u => u.CreatedAtUtc).ThenBy(u => u.Id).FirstOrDefaultAsync(ct)
        ?? throw new BusinessException("Cette structure n'a aucun administrateur actif.");

    public async Task UpdateAsync(Guid id, string? name, string? contactEmail, string? contactPhone, CancellationToken ct = default)
    {
        var structure = await GetAsync(id, ct);
        var newName = Fields.Required(name, "Nom de la structure", 200);
        if (await db.Structures.AnyAsync(s => s.Name == newName && s.Id != id, ct))
            throw new BusinessException($"Une structure s'appelle déjà « {newName} ».");
        var oldName = structure.Name;
        structure.Rename(newName);
        structure.ContactEmail = Fields.OptionalEmail(contactEmail, "E-mail de contact");
        structure.ContactPhone = Fields.Optional(contactPhone, "Téléphone de contact", 32);
        audit.Record("Structure modifiée", "Structure", id.ToString(), oldName == newName ? newName : $"{oldName} → {newName}");
        await db.SaveChangesAsync(ct);
    }

    public async Task SetActiveAsync(Guid id, bool active, CancellationToken ct = default)
    {
        var structure = await GetAsync(id, ct);
        if (active) structure.Reactivate(); else structure.Suspend();
        audit.Record(active ? "Structure réactivée" : "Structure suspendue", "Structure", id.ToString(), structure.Name);
        // The session validator reads the structure's state on every request: sessions end at once; its kiosks are read again too.
        await db.SaveChangesAsync(ct);
        kioskDevices.ForgetStructure(id);
    }

    private async Task<bool> TrySendInvitationAsync(AppUser admin, CancellationToken ct)
    {
        try
        {
            await accounts.SendInvitationAsync(admin, ct);
            return true;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Invitation e-mail for user {UserId} could not be sent", admin.Id);
            return false;
        }
    }

    private async Task<string> UniqueSlugAsync(string slug, CancellationToken ct)
    {
        var candidate = slug;
        for (var i = 2; await db.Structures.AnyAsync(s => s.Slug == candidate, ct); i++)
            candidate = $"{slug}-{i}";
        return candidate;
    }
}
