using CentresConnectes.Platform.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.Platform.Application;

/// <summary>
/// One address may have an account in several structures (ADR 0020): Identity's FindByEmailAsync throws
/// then, so every look-up by e-mail goes through here. Accounts are not tenant-filtered; callers that
/// must stay inside one structure filter the result themselves.
/// </summary>
public static class AccountsByEmail
{
    /// <summary>Every account with this address (normalised as Identity does), oldest first.</summary>
    public static async Task<List<AppUser>> AccountsWithEmailAsync(this UserManager<AppUser> users, string email, CancellationToken ct = default)
    {
        var normalized = users.NormalizeEmail(email.Trim());
        return await users.Users.Where(u => u.NormalizedEmail == normalized)
            .OrderBy(u => u.CreatedAtUtc).ThenBy(u => u.Id).ToListAsync(ct);
    }

    /// <summary>
    /// Names a new account: its e-mail when no account uses that name (the usual case), else the
    /// technical <see cref="AppUser.TechnicalUserName"/>: user names stay unique across the installation,
    /// while the address is unique only within a structure.
    /// </summary>
    public static async Task NameAfterEmailAsync(this UserManager<AppUser> users, AppUser user, string email)
    {
        user.Email = email;
        user.UserName = await users.FindByNameAsync(email) is null ? email : user.TechnicalUserName;
    }
}
