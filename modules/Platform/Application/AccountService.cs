using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.Platform.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CentresConnectes.Platform.Application;

public enum SignInOutcome { Success, Invalid, LockedOut, Disabled }

/// <summary>Sign-in, password reset and change, invitations: the account operations every user has.</summary>
public sealed class AccountService(
    AppDbContext db,
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    IEmailSender email,
    AppUrls urls,
    IAuditLog auditLog,
    TimeProvider clock,
    ILogger<AccountService> logger)
{
    private AuditLog Audit => (AuditLog)auditLog;

    public async Task<SignInOutcome> SignInAsync(string? emailAddress, string? password, bool remember, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(emailAddress) || string.IsNullOrEmpty(password))
            return SignInOutcome.Invalid;
        var user = await users.FindByEmailAsync(emailAddress.Trim());
        if (user is null)
            return SignInOutcome.Invalid;
        if (!user.IsActive || !await StructureIsActiveAsync(user, ct))
        {
            Audit.RecordFor(user, "Connexion refusée", "Compte ou structure désactivé");
            await db.SaveChangesAsync(ct);
            return SignInOutcome.Disabled;
        }

        var result = await signIn.PasswordSignInAsync(user, password, remember, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            user.LastSignInAtUtc = clock.GetUtcNow().UtcDateTime;
            await users.UpdateAsync(user);
            Audit.RecordFor(user, "Connexion");
            await db.SaveChangesAsync(ct);
            return SignInOutcome.Success;
        }
        Audit.RecordFor(user, result.IsLockedOut ? "Compte verrouillé" : "Échec de connexion");
        await db.SaveChangesAsync(ct);
        return result.IsLockedOut ? SignInOutcome.LockedOut : SignInOutcome.Invalid;
    }

    public async Task SignOutAsync(CancellationToken ct = default)
    {
        await auditLog.WriteAsync("Déconnexion", ct: ct);
        await signIn.SignOutAsync();
    }

    /// <summary>Always behaves the same whether the address exists or not (no account enumeration).</summary>
    public async Task RequestPasswordResetAsync(string? emailAddress, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(emailAddress))
            return;
        var user = await users.FindByEmailAsync(emailAddress.Trim());
        if (user is null || !user.IsActive || !await StructureIsActiveAsync(user, ct))
            return;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = urls.Absolute(ResetLink(user.Id, token));
        Audit.RecordFor(user, "Demande de réinitialisation du mot de passe");
        await db.SaveChangesAsync(ct);
        try
        {
            await email.SendAsync(EmailTemplates.PasswordReset(user.Email!, user.DisplayName, link), ct);
        }
        catch (Exception ex)
        {
            // The answer to the visitor must not differ; the failure is for the operators.
            logger.LogError(ex, "Password reset e-mail for user {UserId} could not be sent", user.Id);
        }
    }

    /// <summary>
    /// A reset link for an account whose contact address a module keeps (a family account: its sign-in
    /// name is an identifiant, not a mailbox). The caller answers the same whether an account was found.
    /// </summary>
    public async Task SendAccessReminderAsync(Guid userId, string address, string identifiant, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || !user.IsActive || !await StructureIsActiveAsync(user, ct))
            return;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = urls.Absolute(ResetLink(user.Id, token));
        Audit.RecordFor(user, "Demande de réinitialisation du mot de passe");
        await db.SaveChangesAsync(ct);
        try
        {
            await email.SendAsync(EmailTemplates.AccessReminder(address, user.DisplayName, identifiant, link), ct);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Access reminder e-mail for user {UserId} could not be sent", user.Id);
        }
    }

    public async Task<IdentityResult> ResetPasswordAsync(Guid userId, string? token, string? newPassword, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || string.IsNullOrEmpty(token) || !user.IsActive)
            return IdentityResult.Failed(users.ErrorDescriber.InvalidToken());
        var result = await users.ResetPasswordAsync(user, token, newPassword ?? "");
        if (!result.Succeeded)
            return result;
        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        Audit.RecordFor(user, "Mot de passe défini");
        await db.SaveChangesAsync(ct);
        return result;
    }

    public async Task<IdentityResult> ChangePasswordAsync(Guid userId, string? current, string? newPassword, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new EntityNotFoundException("Compte", userId);
        var result = await users.ChangePasswordAsync(user, current ?? "", newPassword ?? "");
        if (result.Succeeded)
        {
            await signIn.RefreshSignInAsync(user);
            await auditLog.WriteAsync("Mot de passe modifié", "Compte", user.Id.ToString(), ct: ct);
        }
        return result;
    }

    /// <summary>Sends the set-password link to a new account (structure admin or staff).</summary>
    public async Task SendInvitationAsync(AppUser user, CancellationToken ct = default)
    {
        var structureName = user.TenantId is { } tenantId
            ? await db.Structures.Where(s => s.Id == tenantId).Select(s => s.Name).SingleAsync(ct)
            : "Centres Connectés";
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = urls.Absolute(ResetLink(user.Id, token));
        await email.SendAsync(EmailTemplates.Invitation(user.Email!, user.DisplayName, structureName, link), ct);
    }

    public static string ResetLink(Guid userId, string token) =>
        $"/definir-mot-de-passe?u={userId}&t={Uri.EscapeDataString(token)}";

    private Task<bool> StructureIsActiveAsync(AppUser user, CancellationToken ct) =>
        user.TenantId is { } tenantId ? db.Structures.AnyAsync(s => s.Id == tenantId && s.IsActive, ct) : Task.FromResult(true);
}
