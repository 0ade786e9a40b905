using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.ReferenceData.Contracts;
using CentresConnectes.ReferenceData.Data;
using CentresConnectes.ReferenceData.Domain;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.ReferenceData.Application;

public sealed record DefaultItemDto(Guid Id, ReferenceListKind Kind, string Label, string? Code, int Order, bool IsSensitive = false);

public sealed record DefaultAgeBracketDto(Guid Id, string Label, int MinAge, int MaxAge, int Order);

/// <summary>
/// The platform defaults (host-owned tables), edited by the super-admin. Changing them affects the
/// structures created afterwards only: existing structures own their copy.
/// Pages and endpoints need the host-only permission <see cref="ReferenceDataPermissions.Defaults"/>.
/// </summary>
public sealed class DefaultsService(AppDbContext db, IAuditLog audit, ReferenceDataProvisioning provisioning)
{
    public async Task<IReadOnlyList<DefaultItemDto>> ListAsync(CancellationToken ct = default) =>
        await db.DefaultItems().AsNoTracking().OrderBy(i => i.Kind).ThenBy(i => i.Order).ThenBy(i => i.Label)
            .Select(i => new DefaultItemDto(i.Id, i.Kind, i.Label, i.Code, i.Order, i.IsSensitive)).ToListAsync(ct);

    public async Task<DefaultItemDto> AddAsync(ReferenceListKind kind, string? label, CancellationToken ct = default)
    {
        var clean = ReferenceListService.ValidLabel(label);
        await EnsureUniqueAsync(kind, clean, null, ct);
        var order = await db.DefaultItems().Where(i => i.Kind == kind).MaxAsync(i => (int?)i.Order, ct) ?? 0;
        var item = new DefaultReferenceItem(kind, clean, null, order + 1);
        db.DefaultItems().Add(item);
        audit.Record("Valeur par défaut ajoutée", ReferenceListKinds.DisplayName(kind), item.Id.ToString(), item.Label);
        await db.SaveChangesAsync(ct);
        return new DefaultItemDto(item.Id, item.Kind, item.Label, item.Code, item.Order);
    }

