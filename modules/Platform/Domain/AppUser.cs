using Microsoft.AspNetCore.Identity;

namespace CentresConnectes.Platform.Domain;

/// <summary>
/// An account. <see cref="TenantId"/> is null for the super-admin, else the structure the account
/// belongs to. An e-mail is unique within a structure only (ADR 0020): signing in with an address that
/// has accounts in several structures enters the one whose password it is.
/// Accounts are not filtered by the tenant filter (sign-in must find them); services that list
/// them filter by structure explicitly.
/// </summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public AppUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString("N");
    }

    public Guid? TenantId { get; set; }
    public string DisplayName { get; set; } = "";
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? LastSignInAtUtc { get; set; }

    /// <summary>
    /// The user name of a second account for an address another account already uses as its name:
    /// never shown (<see cref="ShownName"/>), since the difference would tell a structure that the
    /// address has an account elsewhere.
    /// </summary>
    public string TechnicalUserName => "compte-" + Id.ToString("N");

    /// <summary>The name audit entries and the UI show: the e-mail for an account named technically.</summary>
    public string ShownName => UserName == TechnicalUserName ? Email ?? "" : UserName ?? "";
}

public sealed class AppRole : IdentityRole<Guid>
{
    public AppRole() => Id = Guid.CreateVersion7();

    public AppRole(string name) : this()
    {
        Name = name;
        NormalizedName = name.ToUpperInvariant();
    }
}
