using Microsoft.AspNetCore.Identity;

namespace CentresConnectes.Platform.Domain;

/// <summary>
/// An account. <see cref="TenantId"/> is null for the super-admin, else the structure the account
/// belongs to: e-mails are unique across the installation, so signing in resolves the structure.
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