    public async Task RenameAsync(Guid id, string? label, CancellationToken ct = default)
    {
        var item = await FindAsync(id, ct);
        var clean = ReferenceListService.ValidLabel(label);
        await EnsureUniqueAsync(item.Kind, clean, id, ct);
        var old = item.Label;
        item.Rename(clean);
        audit.Record("Valeur par défaut renommée", ReferenceListKinds.DisplayName(item.Kind), id.ToString(), $"{old} → {item.Label}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A sensitive default group is sensitive in the structures created afterwards.</summary>
    public async Task SetSensitiveAsync(Guid id, bool sensitive, CancellationToken ct = default)
    {
        var item = await FindAsync(id, ct);
        if (item.Kind != ReferenceListKind.Groupe)
            throw new BusinessException("Seuls les groupes peuvent être marqués « sensibles ».");
        item.SetSensitive(sensitive);
        audit.Record(sensitive ? "Groupe par défaut marqué sensible" : "Groupe par défaut non sensible", ReferenceListKinds.DisplayName(item.Kind), id.ToString(), item.Label);
        await db.SaveChangesAsync(ct);
    }

    public async Task MoveAsync(Guid id, MoveDirection direction, CancellationToken ct = default)
    {
        var item = await FindAsync(id, ct);
        var all = await db.DefaultItems().Where(i => i.Kind == item.Kind).OrderBy(i => i.Order).ThenBy(i => i.Label).ToListAsync(ct);
        if (Ordering.Move(all, item, direction))
            await db.SaveChangesAsync(ct);
    }

    /// <summary>Defaults are referenced by nothing (structures hold copies): they can always be deleted.</summary>
    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        var item = await FindAsync(id, ct);
        db.DefaultItems().Remove(item);
        audit.Record("Valeur par défaut supprimée", ReferenceListKinds.DisplayName(item.Kind), id.ToString(), item.Label);
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<DefaultAgeBracketDto>> ListAgeBracketsAsync(CancellationToken ct = default) =>
        await db.DefaultAgeBrackets().AsNoTracking().OrderBy(a => a.MinAge).ThenBy(a => a.MaxAge)
            .Select(a => new DefaultAgeBracketDto(a.Id, a.Label, a.MinAge, a.MaxAge, a.Order)).ToListAsync(ct);

    public async Task<DefaultAgeBracketDto> AddAgeBracketAsync(AgeBracketInput input, CancellationToken ct = default)
    {
        var (label, min, max) = AgeBracketService.Validate(input);
        await EnsureNoOverlapAsync(min, max, null, ct);
        var bracket = new DefaultAgeBracket(label, min, max, 0);
        db.DefaultAgeBrackets().Add(bracket);
        await Ordering.RenumberByAgeAsync(db.DefaultAgeBrackets(), bracket, ct);
        audit.Record("Tranche d'âge par défaut ajoutée", "Tranche d'âge", bracket.Id.ToString(), bracket.Label);
        await db.SaveChangesAsync(ct);
        return new DefaultAgeBracketDto(bracket.Id, bracket.Label, bracket.MinAge, bracket.MaxAge, bracket.Order);
    }

    public async Task UpdateAgeBracketAsync(Guid id, AgeBracketInput input, CancellationToken ct = default)
    {
        var bracket = await db.DefaultAgeBrackets().SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new EntityNotFoundException("Tranche d'âge", id);
        var (label, min, max) = AgeBracketService.Validate(input);
        await EnsureNoOverlapAsync(min, max, id, ct);
        bracket.Update(label, min, max);
        await Ordering.RenumberByAgeAsync(db.DefaultAgeBrackets(), null, ct);
        audit.Record("Tranche d'âge par défaut modifiée", "Tranche d'âge", id.ToString(), bracket.Label);
        await db.SaveChangesAsync(ct);
    }

    public async Task DeleteAgeBracketAsync(Guid id, CancellationToken ct = default)
    {
        var bracket = await db.DefaultAgeBrackets().SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new EntityNotFoundException("Tranche d'âge", id);
        db.DefaultAgeBrackets().Remove(bracket);
        audit.Record("Tranche d'âge par défaut supprimée", "Tranche d'âge", id.ToString(), bracket.Label);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Gives the structures created before this module their lists (idempotent).</summary>
    public async Task<int> ProvisionExistingStructuresAsync(CancellationToken ct = default)
    {
        var count = await provisioning.ProvisionAllAsync(ct);
        audit.Record("Listes par défaut copiées dans les structures existantes", details: $"{count} structure(s) complétée(s)");
        await db.SaveChangesAsync(ct);
        return count;
    }

    private async Task<DefaultReferenceItem> FindAsync(Guid id, CancellationToken ct) =>
        await db.DefaultItems().SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw new EntityNotFoundException("Valeur", id);

    private async Task EnsureUniqueAsync(ReferenceListKind kind, string label, Guid? exceptId, CancellationToken ct)
    {
        var normalized = LabelText.Normalize(label);
        var existing = await db.DefaultItems().AsNoTracking()
            .Where(i => i.Kind == kind && i.NormalizedLabel == normalized && i.Id != exceptId)
            .Select(i => i.Label).FirstOrDefaultAsync(ct);
        if (existing is not null)
            throw new BusinessException($"La valeur « {existing} » existe déjà dans la liste « {ReferenceListKinds.DisplayName(kind)} ».");
    }

    private async Task EnsureNoOverlapAsync(int min, int max, Guid? exceptId, CancellationToken ct)
    {
        if (await AgeBracketService.FirstOverlapAsync(db.DefaultAgeBrackets(), min, max, exceptId, ct) is { } clash)
            throw new BusinessException($"Cette tranche chevauche la tranche « {clash} ».");
    }
}
