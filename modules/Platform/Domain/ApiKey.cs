namespace CentresConnectes.Platform.Domain;

/// <summary>
/// A per-user API key. Only a SHA-256 hash of the secret is stored; the prefix finds the row.
/// The key acts with its owner's structure and permissions.
/// </summary>
public sealed class ApiKey
{
    private ApiKey() { }

    public ApiKey(Guid userId, string name, string prefix, byte[] secretHash, DateTime nowUtc, DateTime? expiresAtUtc = null)
    {
        ExpiresAtUtc = expiresAtUtc;
        Id = Guid.CreateVersion7();
        UserId = userId;
        Name = name;
        Prefix = prefix;
        SecretHash = secretHash;
        CreatedAtUtc = nowUtc;
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public string Name { get; private set; } = "";
    public string Prefix { get; private set; } = "";
    public byte[] SecretHash { get; private set; } = [];
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? LastUsedAtUtc { get; set; }
    public DateTime? RevokedAtUtc { get; private set; }
    /// <summary>Optional: after it the key is refused, as if revoked.</summary>
    public DateTime? ExpiresAtUtc { get; private set; }

    public bool IsActive => RevokedAtUtc is null;

    public bool IsUsableAt(DateTime nowUtc) => RevokedAtUtc is null && (ExpiresAtUtc is null || ExpiresAtUtc > nowUtc);

    public void Revoke(DateTime nowUtc) => RevokedAtUtc ??= nowUtc;
}

/// <summary>
/// A single row written by the first-run setup. Its fixed primary key makes setup race-safe:
/// a second concurrent setup fails on the insert.
/// </summary>
public sealed class Installation
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public DateTime CompletedAtUtc { get; set; }
    /// <summary>The public address confirmed by the person installing, used in e-mails when <c>App:PublicUrl</c> is not set.</summary>
    public string? PublicUrl { get; set; }
}
