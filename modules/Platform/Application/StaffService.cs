using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.Platform.Domain;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CentresConnectes.Platform.Application;

public sealed record StaffAccount(Guid Id, string Email, string DisplayName, string Role, bool IsActive, DateTime CreatedAtUtc, DateTime? LastSignInAtUtc, bool HasPassword)
{
    public string RoleName => Roles.DisplayName(Role);
}

public sealed record InviteStaffCommand(string? Email, string? DisplayName, string? Role);

/// <summary>
/// Staff accounts of the current structure. Accounts are not tenant-filtered (sign-in must find
/// them), so every query here filters by the current structure explicitly; another structure's
/// account answers "not found".
/// </summary>
public sealed class StaffService(
    AppDbContext db,
    UserManager<AppUser> users,
    AccountService accounts,
    ICurrentTenant tenant,
    ICurrentUser currentUser,
    IAuditLog audit,
    TimeProvider clock,
    ILogger<StaffService> logger)
{
    private Guid TenantId => tenant.Id ?? throw new BusinessException("Choisissez d'abord une structure.");

    public async Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken ct = default)
    {
        var tenantId = TenantId;
        var staffRoles = Roles.Staff.ToArray();
        return await (from u in db.Users.AsNoTracking()
                      where u.TenantId == tenantId
                      from ur in db.UserRoles.Where(ur => ur.UserId == u.Id)
                      join r in db.Roles on ur.RoleId equals r.Id
                      where staffRoles.Contains(r.Name!)
                      orderby u.DisplayName
                      select new StaffAccount(u.Id, u.Email!, u.DisplayName, r.Name!, u.IsActive, u.CreatedAtUtc, u.LastSignInAtUtc, u.PasswordHash != null))
            .ToListAsync(ct);
    }

    public async Task<StaffAccount> GetAsync(Guid id, CancellationToken ct = default) =>
        (await ListAsync(ct)).SingleOrDefault(a => a.Id == id) ?? throw new EntityNotFoundException("Compte", id);

    private const string AlreadyInStructure = "Un compte existe déjà avec cette adresse e-mail dans votre structure.";

    public async Task<(Guid Id, bool InvitationSent)> InviteAsync(InviteStaffCommand command, CancellationToken ct = default)
    {
        var tenantId = TenantId;
        var email = Fields.Email(command.Email);
        var name = Fields.Required(command.DisplayName, "Nom", 200);
        var role = ValidRole(command.Role);
        // Unique within the structure only (ADR 0020): an address with an account in another structure is
        // invited like a new one, so the answer tells this structure's admin nothing about the others.
        if ((await users.AccountsWithEmailAsync(email, ct)).Any(u => u.TenantId == tenantId))
            throw new BusinessException(AlreadyInStructure);

        var user = new AppUser { DisplayName = name, TenantId = tenantId, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
        await users.NameAfterEmailAsync(user, email);
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            try
            {
                IdentityResults.ThrowIfFailed(await users.CreateAsync(user));
            }
            catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
            {
                // Two invitations of one address at the same instant: the (structure, e-mail) index keeps one.
                throw new BusinessException(AlreadyInStructure);
            }
            IdentityResults.ThrowIfFailed(await users.AddToRoleAsync(user, role));
            audit.Record("Compte créé", "Compte", user.Id.ToString(), $"{name} ({Roles.DisplayName(role)})");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        try
        {
            await accounts.SendInvitationAsync(user, ct);
            return (user.Id, true);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Invitation e-mail for user {UserId} could not be sent", user.Id);
            return (user.Id, false);
        }
    }

    public async Task<bool> ResendInvitationAsync(Guid id, CancellationToken ct = default)
    {
        var user = await FindOwnAsync(id, ct);
        try
        {
            await accounts.SendInvitationAsync(user, ct);
            return true;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Invitation e-mail for user {UserId} could not be sent", user.Id);
            return false;
        }
    }

    public async Task ChangeRoleAsync(Guid id, string? role, CancellationToken ct = default)
    {
        var newRole = ValidRole(role);
        var user = await FindOwnAsync(id, ct);
        if (user.Id == currentUser.Id && newRole != Roles.Admin)
            throw new BusinessException("Vous ne pouvez pas retirer votre propre rôle d'administrateur.");
        var current = (await users.GetRolesAsync(user)).Where(r => Roles.Staff.Contains(r)).ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        IdentityResults.ThrowIfFailed(await users.RemoveFromRolesAsync(user, current));
        IdentityResults.ThrowIfFailed(await users.AddToRoleAsync(user, newRole));
        // New roles take effect at once: the session validator compares this stamp on every request.
        await users.UpdateSecurityStampAsync(user);
        audit.Record("Rôle modifié", "Compte", user.Id.ToString(), $"{user.DisplayName} : {Roles.DisplayName(newRole)}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    public async Task SetActiveAsync(Guid id, bool active, CancellationToken ct = default)
    {
        var user = await FindOwnAsync(id, ct);
        if (user.Id == currentUser.Id && !active)
            throw new BusinessException("Vous ne pouvez pas désactiver votre propre compte.");
        user.IsActive = active;
        // A new stamp ends the account's open sessions; its API keys are revoked, so re-enabling the
        // account does not bring back keys that may have leaked with it.
        await users.UpdateSecurityStampAsync(user);
        var revoked = active ? 0 : await ApiKeyService.RevokeAllOfAsync(db, user.Id, clock.GetUtcNow().UtcDateTime, ct);
        await audit.WriteAsync(active ? "Compte réactivé" : "Compte désactivé", "Compte", user.Id.ToString(),
            revoked > 0 ? $"{user.DisplayName} ({revoked} clé(s) d'API révoquée(s))" : user.DisplayName, ct);
    }

    private async Task<AppUser> FindOwnAsync(Guid id, CancellationToken ct)
    {
        var tenantId = TenantId;
        return await db.Users.SingleOrDefaultAsync(u => u.Id == id && u.TenantId == tenantId, ct)
            ?? throw new EntityNotFoundException("Compte", id);
    }

    private static string ValidRole(string? role) =>
        Roles.Staff.FirstOrDefault(r => r == role) ?? throw new BusinessException("Choisissez un rôle : Administrateur, Animateur ou Travailleur social.");
}
