using CentresConnectes.Platform.Contracts;

namespace CentresConnectes.Platform.Domain;

/// <summary>
/// A device (a tablet at the reception desk) enrolled by staff as a kiosk of their structure. The
/// device keeps a random secret in an HttpOnly cookie; only its SHA-256 hash is stored here, so a
/// stolen database gives no usable credential. Revocation is immediate: every kiosk request looks
/// the credential up.
/// </summary>
public sealed class KioskDevice : IMultiTenant
{
    private KioskDevice() { }

    public KioskDevice(string name, byte[] tokenHash, Guid enrolledByUserId, DateTime nowUtc)
    {
        Id = Guid.CreateVersion7();
        Name = name;
        TokenHash = tokenHash;
        EnrolledByUserId = enrolledByUserId;
        EnrolledAtUtc = nowUtc;
    }

    public const int NameMaxLength = 100;

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public string Name { get; private set; } = "";
    public byte[] TokenHash { get; private set; } = [];
    public Guid EnrolledByUserId { get; private set; }
    public DateTime EnrolledAtUtc { get; private set; }
    public DateTime? LastSeenAtUtc { get; set; }
    public DateTime? RevokedAtUtc { get; private set; }

    public bool IsActive => RevokedAtUtc is null;

    public void Revoke(DateTime nowUtc) => RevokedAtUtc ??= nowUtc;
}
