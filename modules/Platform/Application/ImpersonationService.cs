using System.Globalization;
using System.Security.Claims;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.Platform.Domain;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.Platform.Application;

/// <summary>
/// "Act as": the super-admin enters a structure as its administrator; a structure admin acts on a
/// family's account. Time-limited, never chained, with a way back; the impersonator is written on
/// every audit entry made meanwhile.
/// </summary>
public sealed class ImpersonationService(
    AppDbContext db,
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    ICurrentUser currentUser,
    ICurrentTenant currentTenant,
    IAuditLog audit,
    IHttpContextAccessor http,
    TimeProvider clock)
{
    public static readonly TimeSpan Duration = TimeSpan.FromHours(1);

    /// <summary>The super-admin works inside a structure, as its first active administrator.</summary>
    public async Task EnterStructureAsync(Guid structureId, CancellationToken ct = default)
    {
        if (!currentUser.IsSuperAdmin || currentTenant.Id is not null)
            throw new BusinessException("Seul le super-administrateur peut entrer dans une structure.");
        var structure = await db.Structures.SingleOrDefaultAsync(s => s.Id == structureId, ct)
            ?? throw new EntityNotFoundException("Structure", structureId);
        if (!structure.IsActive)
            throw new BusinessException("Cette structure est suspendue : réactivez-la avant d'y entrer.");
        var admin = await StructureService.FirstActiveAdminAsync(db, structureId, ct);
        await StartAsync(admin, ct);
    }

    /// <summary>A structure admin acts on an account of their own structure holding the Famille role.</summary>
    public async Task ActAsFamilyAsync(Guid familyUserId, CancellationToken ct = default)
    {
        var tenantId = currentTenant.Id ?? throw new BusinessException("Choisissez d'abord une structure.");
        if (!currentUser.HasPermission(PlatformPermissions.ImpersonateFamily))
            throw new BusinessException("Vous n'avez pas le droit d'agir pour une famille.");
        var target = await db.Users.SingleOrDefaultAsync(u => u.Id == familyUserId && u.TenantId == tenantId && u.IsActive, ct)
            ?? throw new EntityNotFoundException("Compte", familyUserId);
        if (!await users.IsInRoleAsync(target, Roles.Famille))
            throw new EntityNotFoundException("Compte", familyUserId);
        await StartAsync(target, ct);
    }

    /// <summary>
    /// Back to the impersonator's own session — only if their account is still active and its
    /// security stamp is the one the impersonation began with; otherwise signed out. The session
    /// keeps its original sign-in time: coming back does not extend the absolute lifetime.
    /// </summary>
    public async Task StopAsync(CancellationToken ct = default)
    {
        var impersonatorId = currentUser.ImpersonatorId ?? throw new BusinessException("Vous n'agissez pour personne.");
        var principal = http.HttpContext?.User;
        var stamp = principal?.FindFirst(PlatformClaims.ImpersonatorSecurityStamp)?.Value;
        var started = principal?.FindFirst(PlatformClaims.SessionStartedUtc)?.Value;
        var impersonator = await users.FindByIdAsync(impersonatorId.ToString());
        audit.Record("Fin d'intervention pour un compte", "Compte", currentUser.Id?.ToString(), currentUser.DisplayName);
        await db.SaveChangesAsync(ct);
        if (impersonator is null || !impersonator.IsActive || stamp is null || impersonator.SecurityStamp != stamp || started is null)
        {
            await signIn.SignOutAsync();
            return;
        }
        await signIn.SignInWithClaimsAsync(impersonator, isPersistent: false, [new Claim(PlatformClaims.SessionStartedUtc, started)]);
    }

    private async Task StartAsync(AppUser target, CancellationToken ct)
    {
        if (currentUser.IsImpersonated)
            throw new BusinessException("Revenez d'abord à votre propre compte avant d'agir pour un autre.");
        var impersonatorId = currentUser.Id ?? throw new BusinessException("Connectez-vous d'abord.");
        var impersonatorName = currentUser.RecordedName;
        var impersonator = await users.FindByIdAsync(impersonatorId.ToString()) ?? throw new BusinessException("Connectez-vous d'abord.");
        var started = http.HttpContext?.User.FindFirst(PlatformClaims.SessionStartedUtc)?.Value
            ?? throw new BusinessException("Connectez-vous d'abord.");

        // cross-tenant: the super-admin (host level) writes the entry in the target's structure so its
        // admin sees who came in, there and nowhere else (test: The_super_admin_enters_a_structure_acts_as_its_admin_is_audited_and_comes_back)
        using (currentTenant.Change(target.TenantId))
        {
            db.AuditEntries.Add(new AuditEntry(target.TenantId, target.Id, target.ShownName, impersonatorId, impersonatorName,
                "Intervention pour un compte", "Compte", target.Id.ToString(), target.DisplayName, clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(ct);
        }

        var expires = clock.GetUtcNow().Add(Duration).ToString("O", CultureInfo.InvariantCulture);
        await signIn.SignInWithClaimsAsync(target, isPersistent: false,
        [
            new Claim(PlatformClaims.ImpersonatorId, impersonatorId.ToString()),
            new Claim(PlatformClaims.ImpersonatorName, impersonatorName),
            new Claim(PlatformClaims.ImpersonationExpiresUtc, expires),
            new Claim(PlatformClaims.ImpersonatorSecurityStamp, impersonator.SecurityStamp ?? ""),
            // The impersonation lives within the impersonator's own session lifetime.
            new Claim(PlatformClaims.SessionStartedUtc, started),
        ]);
    }
}
