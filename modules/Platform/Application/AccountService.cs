using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.Platform.Domain;
using CentresConnectes.Platform.Infrastructure;
using CentresConnectes.Platform.Infrastructure.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
    SignInLocks locks,
    FailureCounter failures,
    BackgroundWorkQueue background,
    IHttpContextAccessor http,
    TimeProvider clock,
    ILogger<AccountService> logger)
{
    /// <summary>What the sign-in page says for every refusal: it must not tell which part was wrong (ASVS 6.3).</summary>
    public const string SignInRefused = "Adresse e-mail ou mot de passe incorrect.";

    /// <summary>Reset e-mails one account may receive per quarter of an hour, whoever asks.</summary>
    private const int ResetMailsPerAccount = 3;

    private AuditLog Audit => (AuditLog)auditLog;

    /// <summary>
    /// Every refusal (unknown address, wrong password, disabled account or structure, locked account)
    /// costs one password hash per account of the address, so the answer time does not tell them apart;
    /// the page shows one message. An address with accounts in several structures (ADR 0020) enters the
    /// account whose password it is: no two accounts of an address share one (PasswordOfAnotherAccountValidator).
    /// </summary>
    public async Task<SignInOutcome> SignInAsync(string? emailAddress, string? password, bool remember, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(emailAddress) || string.IsNullOrEmpty(password))
            return SignInOutcome.Invalid;
        var address = ClientAddress.Of(http.HttpContext);
        var candidates = await users.AccountsWithEmailAsync(emailAddress, ct);
        if (candidates.Count == 0)
        {
            SpendOneHash(password);
            return SignInOutcome.Invalid;
        }

        var refused = new List<(AppUser User, SignInOutcome Outcome)>();
        var wrongPassword = new List<AppUser>();
        foreach (var user in candidates)
        {
            var locked = locks.IsLocked(user.Id, address);
            if (locked || !user.IsActive || !await StructureIsActiveAsync(user, ct))
            {
                SpendOneHash(password);
                refused.Add((user, locked ? SignInOutcome.LockedOut : SignInOutcome.Disabled));
                continue;
            }
            if (user.PasswordHash is null)
                SpendOneHash(password); // an invitation not yet accepted: no hash to check, same cost anyway
            if ((await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false)).Succeeded)
            {
                // The other accounts of the address were not signed into: nothing to record on them.
                locks.Succeeded(user.Id, address);
                await signIn.SignInAsync(user, remember);
                user.LastSignInAtUtc = clock.GetUtcNow().UtcDateTime;
                await users.UpdateAsync(user);
                Audit.RecordFor(user, "Connexion");
                await db.SaveChangesAsync(ct);
                return SignInOutcome.Success;
            }
            wrongPassword.Add(user);
        }

        foreach (var (user, outcome) in refused)
            Audit.RecordFor(user, "Connexion refusée", outcome == SignInOutcome.LockedOut
                ? "Compte verrouillé pour cette adresse après des essais infructueux"
                : "Compte ou structure désactivé");
        var lockedNow = new List<Guid>();
        foreach (var user in wrongPassword)
        {
            var lockedByThis = locks.RecordFailure(user.Id, address);
            Audit.RecordFor(user, lockedByThis ? "Compte verrouillé" : "Échec de connexion", lockedByThis ? $"Adresse {address}" : null);
            if (lockedByThis)
                lockedNow.Add(user.Id);
        }
        await db.SaveChangesAsync(ct);
        lockedNow.ForEach(id => TellOwnerOfLock(id, address));
        return lockedNow.Count > 0 || refused.Any(r => r.Outcome == SignInOutcome.LockedOut) ? SignInOutcome.LockedOut
            : wrongPassword.Count == 0 ? SignInOutcome.Disabled
            : SignInOutcome.Invalid;
    }

    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString()));

    private void SpendOneHash(string password) => users.PasswordHasher.VerifyHashedPassword(new AppUser(), DummyHash.Value, password);

    private void TellOwnerOfLock(Guid userId, string address) => background.Enqueue(async (sp, ct) =>
    {
        var owner = await sp.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(userId.ToString());
        if (owner?.Email is null)
            return;
        var link = sp.GetRequiredService<AppUrls>().Absolute("/mot-de-passe-oublie");
        var minutes = (int)sp.GetRequiredService<SignInLocks>().Duration.TotalMinutes;
        await sp.GetRequiredService<IEmailSender>().SendAsync(EmailTemplates.AccountLocked(owner.Email, owner.DisplayName, address, minutes, link), ct);
    });

    public async Task SignOutAsync(CancellationToken ct = default)
    {
        await auditLog.WriteAsync("Déconnexion", ct: ct);
        await signIn.SignOutAsync();
    }

    /// <summary>
    /// Answers at once, whether the address exists or not (no account enumeration, by content or by
    /// time): the account is looked up and the e-mail sent off the request path.
    /// </summary>
    public Task RequestPasswordResetAsync(string? emailAddress, CancellationToken ct = default)
    {
        if (!string.IsNullOrWhiteSpace(emailAddress) && emailAddress.Trim() is { Length: <= 256 } address)
            background.Enqueue((sp, token) => sp.GetRequiredService<AccountService>().SendPasswordResetAsync(address, token));
        return Task.CompletedTask;
    }

    /// <summary>
    /// One reset e-mail per active account of the address, each naming its structure (ADR 0020; at most
    /// three per account a quarter of an hour).
    /// </summary>
    public async Task SendPasswordResetAsync(string emailAddress, CancellationToken ct = default)
    {
        foreach (var user in await users.AccountsWithEmailAsync(emailAddress, ct))
            await SendPasswordResetToAsync(user, ct);
    }

    private async Task SendPasswordResetToAsync(AppUser user, CancellationToken ct)
    {
        if (!user.IsActive || !await StructureIsActiveAsync(user, ct))
            return;
        if (failures.IsBlocked($"reset:{user.Id}", ResetMailsPerAccount))
            return;
        failures.RecordFailure($"reset:{user.Id}", ResetMailsPerAccount, TimeSpan.FromMinutes(15));
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = urls.Absolute(ResetLink(user.Id, token));
        Audit.RecordFor(user, "Demande de réinitialisation du mot de passe");
        await db.SaveChangesAsync(ct);
        try
        {
            await email.SendAsync(EmailTemplates.PasswordReset(user.Email!, user.DisplayName, await StructureNameAsync(user, ct), link), ct);
        }
        catch (Exception ex)
        {
            // The answer to the visitor must not differ; the failure is for the operators.
            logger.LogError(ex, "Password reset e-mail for user {UserId} could not be sent", user.Id);
        }
    }

    /// <summary>
    /// The e-mail address of the account a set-password link (invitation or reset) is for, or null when
    /// the link can no longer be used (already used, expired, unknown or disabled account): the page
    /// says so before the user types a password twice.
    /// </summary>
    public async Task<string?> PasswordLinkEmailAsync(Guid userId, string? token)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || string.IsNullOrEmpty(token) || !user.IsActive)
            return null;
        var valid = await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider,
            UserManager<AppUser>.ResetPasswordTokenPurpose, token);
        return valid ? user.Email : null;
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
        locks.PasswordReset(user.Id);
        // Keys made with the old password stop with it: whoever reset it may be taking the account back.
        var revoked = await ApiKeyService.RevokeAllOfAsync(db, user.Id, clock.GetUtcNow().UtcDateTime, ct);
        Audit.RecordFor(user, "Mot de passe défini", revoked > 0 ? $"{revoked} clé(s) d'API révoquée(s)" : null);
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
        var structureName = await StructureNameAsync(user, ct);
        // Told to the owner only: the address already enters another structure with another password.
        var hasOtherAccount = (await users.AccountsWithEmailAsync(user.Email!, ct)).Any(u => u.Id != user.Id);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = urls.Absolute(ResetLink(user.Id, token));
        await email.SendAsync(EmailTemplates.Invitation(user.Email!, user.DisplayName, structureName, link, hasOtherAccount), ct);
    }

    private async Task<string> StructureNameAsync(AppUser user, CancellationToken ct) => user.TenantId is { } tenantId
        ? await db.Structures.Where(s => s.Id == tenantId).Select(s => s.Name).SingleAsync(ct)
        : "Centres Connectés";

    public static string ResetLink(Guid userId, string token) =>
        $"/definir-mot-de-passe?u={userId}&t={Uri.EscapeDataString(token)}";

    private Task<bool> StructureIsActiveAsync(AppUser user, CancellationToken ct) =>
        user.TenantId is { } tenantId ? db.Structures.AnyAsync(s => s.Id == tenantId && s.IsActive, ct) : Task.FromResult(true);
}
