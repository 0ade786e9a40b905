using System.Security.Cryptography;
using System.Text;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.Platform.Domain;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.Platform.Application;

public sealed record ApiKeyView(Guid Id, string Name, string Prefix, DateTime CreatedAtUtc, DateTime? LastUsedAtUtc, DateTime? RevokedAtUtc, DateTime? ExpiresAtUtc);

/// <summary>Per-user API keys: <c>cc_&lt;prefix&gt;_&lt;secret&gt;</c>, shown once, stored as a SHA-256 hash.</summary>
public sealed class ApiKeyService(AppDbContext db, ICurrentUser currentUser, IAuditLog audit, TimeProvider clock)
{
    private const string Scheme = "cc";

    public async Task<IReadOnlyList<ApiKeyView>> ListMineAsync(CancellationToken ct = default)
    {
        var userId = RequireUser();
        return await db.ApiKeys.AsNoTracking().Where(k => k.UserId == userId).OrderByDescending(k => k.CreatedAtUtc)
            .Select(k => new ApiKeyView(k.Id, k.Name, k.Prefix, k.CreatedAtUtc, k.LastUsedAtUtc, k.RevokedAtUtc, k.ExpiresAtUtc))
            .ToListAsync(ct);
    }

    /// <summary>The lifetimes offered (days; null = no expiry).</summary>
    public static readonly int[] LifetimesInDays = [30, 90, 365];

    /// <summary>Returns the full key: it is shown once and never stored in clear. <paramref name="expiresInDays"/>: null = never.</summary>
    public async Task<string> CreateAsync(string? name, int? expiresInDays = null, CancellationToken ct = default)
    {
        if (expiresInDays is < 1 or > 3650)
            throw new BusinessException("La durée de validité d'une clé va de 1 à 3 650 jours (ou sans limite).");
        var userId = RequireUser();
        if (currentUser.IsImpersonated)
            throw new BusinessException("On ne crée pas de clé d'API en agissant pour un autre compte.");
        var label = Fields.Required(name, "Nom de la clé", 100);
        var prefix = Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        var key = new ApiKey(userId, label, prefix, Hash(secret), now, expiresInDays is { } days ? now.AddDays(days) : null);
        db.ApiKeys.Add(key);
        audit.Record("Clé d'API créée", "Clé d'API", key.Id.ToString(), label);
        await db.SaveChangesAsync(ct);
        return $"{Scheme}_{prefix}_{secret}";
    }

    public async Task RevokeAsync(Guid id, CancellationToken ct = default)
    {
        var userId = RequireUser();
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id && k.UserId == userId, ct)
            ?? throw new EntityNotFoundException("Clé d'API", id);
        key.Revoke(clock.GetUtcNow().UtcDateTime);
        audit.Record("Clé d'API révoquée", "Clé d'API", key.Id.ToString(), key.Name);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The active owner of a presented key, or null (unknown, revoked, owner or structure disabled).</summary>
    public async Task<AppUser?> FindActiveOwnerAsync(string presented, CancellationToken ct)
    {
        var parts = presented.Split('_', 3);
        if (parts.Length != 3 || parts[0] != Scheme || parts[1].Length != 8)
            return null;
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Prefix == parts[1], ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (key is null || !key.IsUsableAt(now) || !CryptographicOperations.FixedTimeEquals(key.SecretHash, Hash(parts[2])))
            return null;
        var owner = await db.Users.SingleOrDefaultAsync(u => u.Id == key.UserId && u.IsActive, ct);
        if (owner is null || (owner.TenantId is { } t && !await db.Structures.AnyAsync(s => s.Id == t && s.IsActive, ct)))
            return null;
        // Written at most once a minute: a busy integration must not turn every read into a write.
        if (key.LastUsedAtUtc is null || now - key.LastUsedAtUtc > TimeSpan.FromMinutes(1))
        {
            key.LastUsedAtUtc = now;
            await db.SaveChangesAsync(ct);
        }
        return owner;
    }

    /// <summary>Revokes every active key of an account (its password was reset, or it was disabled); the caller saves.</summary>
    internal static async Task<int> RevokeAllOfAsync(AppDbContext db, Guid userId, DateTime nowUtc, CancellationToken ct)
    {
        var keys = await db.ApiKeys.Where(k => k.UserId == userId && k.RevokedAtUtc == null).ToListAsync(ct);
        foreach (var key in keys)
            key.Revoke(nowUtc);
        return keys.Count;
    }

    private Guid RequireUser() => currentUser.Id ?? throw new BusinessException("Connectez-vous d'abord.");

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
