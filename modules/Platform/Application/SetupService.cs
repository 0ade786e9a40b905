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
public sealed class SetupService(AppDbContext db, UserManager<AppUser> users, PublicAddress publicAddress, TimeProvider clock)
{
    public async Task<bool> IsRequiredAsync(CancellationToken ct = default) => !await db.Installations.AnyAsync(ct);

    /// <param name="publicUrl">
    /// The address users reach the application at, confirmed by the person installing; required
    /// unless <c>App:PublicUrl</c> is configured (it then wins).
    /// </param>
    public async Task<IdentityResult> CompleteAsync(string? email, string? displayName, string? password, string? publicUrl = null, CancellationToken ct = default)
    {
        var address = Fields.Email(email);
        var name = Fields.Required(displayName, "Nom", 200);
        string? recordedUrl = null;
        if (publicAddress.Configured is null && publicUrl is not null)
            recordedUrl = PublicAddress.Normalize(publicUrl)
                ?? throw new BusinessException("L'adresse publique doit être une adresse web complète, par exemple https://centre-social.fr.");
        var now = clock.GetUtcNow().UtcDateTime;
        var user = new AppUser { UserName = address, Email = address, EmailConfirmed = true, DisplayName = name, CreatedAtUtc = now };

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The fixed key makes a second, concurrent setup fail here.
        db.Installations.Add(new Installation { CompletedAtUtc = now, PublicUrl = recordedUrl });
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
        if (recordedUrl is not null)
            publicAddress.Remember(recordedUrl);
        return result;
    }
}
