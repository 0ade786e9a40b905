using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.ReferenceData.Contracts;
using CentresConnectes.ReferenceData.Data;
using CentresConnectes.ReferenceData.Domain;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.ReferenceData.Application;

public sealed record AgeBracketInput(string? Label, int? MinAge, int? MaxAge);

/// <summary>
/// The structure's age brackets for the statistics. Active brackets never overlap, so a person
/// falls in one bracket at most; they are kept in age order (no manual reordering).
/// Brackets are not stored on any record (statistics compute ages on the fly): they can be deleted.
/// </summary>
public sealed class AgeBracketService(AppDbContext db, ICurrentTenant tenant, IAuditLog audit, IReferenceDataQuery query)
{
    public Task<IReadOnlyList<AgeBracketDto>> ListAsync(bool includeInactive = true, CancellationToken ct = default) =>
        query.AgeBracketsAsync(includeInactive, ct);

    public async Task<AgeBracketDto> GetAsync(Guid id, CancellationToken ct = default) => (await FindAsync(id, ct)).ToDto();

    public async Task<AgeBracketDto> AddAsync(AgeBracketInput input, CancellationToken ct = default)
    {
        if (tenant.Id is null)
            throw new EntityNotFoundException("Structure");
        var (label, min, max) = Validate(input);
        await EnsureNoOverlapAsync(min, max, null, ct);
        var bracket = new AgeBracket(label, min, max, 0);
        db.AgeBrackets().Add(bracket);
        await Ordering.RenumberByAgeAsync(db.AgeBrackets(), bracket, ct);
        audit.Record("Tranche d'âge ajoutée", "Tranche d'âge", bracket.Id.ToString(), bracket.Label);
        await db.SaveChangesAsync(ct);
        return bracket.ToDto();
    }

    public async Task<AgeBracketDto> UpdateAsync(Guid id, AgeBracketInput input, CancellationToken ct = default)
    {
        var bracket = await FindAsync(id, ct);
        var (label, min, max) = Validate(input);
        if (bracket.IsActive)
            await EnsureNoOverlapAsync(min, max, id, ct);
        bracket.Update(label, min, max);
        await Ordering.RenumberByAgeAsync(db.AgeBrackets(), null, ct);
        audit.Record("Tranche d'âge modifiée", "Tranche d'âge", id.ToString(), bracket.Label);
        await db.SaveChangesAsync(ct);
        return bracket.ToDto();
    }

    public async Task SetActiveAsync(Guid id, bool active, CancellationToken ct = default)
    {
        var bracket = await FindAsync(id, ct);
        if (bracket.IsActive == active)
            return;
        if (active)
        {
            await EnsureNoOverlapAsync(bracket.MinAge, bracket.MaxAge, id, ct);
            bracket.Reactivate();
        }
        else
        {
            bracket.Deactivate();
        }
        audit.Record(active ? "Tranche d'âge réactivée" : "Tranche d'âge désactivée", "Tranche d'âge", id.ToString(), bracket.Label);
        await db.SaveChangesAsync(ct);
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        var bracket = await FindAsync(id, ct);
        db.AgeBrackets().Remove(bracket);
        audit.Record("Tranche d'âge supprimée", "Tranche d'âge", id.ToString(), bracket.Label);
        await db.SaveChangesAsync(ct);
    }

    internal static (string Label, int Min, int Max) Validate(AgeBracketInput input)
    {
        if (input.MinAge is not { } min || input.MaxAge is not { } max)
            throw new BusinessException("Indiquez l'âge mini et l'âge maxi.");
        if (min < 0 || max > AgeBracket.MaxAgeLimit)
            throw new BusinessException($"Les âges vont de 0 à {AgeBracket.MaxAgeLimit} ans.");
        if (min > max)
            throw new BusinessException("L'âge mini doit être inférieur ou égal à l'âge maxi.");
        var label = LabelText.Clean(input.Label);
        if (label.Length == 0)
            label = AgeBracket.DefaultLabel(min, max);
        if (label.Length > AgeBracket.LabelMaxLength)
            throw new BusinessException($"Le libellé ne doit pas dépasser {AgeBracket.LabelMaxLength} caractères.");
        return (label, min, max);
    }

    private async Task<AgeBracket> FindAsync(Guid id, CancellationToken ct) =>
        await db.AgeBrackets().SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new EntityNotFoundException("Tranche d'âge", id);

    /// <summary>Inactive brackets are left out of the statistics, so only active ones may not overlap.</summary>
    private async Task EnsureNoOverlapAsync(int min, int max, Guid? exceptId, CancellationToken ct)
    {
        if (await FirstOverlapAsync(db.AgeBrackets().Where(a => a.IsActive), min, max, exceptId, ct) is { } clash)
            throw new BusinessException($"Cette tranche chevauche la tranche « {clash} » : une personne ne doit tomber que dans une seule tranche.");
    }

    /// <summary>The label of the first bracket (by age) whose bounds meet [min, max], other than <paramref name="exceptId"/>.</summary>
    internal static Task<string?> FirstOverlapAsync<T>(IQueryable<T> brackets, int min, int max, Guid? exceptId, CancellationToken ct)
        where T : class, IAgeRange =>
        brackets.AsNoTracking()
            .Where(a => a.Id != exceptId && a.MinAge <= max && min <= a.MaxAge)
            .OrderBy(a => a.MinAge).Select(a => a.Label).FirstOrDefaultAsync(ct);
}
