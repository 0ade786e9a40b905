using CentresConnectes.Ludotheque.Domain;
using CentresConnectes.Members.Contracts;
using CentresConnectes.Platform.Application;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.Platform.Domain;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.Ludotheque.Application;

public sealed record FamilyAccountView(Guid Id, Guid HouseholdId, Guid UserId, string Login, string? ContactEmail, bool IsActive, DateTime CreatedAtUtc, bool HasPassword, bool HasActiveCard,
    DateTime? SelfRegisteredAtUtc = null, DateTime? VerifiedAtUtc = null)
{
    public string CreatedOn => ParisTime.FormatDate(CreatedAtUtc);

    public bool IsToVerify => SelfRegisteredAtUtc is not null && VerifiedAtUtc is null;
}

/// <summary>A family that registered itself on the kiosk and that staff have not checked yet.</summary>
public sealed record FamilyToVerify(Guid HouseholdId, string FamilyName, string Login, DateTime SelfRegisteredAtUtc, int MemberCount)
{
    public string RegisteredOn => ParisTime.FormatDateTime(SelfRegisteredAtUtc);
}

/// <summary>What staff fill in to open a family's account: an e-mail, or an identifiant they choose; a password or an e-mailed link.</summary>
public sealed class FamilyAccountInput
{
    public string? Email { get; set; }
    public string? Login { get; set; }
    public string? Password { get; set; }
}

/// <summary>The family (whose household) a kiosk sign-in or card opened.</summary>
public sealed record SignedInFamily(Guid AccountId, Guid HouseholdId, Guid UserId);

