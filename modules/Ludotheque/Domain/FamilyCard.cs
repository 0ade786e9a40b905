using CentresConnectes.Platform.Contracts;

namespace CentresConnectes.Ludotheque.Domain;

/// <summary>
/// A printed QR card opening one family's check-in page on an enrolled kiosk of the same structure.
/// The QR code holds a random token; only its SHA-256 hash is stored. Printing a new card revokes the
/// previous one (a lost card stops working at once).
/// </summary>
public sealed class FamilyCard : IMultiTenant
{
    private FamilyCard() { }

    public FamilyCard(Guid householdId, byte[] tokenHash, Guid? issuedByUserId, DateTime nowUtc)
    {
        Id = Guid.CreateVersion7();
        HouseholdId = householdId;
        TokenHash = tokenHash;
        IssuedByUserId = issuedByUserId;
        IssuedAtUtc = nowUtc;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid HouseholdId { get; private set; }
    public byte[] TokenHash { get; private set; } = [];
    /// <summary>The staff member who printed it (null when issued by a background or API process without one).</summary>
    public Guid? IssuedByUserId { get; private set; }
    public DateTime IssuedAtUtc { get; private set; }
    public DateTime? RevokedAtUtc { get; private set; }

    public bool IsActive => RevokedAtUtc is null;

    public void Revoke(DateTime nowUtc) => RevokedAtUtc ??= nowUtc;
}
