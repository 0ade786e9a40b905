using CentresConnectes.Members.Contracts;
using CentresConnectes.Members.Domain;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.Members.Application;

public sealed class HouseholdInput
{
    public string? Name { get; set; }
    public string? Address { get; set; }
    public string? Notes { get; set; }
}

public sealed record HouseholdMember(Guid Id, string LastName, string FirstName, string Age, string AvatarUrl, string? Statut, string Mobile)
{
    public string FullName => $"{LastName} {FirstName}".Trim();
}

public sealed record HouseholdDetails(Guid Id, string Name, string? Address, string? Notes, DateTime CreatedAtUtc, IReadOnlyList<HouseholdMember> Members)
{
    public string CreatedOnText => ParisTime.FormatDate(CreatedAtUtc);
}

public sealed record HouseholdRow(Guid Id, string Name, string? Address, int MemberCount, IReadOnlyList<string> AvatarUrls);

/// <summary>Families (foyers) of the current structure and their members.</summary>
public sealed class HouseholdService(
    AppDbContext db,
    ReferenceLookupCache references,
    MemberPrivacy privacy,
    ICurrentTenant tenant,
    IAuditLog audit,
    TimeProvider clock,
    IEnumerable<IHouseholdReferenceCheck> referenceChecks)
{
    public async Task<Guid> CreateAsync(HouseholdInput input, CancellationToken ct = default)
    {
        tenant.RequireId();
        var (name, address, notes) = Validate(input);
        // A family's notes are notes de suivi too (issue 11): only who may read them may write them.
        var household = new Household(name, address, privacy.CanSeeNotes ? notes : null, clock.GetUtcNow().UtcDateTime);
        db.Set<Household>().Add(household);
        await db.SaveChangesAsync(ct);
        return household.Id;
    }

    public async Task UpdateAsync(Guid id, HouseholdInput input, CancellationToken ct = default)
    {
        var household = await FindTrackedAsync(id, ct);
        var (name, address, notes) = Validate(input);
        // Without the notes permission the form has no notes field: the family's notes stay as they are.
        household.Update(name, address, privacy.CanSeeNotes ? notes : household.Notes);
        await db.SaveChangesAsync(ct);
    }

    public async Task<HouseholdDetails> GetAsync(Guid id, CancellationToken ct = default)
    {
        var household = await db.Set<Household>().AsNoTracking().SingleOrDefaultAsync(h => h.Id == id, ct)
            ?? throw new EntityNotFoundException("Famille", id);
        var lookup = await references.GetAsync(ct);
        var today = ParisTime.Today(clock);
        var members = await db.Set<Person>().AsNoTracking()
            .Where(p => p.HouseholdId == id && !p.IsAnonymised)
            .OrderBy(p => p.DateOfBirth).ThenBy(p => p.NormalizedName)
            .Select(p => new { p.Id, p.LastName, p.FirstName, p.DateOfBirth, p.AvatarKey, p.StatutId, p.MobileE164 })
            .ToListAsync(ct);
        return new HouseholdDetails(household.Id, household.Name, household.Address, privacy.CanSeeNotes ? household.Notes : null, household.CreatedAtUtc,
            members.Select(m => new HouseholdMember(m.Id, m.LastName, m.FirstName, Ages.Text(m.DateOfBirth, today), Avatars.UrlOf(m.AvatarKey),
                lookup.Label(m.StatutId), FrenchPhone.Display(m.MobileE164))).ToList());
    }

    public async Task<Page<HouseholdRow>> SearchAsync(string? query, int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        (page, pageSize, var skip) = Paging.Clamp(page, pageSize);
        var households = db.Set<Household>().AsNoTracking();
        var key = NameNormalizer.SortKey(query);
        if (key.Length > 0)
        {
            var high = key + NameNormalizer.PrefixUpperBound;
            households = households.Where(h => h.NormalizedName.CompareTo(key) >= 0 && h.NormalizedName.CompareTo(high) < 0);
        }
        var total = await households.CountAsync(ct);
        var items = await households.OrderBy(h => h.NormalizedName).ThenBy(h => h.Id)
            .Skip(skip).Take(pageSize)
            .Select(h => new { h.Id, h.Name, h.Address })
            .ToListAsync(ct);
        var ids = items.Select(i => i.Id).ToList();
        var members = (await db.Set<Person>().AsNoTracking()
                .Where(p => p.HouseholdId != null && ids.Contains(p.HouseholdId.Value) && !p.IsAnonymised)
                .OrderBy(p => p.DateOfBirth)
                .Select(p => new { HouseholdId = p.HouseholdId!.Value, p.AvatarKey })
                .ToListAsync(ct))
            .ToLookup(m => m.HouseholdId, m => Avatars.UrlOf(m.AvatarKey));
        return new Page<HouseholdRow>(items.Select(i => new HouseholdRow(i.Id, i.Name, i.Address, members[i.Id].Count(), members[i.Id].Take(8).ToList())).ToList(),
            page, pageSize, total);
    }

    /// <summary>Puts a registered person into the family (or moves them from another one).</summary>
    public async Task AddMemberAsync(Guid householdId, Guid personId, CancellationToken ct = default)
    {
        await FindTrackedAsync(householdId, ct);
        var person = await db.Set<Person>().SingleOrDefaultAsync(p => p.Id == personId, ct) ?? throw new EntityNotFoundException("Personne", personId);
        if (person.IsAnonymised)
            throw new BusinessException("Une personne anonymisée ne peut pas rejoindre une famille.");
        person.HouseholdId = householdId;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Takes a person out of the family; the person stays registered.</summary>
    public async Task RemoveMemberAsync(Guid householdId, Guid personId, CancellationToken ct = default)
    {
        await FindTrackedAsync(householdId, ct);
        var person = await db.Set<Person>().SingleOrDefaultAsync(p => p.Id == personId && p.HouseholdId == householdId, ct)
            ?? throw new EntityNotFoundException("Personne", personId);
        person.HouseholdId = null;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Deletes a family no other module refers to (else a French refusal says why); its members stay registered.</summary>
    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        var household = await FindTrackedAsync(id, ct);
        foreach (var check in referenceChecks)
        {
            if (await check.WhyCannotDeleteAsync(id, ct) is { Length: > 0 } reason)
                throw new BusinessException(reason);
        }
        var members = await db.Set<Person>().Where(p => p.HouseholdId == id).ToListAsync(ct);
        foreach (var member in members)
            member.HouseholdId = null;
        db.Set<Household>().Remove(household);
        audit.Record("Famille supprimée", "Famille", id.ToString(), $"{members.Count} membre(s) conservé(s) sans famille");
        await db.SaveChangesAsync(ct);
    }

    private async Task<Household> FindTrackedAsync(Guid id, CancellationToken ct) =>
        await db.Set<Household>().SingleOrDefaultAsync(h => h.Id == id, ct) ?? throw new EntityNotFoundException("Famille", id);

    private static (string Name, string? Address, string? Notes) Validate(HouseholdInput input)
    {
        var name = Check.Name(input.Name, "Nom de la famille");
        return (name, Fields.Optional(input.Address, "Adresse", Household.AddressMaxLength), Fields.Optional(input.Notes, "Notes", Person.NotesMaxLength));
    }
}
