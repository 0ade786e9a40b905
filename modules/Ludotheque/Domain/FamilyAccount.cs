using CentresConnectes.Platform.Contracts;

namespace CentresConnectes.Ludotheque.Domain;

/// <summary>
/// Links an Identity account (Famille role) to one household of the register. The identifiant is unique
/// within the structure only: a family attending two centres has one account in each, same e-mail.
/// Identity's own user name and e-mail are unique across the installation, so the account gets a
/// technical user name; the identifiant and the contact e-mail live here.
/// </summary>
public sealed class FamilyAccount : IMultiTenant
{
    private FamilyAccount() { }

    public FamilyAccount(Guid householdId, Guid userId, string login, string? contactEmail, DateTime nowUtc)
    {
        Id = Guid.CreateVersion7();
        HouseholdId = householdId;
        UserId = userId;
        ChangeLogin(login);
        ContactEmail = contactEmail;
        CreatedAtUtc = nowUtc;
    }

    public const int LoginMaxLength = 100;

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid HouseholdId { get; private set; }
    public Guid UserId { get; private set; }
    public string Login { get; private set; } = "";
    public string NormalizedLogin { get; private set; } = "";
    public string? ContactEmail { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? DisabledAtUtc { get; private set; }

    /// <summary>When the family opened this account itself on the kiosk (« Inscription d'une nouvelle famille »); null when staff did.</summary>
    public DateTime? SelfRegisteredAtUtc { get; private set; }

    /// <summary>When staff checked a self-registration against the family in person (see ADR 0016).</summary>
    public DateTime? VerifiedAtUtc { get; private set; }

    public string? VerifiedBy { get; private set; }

    public bool IsActive => DisabledAtUtc is null;

    public bool IsToVerify => SelfRegisteredAtUtc is not null && VerifiedAtUtc is null;

    public void MarkSelfRegistered(DateTime nowUtc) => SelfRegisteredAtUtc = nowUtc;

    public void Verify(string verifiedBy, DateTime nowUtc)
    {
        VerifiedAtUtc ??= nowUtc;
        VerifiedBy ??= verifiedBy;
    }

    public static string Normalize(string login) => login.Trim().ToUpperInvariant();

    public void ChangeLogin(string login)
    {
        Login = login.Trim();
        NormalizedLogin = Normalize(login);
    }

    public void Disable(DateTime nowUtc) => DisabledAtUtc ??= nowUtc;

    public void Enable() => DisabledAtUtc = null;
}
