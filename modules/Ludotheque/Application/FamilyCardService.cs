using System.Security.Cryptography;
using System.Text;
using CentresConnectes.Ludotheque.Domain;
using CentresConnectes.Members.Contracts;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.Ludotheque.Application;

/// <summary>What a scanned card opens: its household, and the household's active family account if it has one.</summary>
public sealed record CardHolder(Guid HouseholdId, Guid? FamilyUserId);

/// <summary>
/// Family QR cards: <c>ccf1.&lt;secret&gt;</c> in the QR code, SHA-256 of it in the database. A card is
/// looked up in the current structure only (the kiosk's), so a card of another centre opens nothing.
/// </summary>
public sealed class FamilyCardService(AppDbContext db, IMemberDirectory members, ICurrentTenant tenant, ICurrentUser user, IAuditLog audit, TimeProvider clock)
{
    public const string Scheme = "ccf1.";
    /// <summary>The scheme and 43 base64url characters; anything longer is not one of our cards.</summary>
    public const int TokenLength = 48;
    public const string Unknown = "Cette carte n'est pas reconnue ici. Demandez à l'accueil une nouvelle carte.";

    private DbSet<FamilyCard> Cards => db.Set<FamilyCard>();

    /// <summary>A new card for the household (the previous one stops working); returns the token to print, never stored.</summary>
    public async Task<string> IssueAsync(Guid householdId, CancellationToken ct = default)
    {
        tenant.RequireId();
        var household = await members.FindHouseholdAsync(householdId, ct) ?? throw new EntityNotFoundException("Famille", householdId);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var previous in await Cards.Where(c => c.HouseholdId == householdId && c.RevokedAtUtc == null).ToListAsync(ct))
            previous.Revoke(now);
        var token = Scheme + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var card = new FamilyCard(householdId, Hash(token), user.Id, now);
        Cards.Add(card);
        audit.Record("Carte famille imprimée", "Carte famille", card.Id.ToString(), household.Name);
        await db.SaveChangesAsync(ct);
        return token;
    }

    public async Task<bool> HasActiveAsync(Guid householdId, CancellationToken ct = default) =>
        await Cards.AnyAsync(c => c.HouseholdId == householdId && c.RevokedAtUtc == null, ct);

    public async Task RevokeAsync(Guid householdId, CancellationToken ct = default)
    {
        tenant.RequireId();
        var household = await members.FindHouseholdAsync(householdId, ct) ?? throw new EntityNotFoundException("Famille", householdId);
        var active = await Cards.Where(c => c.HouseholdId == householdId && c.RevokedAtUtc == null).ToListAsync(ct);
        if (active.Count == 0)
            throw new BusinessException("Cette famille n'a pas de carte en service.");
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var card in active)
            card.Revoke(now);
        audit.Record("Carte famille révoquée", "Carte famille", active[0].Id.ToString(), household.Name);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Who an active card of the current structure opens; a French refusal for anything else (malformed, huge, revoked, elsewhere).</summary>
    public async Task<CardHolder> ResolveAsync(string? scanned, CancellationToken ct = default)
    {
        tenant.RequireId();
        var token = scanned?.Trim();
        if (string.IsNullOrEmpty(token) || token.Length != TokenLength || !token.StartsWith(Scheme, StringComparison.Ordinal))
            throw new BusinessException(Unknown);
        return await HolderOf.For(db)(db, Hash(token), ct) ?? throw new BusinessException(Unknown);
    }

    // The card's household and its family account in one round trip, compiled (every scan on a kiosk asks).
    private static readonly CompiledQuery<Func<AppDbContext, byte[], CancellationToken, Task<CardHolder?>>> HolderOf = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, byte[] hash, CancellationToken ct) => db.Set<FamilyCard>().AsNoTracking()
            .Where(c => c.TokenHash == hash && c.RevokedAtUtc == null)
            .Select(c => new CardHolder(c.HouseholdId,
                db.Set<FamilyAccount>().Where(a => a.HouseholdId == c.HouseholdId && a.DisabledAtUtc == null).Select(a => (Guid?)a.UserId).FirstOrDefault()))
            .SingleOrDefault()));

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