/// <summary>
/// Family accounts: an Identity account with the Famille role, linked to one household. Staff create,
/// reset and disable them; families sign in on the structure's kiosk with their identifiant.
/// </summary>
public sealed class FamilyAccountService(
    AppDbContext db,
    UserManager<AppUser> users,
    AccountService accounts,
    IMemberDirectory members,
    ICurrentTenant tenant,
    IAuditLog audit,
    TimeProvider clock)
{
    public const string GenericSignInError = "Identifiant ou mot de passe incorrect.";

    private DbSet<FamilyAccount> Accounts => db.Set<FamilyAccount>();

    public async Task<FamilyAccountView?> FindByHouseholdAsync(Guid householdId, CancellationToken ct = default)
    {
        await RequireHouseholdAsync(householdId, ct);
        var account = await Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.HouseholdId == householdId, ct);
        if (account is null)
            return null;
        var hasPassword = await db.Users.AnyAsync(u => u.Id == account.UserId && u.PasswordHash != null, ct);
        var hasCard = await db.Set<FamilyCard>().AnyAsync(c => c.HouseholdId == householdId && c.RevokedAtUtc == null, ct);
        return new FamilyAccountView(account.Id, account.HouseholdId, account.UserId, account.Login, account.ContactEmail, account.IsActive, account.CreatedAtUtc, hasPassword, hasCard,
            account.SelfRegisteredAtUtc, account.VerifiedAtUtc);
    }

    /// <summary>Opens the household's account. Without a password and with an e-mail, the family gets a link to choose one.</summary>
    public async Task<FamilyAccountView> CreateAsync(Guid householdId, FamilyAccountInput input, CancellationToken ct = default)
    {
        await CreateCoreAsync(householdId, input, selfRegistered: false, ct);
        return (await FindByHouseholdAsync(householdId, ct))!;
    }

    /// <summary>
    /// The account a family opens itself on the kiosk, in the caller's transaction (the household and
    /// its members are written in the same one): identifiant = e-mail, a password chosen there.
    /// </summary>
    internal async Task<SignedInFamily> CreateSelfRegisteredAsync(Guid householdId, string email, string password, CancellationToken ct)
    {
        var account = await CreateCoreAsync(householdId, new FamilyAccountInput { Email = email, Password = password }, selfRegistered: true, ct);
        return new SignedInFamily(account.Id, account.HouseholdId, account.UserId);
    }

    /// <summary>Whether the identifiant is already a family's in this structure (checked before anything is written).</summary>
    internal Task<bool> IsLoginTakenAsync(string login, CancellationToken ct) =>
        Accounts.AnyAsync(a => a.NormalizedLogin == FamilyAccount.Normalize(login), ct);

    /// <summary>The self-registrations staff still have to check, oldest first.</summary>
    public async Task<IReadOnlyList<FamilyToVerify>> ListToVerifyAsync(CancellationToken ct = default)
    {
        var rows = await Accounts.AsNoTracking().Where(a => a.SelfRegisteredAtUtc != null && a.VerifiedAtUtc == null)
            .OrderBy(a => a.SelfRegisteredAtUtc).Take(500)
            .Select(a => new { a.HouseholdId, a.Login, a.SelfRegisteredAtUtc }).ToListAsync(ct);
        var list = new List<FamilyToVerify>();
        foreach (var row in rows)
        {
            var household = await members.FindHouseholdAsync(row.HouseholdId, ct);
            list.Add(new FamilyToVerify(row.HouseholdId, household?.Name ?? "?", row.Login, row.SelfRegisteredAtUtc!.Value, household?.MemberIds.Count ?? 0));
        }
        return list;
    }

    /// <summary>Staff met the family and checked its members: the self-registration leaves the « à vérifier » list.</summary>
    public async Task VerifyAsync(Guid householdId, string verifiedBy, CancellationToken ct = default)
    {
        var account = await RequireAccountAsync(householdId, ct);
        if (account.SelfRegisteredAtUtc is null)
            throw new BusinessException("Ce compte a été ouvert par l'équipe : il n'y a rien à vérifier.");
        account.Verify(verifiedBy, clock.GetUtcNow().UtcDateTime);
        audit.Record("Inscription à la borne vérifiée", "Compte famille", account.Id.ToString(), account.Login);
        await db.SaveChangesAsync(ct);
    }

    private async Task<FamilyAccount> CreateCoreAsync(Guid householdId, FamilyAccountInput input, bool selfRegistered, CancellationToken ct)
    {
        var tenantId = tenant.RequireId();
        var household = await RequireHouseholdAsync(householdId, ct);
        var email = Fields.OptionalEmail(input.Email, "Adresse e-mail");
        var login = email ?? ValidateLogin(input.Login);
        if (await Accounts.AnyAsync(a => a.HouseholdId == householdId, ct))
            throw new BusinessException("Cette famille a déjà un compte.");
        if (await Accounts.AnyAsync(a => a.NormalizedLogin == FamilyAccount.Normalize(login), ct))
            throw new BusinessException($"L'identifiant « {login} » est déjà pris dans la structure : choisissez-en un autre.");
        if (email is null && string.IsNullOrEmpty(input.Password))
            throw new BusinessException("Sans adresse e-mail, choisissez un mot de passe à donner à la famille (ou imprimez sa carte).");

        var now = clock.GetUtcNow().UtcDateTime;
        var user = new AppUser { TenantId = tenantId, DisplayName = "Famille " + household.Name, CreatedAtUtc = now };
        // Technical, installation-wide unique names: the family signs in with its identifiant (FamilyAccount.Login).
        user.UserName = "famille-" + user.Id.ToString("N");
        user.Email = user.UserName + "@famille.invalid";
        var account = new FamilyAccount(householdId, user.Id, login, email, now);
        if (selfRegistered)
            account.MarkSelfRegistered(now);

        // The caller's transaction when it has one (a self-registration writes the household in it too).
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        IdentityResults.ThrowIfFailed(string.IsNullOrEmpty(input.Password) ? await users.CreateAsync(user) : await users.CreateAsync(user, input.Password));
        IdentityResults.ThrowIfFailed(await users.AddToRoleAsync(user, Roles.Famille));
        Accounts.Add(account);
        audit.Record(selfRegistered ? "Compte famille ouvert à la borne" : "Compte famille créé", "Compte famille", account.Id.ToString(), $"{household.Name} ({login})");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two staff opening the same account at once: the unique indexes decide, the message says why.
            throw new BusinessException($"L'identifiant « {login} » ou le compte de cette famille existe déjà.");
        }
        if (transaction is not null)
            await transaction.CommitAsync(ct);
        if (email is not null && string.IsNullOrEmpty(input.Password))
            await accounts.SendAccessReminderAsync(user.Id, email, login, ct);
        return account;
    }

    /// <summary>Staff set a new password (given to the family by hand), or send the reset link to its e-mail.</summary>
    public async Task ResetAsync(Guid householdId, string? newPassword, CancellationToken ct = default)
    {
        var account = await RequireAccountAsync(householdId, ct);
        var user = await users.FindByIdAsync(account.UserId.ToString()) ?? throw new EntityNotFoundException("Compte famille", householdId);
        if (string.IsNullOrEmpty(newPassword))
        {
            if (account.ContactEmail is null)
                throw new BusinessException("Cette famille n'a pas d'adresse e-mail : saisissez le nouveau mot de passe.");
            await accounts.SendAccessReminderAsync(user.Id, account.ContactEmail, account.Login, ct);
            await audit.WriteAsync("Lien de mot de passe envoyé à la famille", "Compte famille", account.Id.ToString(), account.Login, ct);
            return;
        }
        var token = await users.GeneratePasswordResetTokenAsync(user);
        IdentityResults.ThrowIfFailed(await users.ResetPasswordAsync(user, token, newPassword));
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.WriteAsync("Mot de passe de la famille changé", "Compte famille", account.Id.ToString(), account.Login, ct);
    }

    public async Task SetActiveAsync(Guid householdId, bool active, CancellationToken ct = default)
    {
        var account = await RequireAccountAsync(householdId, ct);
        var user = await users.FindByIdAsync(account.UserId.ToString()) ?? throw new EntityNotFoundException("Compte famille", householdId);
        if (active) account.Enable(); else account.Disable(clock.GetUtcNow().UtcDateTime);
        user.IsActive = active;
        // A new stamp ends any open session of the account (SessionValidator checks it on every request).
        await users.UpdateSecurityStampAsync(user);
        audit.Record(active ? "Compte famille réactivé" : "Compte famille désactivé", "Compte famille", account.Id.ToString(), account.Login);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Kiosk sign-in in the current (device's) structure. Every failure is the same answer, so the kiosk
    /// tells nobody which identifiants exist; Identity's lockout counts the failures of each account.
    /// </summary>
    public async Task<SignedInFamily> SignInAsync(string? login, string? password, CancellationToken ct = default)
    {
        tenant.RequireId();
        if (string.IsNullOrWhiteSpace(login) || string.IsNullOrEmpty(password) || login.Length > FamilyAccount.LoginMaxLength || password.Length > 200)
            throw new BusinessException(GenericSignInError);
        var normalized = FamilyAccount.Normalize(login);
        var account = await Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.NormalizedLogin == normalized, ct);
        var user = account is null ? null : await users.FindByIdAsync(account.UserId.ToString());
        if (account is not { IsActive: true } || user is not { IsActive: true } || await users.IsLockedOutAsync(user))
            throw new BusinessException(GenericSignInError);
        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            throw new BusinessException(GenericSignInError);
        }
        await users.ResetAccessFailedCountAsync(user);
        return new SignedInFamily(account.Id, account.HouseholdId, account.UserId);
    }

    /// <summary>The family of an active account of the current structure, by its Identity account (act-as-family).</summary>
    public async Task<SignedInFamily?> FindByUserAsync(Guid userId, CancellationToken ct = default) =>
        await Accounts.AsNoTracking().Where(a => a.UserId == userId && a.DisabledAtUtc == null)
            .Select(a => new SignedInFamily(a.Id, a.HouseholdId, a.UserId)).SingleOrDefaultAsync(ct);

    /// <summary>"Identifiants oubliés ?": a link to the account's contact e-mail; the caller answers the same either way.</summary>
    public async Task RequestAccessReminderAsync(string? email, CancellationToken ct = default)
    {
        tenant.RequireId();
        if (string.IsNullOrWhiteSpace(email) || email.Length > 256)
            return;
        var address = email.Trim().ToLowerInvariant();
        var account = await Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.ContactEmail == address && a.DisabledAtUtc == null, ct);
        if (account is not null)
            await accounts.SendAccessReminderAsync(account.UserId, address, account.Login, ct);
    }

    private static string ValidateLogin(string? login)
    {
        var value = Fields.Required(login, "Identifiant", FamilyAccount.LoginMaxLength);
        if (value.Length < 3 || value.Any(c => !(char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or '@')))
            throw new BusinessException("L'identifiant doit compter au moins 3 caractères : lettres, chiffres, point, tiret ou tiret bas.");
        return value;
    }

    private async Task<HouseholdSummaryDto> RequireHouseholdAsync(Guid householdId, CancellationToken ct) =>
        await members.FindHouseholdAsync(householdId, ct) ?? throw new EntityNotFoundException("Famille", householdId);

    private async Task<FamilyAccount> RequireAccountAsync(Guid householdId, CancellationToken ct)
    {
        await RequireHouseholdAsync(householdId, ct);
        return await Accounts.SingleOrDefaultAsync(a => a.HouseholdId == householdId, ct)
            ?? throw new EntityNotFoundException("Compte famille", householdId);
    }
}
