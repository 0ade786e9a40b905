using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.ReferenceData.Contracts;
using CentresConnectes.ReferenceData.Data;
using CentresConnectes.ReferenceData.Domain;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.ReferenceData.Application;

public enum MoveDirection
{
    Up = -1,
    Down = 1,
}

/// <summary>What happened to a value the user asked to delete.</summary>
public sealed record DeleteOutcome(bool Deleted, string Message);

/// <summary>
/// The current structure's lists, as its admin edits them. Every id is looked up through the tenant
/// filter and within its list: another structure's id (or another list's) is "not found".
/// </summary>
public sealed class ReferenceListService(
    AppDbContext db,
    ICurrentTenant tenant,
    IAuditLog audit,
    IEnumerable<IReferenceValueUsage> usages,
    IReferenceDataQuery query)
{
    public const string UsedValueDeactivated = "Cette valeur est utilisée : elle a été désactivée au lieu d'être supprimée.";

    public Task<IReadOnlyList<ReferenceItemDto>> ListAsync(ReferenceListKind kind, bool includeInactive = true, CancellationToken ct = default) =>
        query.ListAsync(kind, includeInactive, ct);

    /// <summary>Per list: how many values are active, and how many in all.</summary>
    public async Task<IReadOnlyDictionary<ReferenceListKind, (int Active, int Total)>> CountsAsync(CancellationToken ct = default)
    {
        var rows = await db.ReferenceItems().AsNoTracking().GroupBy(i => i.Kind)
            .Select(g => new { Kind = g.Key, Active = g.Count(i => i.IsActive), Total = g.Count() }).ToListAsync(ct);
        return ReferenceListKinds.All.ToDictionary(k => k,
            k => rows.FirstOrDefault(r => r.Kind == k) is { } r ? (r.Active, r.Total) : (0, 0));
    }

    public async Task<ReferenceItemDto> GetAsync(ReferenceListKind kind, Guid id, CancellationToken ct = default) =>
        (await FindAsync(kind, id, ct)).ToDto();

    public async Task<ReferenceItemDto> AddAsync(ReferenceListKind kind, string? label, CancellationToken ct = default)
    {
        RequireStructure();
        var clean = ValidLabel(label);
        await EnsureUniqueAsync(kind, clean, null, ct);
        var order = await db.ReferenceItems().Where(i => i.Kind == kind).MaxAsync(i => (int?)i.Order, ct) ?? 0;
        var item = new ReferenceItem(kind, clean, null, order + 1);
        db.ReferenceItems().Add(item);
        audit.Record("Valeur de liste ajoutée", ReferenceListKinds.DisplayName(kind), item.Id.ToString(), item.Label);
        await SaveUniqueAsync(kind, clean, ct);
        return item.ToDto();
    }

    public async Task<ReferenceItemDto> RenameAsync(ReferenceListKind kind, Guid id, string? label, CancellationToken ct = default)
    {
        var item = await FindAsync(kind, id, ct);
        var clean = ValidLabel(label);
        if (clean == item.Label)
            return item.ToDto();
        await EnsureUniqueAsync(kind, clean, id, ct);
        var old = item.Label;
        item.Rename(clean);
        audit.Record("Valeur de liste renommée", ReferenceListKinds.DisplayName(kind), id.ToString(), $"{old} → {item.Label}");
        await SaveUniqueAsync(kind, clean, ct);
        return item.ToDto();
    }

    /// <summary>Moves a value one place up or down (inactive values keep their place in the order).</summary>
    public async Task MoveAsync(ReferenceListKind kind, Guid id, MoveDirection direction, CancellationToken ct = default)
    {
        var item = await FindAsync(kind, id, ct);
        var all = await db.ReferenceItems().Where(i => i.Kind == kind).OrderBy(i => i.Order).ThenBy(i => i.Label).ToListAsync(ct);
        if (Ordering.Move(all, item, direction))
            await db.SaveChangesAsync(ct);
    }

    /// <summary>Sets the whole order at once: <paramref name="orderedIds"/> lists every value of the list, once.</summary>
    public async Task SetOrderAsync(ReferenceListKind kind, IReadOnlyList<Guid>? orderedIds, CancellationToken ct = default)
    {
        RequireStructure();
        orderedIds ??= [];
        var all = await db.ReferenceItems().Where(i => i.Kind == kind).ToListAsync(ct);
        var byId = all.ToDictionary(i => i.Id);
        // An id of another structure or list is "not found", like anywhere else.
        foreach (var id in orderedIds)
        {
            if (!byId.ContainsKey(id))
                throw new EntityNotFoundException("Valeur", id);
        }
        if (orderedIds.Distinct().Count() != orderedIds.Count || orderedIds.Count != all.Count)
            throw new BusinessException("L'ordre doit citer chaque valeur de la liste une seule fois.");
        Ordering.Renumber(orderedIds.Select(id => byId[id]));
        audit.Record("Liste réordonnée", ReferenceListKinds.DisplayName(kind));
        await db.SaveChangesAsync(ct);
    }

    public async Task SetActiveAsync(ReferenceListKind kind, Guid id, bool active, CancellationToken ct = default)
    {
        var item = await FindAsync(kind, id, ct);
        if (item.IsActive == active)
            return;
        if (active) item.Reactivate(); else item.Deactivate();
        audit.Record(active ? "Valeur de liste réactivée" : "Valeur de liste désactivée", ReferenceListKinds.DisplayName(kind), id.ToString(), item.Label);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Marks a group sensitive (or not): its members' membership is then shown, filtered and exported
    /// only for those who may see social data. Only groups can be sensitive.
    /// </summary>
    public async Task SetSensitiveAsync(ReferenceListKind kind, Guid id, bool sensitive, CancellationToken ct = default)
    {
        var item = await FindAsync(kind, id, ct);
        if (kind != ReferenceListKind.Groupe)
            throw new BusinessException("Seuls les groupes peuvent être marqués « sensibles ».");
        if (item.IsSensitive == sensitive)
            return;
        item.SetSensitive(sensitive);
        audit.Record(sensitive ? "Groupe marqué sensible" : "Groupe non sensible", ReferenceListKinds.DisplayName(kind), id.ToString(), item.Label);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Deletes a value nobody uses; a value in use (asked to every module) is deactivated instead.</summary>
    public async Task<DeleteOutcome> DeleteAsync(ReferenceListKind kind, Guid id, CancellationToken ct = default)
    {
        var item = await FindAsync(kind, id, ct);
        foreach (var usage in usages)
        {
            if (await usage.IsUsedAsync(id, ct))
            {
                if (item.IsActive)
                {
                    item.Deactivate();
                    audit.Record("Valeur de liste désactivée", ReferenceListKinds.DisplayName(kind), id.ToString(), item.Label + " (utilisée, non supprimée)");
                    await db.SaveChangesAsync(ct);
                }
                return new DeleteOutcome(false, UsedValueDeactivated);
            }
        }
        db.ReferenceItems().Remove(item);
        audit.Record("Valeur de liste supprimée", ReferenceListKinds.DisplayName(kind), id.ToString(), item.Label);
        await db.SaveChangesAsync(ct);
        return new DeleteOutcome(true, $"La valeur « {item.Label} » est supprimée.");
    }

    private async Task<ReferenceItem> FindAsync(ReferenceListKind kind, Guid id, CancellationToken ct) =>
        await db.ReferenceItems().SingleOrDefaultAsync(i => i.Id == id && i.Kind == kind, ct)
        ?? throw new EntityNotFoundException("Valeur", id);

    private void RequireStructure()
    {
        if (tenant.Id is null)
            throw new EntityNotFoundException("Structure");
    }

    internal static string ValidLabel(string? label)
    {
        var clean = LabelText.Clean(label);
        if (clean.Length == 0)
            throw new BusinessException("Le libellé est obligatoire.");
        if (clean.Length > ReferenceItem.LabelMaxLength)
            throw new BusinessException($"Le libellé ne doit pas dépasser {ReferenceItem.LabelMaxLength} caractères.");
        if (LabelText.Normalize(clean).Length == 0)
            throw new BusinessException("Le libellé doit contenir au moins une lettre ou un chiffre.");
        return clean;
    }

    private async Task EnsureUniqueAsync(ReferenceListKind kind, string label, Guid? exceptId, CancellationToken ct)
    {
        var normalized = LabelText.Normalize(label);
        var existing = await db.ReferenceItems().AsNoTracking()
            .Where(i => i.Kind == kind && i.NormalizedLabel == normalized && i.Id != exceptId)
            .Select(i => new { i.Label, i.IsActive }).FirstOrDefaultAsync(ct);
        if (existing is not null)
            throw Duplicate(kind, existing.Label, existing.IsActive);
    }

    /// <summary>Two admins adding the same value at once: the unique index refuses the second, with the same message.</summary>
    private async Task SaveUniqueAsync(ReferenceListKind kind, string label, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var normalized = LabelText.Normalize(label);
            var existing = await db.ReferenceItems().AsNoTracking()
                .Where(i => i.Kind == kind && i.NormalizedLabel == normalized)
                .Select(i => new { i.Label, i.IsActive }).FirstOrDefaultAsync(ct);
            if (existing is null)
                throw;
            throw Duplicate(kind, existing.Label, existing.IsActive);
        }
    }

    private static BusinessException Duplicate(ReferenceListKind kind, string existing, bool active) => new(active
        ? $"La valeur « {existing} » existe déjà dans la liste « {ReferenceListKinds.DisplayName(kind)} »."
        : $"La valeur « {existing} » existe déjà dans la liste « {ReferenceListKinds.DisplayName(kind)} », mais elle est désactivée : réactivez-la plutôt que de l'ajouter à nouveau.");
}
