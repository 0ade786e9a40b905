using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.Platform.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.Platform.Application;

/// <summary>
/// First run: while no super-admin exists the setup page creates one (no default password
/// anywhere). Scripted installs give <c>Setup:SuperAdminEmail</c> and <c>Setup:SuperAdminPassword</c>.
/// </summary>
public sealed class SetupService(AppDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    public async Task<bool> IsRequiredAsync(CancellationToken ct = default) => !await db.Installations.AnyAsync(ct);

    public async Task<IdentityResult> CompleteAsync(string? email, string? displayName, string? password, CancellationToken ct = default)
    {
        var address = Fields.Email(email);
        var name = Fields.Required(displayName, "Nom", 200);
        var now = clock.GetUtcNow().UtcDateTime;
        var user = new AppUser { UserName = address, Email = address, EmailConfirmed = true, DisplayName = name, CreatedAtUtc = now };

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The fixed key makes a second, concurrent setup fail here.
        db.Installations.Add(new Installation { CompletedAtUtc = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new BusinessException("L'installation a déjà été faite : connectez-vous.");
        }
        var result = await users.CreateAsync(user, password ?? "");
        if (!result.Succeeded)
            return result; // the transaction is rolled back on dispose: nothing half-written
        IdentityResults.ThrowIfFailed(await users.AddToRoleAsync(user, Roles.SuperAdmin));
        db.AuditEntries.Add(new AuditEntry(null, user.Id, user.UserName, null, null, "Installation terminée", "Compte", user.Id.ToString(), null, now));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return result;
    }
}
