using CentresConnectes.Members.Contracts;
using CentresConnectes.Members.Domain;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.ReferenceData.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.Members.Application;

/// <summary>The register as other modules read it (current structure only, through the tenant filter).</summary>
internal sealed class MemberDirectory(AppDbContext db) : IMemberDirectory
{
    public async Task<PersonSummaryDto?> FindPersonAsync(Guid personId, CancellationToken ct = default) =>
        (await GetPersonsAsync([personId], ct)).SingleOrDefault();

    public async Task<IReadOnlyList<PersonSummaryDto>> GetPersonsAsync(IReadOnlyCollection<Guid> personIds, CancellationToken ct = default)
    {
        var ids = personIds.Distinct().ToList();
        if (ids.Count == 0)
            return [];
        return await ToDtosAsync(db.Set<Person>().AsNoTracking().Where(p => ids.Contains(p.Id)), ct);
    }

    public async Task<IReadOnlyList<PersonHouseholdDto>> GetHouseholdsOfAsync(IReadOnlyCollection<Guid> personIds, CancellationToken ct = default)
    {
        var ids = personIds.Distinct().ToList();
        if (ids.Count == 0)
            return [];
        return await HouseholdsOf.For(db)(db, ids).ToListAsync(ct);
    }

    // The same read as the family's: a family is a handful of persons, their few extra columns cost nothing.
    public async Task<HouseholdSummaryDto?> FindHouseholdAsync(Guid householdId, CancellationToken ct = default) =>
        await FindFamilyAsync(householdId, ct) is { } family ? new HouseholdSummaryDto(family.Id, family.Name, [.. family.Members.Select(m => m.Id)]) : null;

    public async Task<FamilyDto?> FindFamilyAsync(Guid householdId, CancellationToken ct = default) =>
        await FamilyOf.For(db)(db, householdId, ct) is { } family
            ? new FamilyDto(family.Id, family.Name,
                [.. family.Members.Select(p => new FamilyMemberDto(p.Id, p.FirstName, p.LastName, p.DateOfBirth, Avatars.UrlOf(p.AvatarKey)))])
            : null;

    // The kiosk's reads (every family page and VALIDER) are compiled (tests: the kiosk's cross-structure probes).
    private static readonly CompiledQuery<Func<AppDbContext, List<Guid>, IAsyncEnumerable<PersonHouseholdDto>>> HouseholdsOf = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, List<Guid> ids) => db.Set<Person>().AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new PersonHouseholdDto(p.Id, p.HouseholdId, p.IsAnonymised))));

    private sealed record FamilyRow(Guid Id, string Name, List<FamilyMemberRow> Members);

    private sealed record FamilyMemberRow(Guid Id, string FirstName, string LastName, DateOnly DateOfBirth, string AvatarKey);

    // One round trip: the household and its members.
    private static readonly CompiledQuery<Func<AppDbContext, Guid, CancellationToken, Task<FamilyRow?>>> FamilyOf = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, Guid householdId, CancellationToken ct) => db.Set<Household>().AsNoTracking().Where(h => h.Id == householdId)
            .Select(h => new FamilyRow(h.Id, h.Name,
                db.Set<Person>().Where(p => p.HouseholdId == h.Id && !p.IsAnonymised).OrderBy(p => p.DateOfBirth)
                    .Select(p => new FamilyMemberRow(p.Id, p.FirstName, p.LastName, p.DateOfBirth, p.AvatarKey)).ToList()))
            .SingleOrDefault()));

    public async Task<IReadOnlyList<PersonSummaryDto>> SearchAsync(string text, int max = 20, CancellationToken ct = default)
    {
        var key = NameNormalizer.SortKey(text);
        if (key.Length == 0)
            return [];
        var high = key + NameNormalizer.PrefixUpperBound;
        return await ToDtosAsync(db.Set<Person>().AsNoTracking()
            .Where(p => !p.IsAnonymised
                        && ((p.NormalizedName.CompareTo(key) >= 0 && p.NormalizedName.CompareTo(high) < 0)
                            || (p.NormalizedFirstLast.CompareTo(key) >= 0 && p.NormalizedFirstLast.CompareTo(high) < 0)))
            .OrderBy(p => p.NormalizedName).ThenBy(p => p.Id)
            .Take(Math.Clamp(max, 1, 100)), ct);
    }

    public async Task<IReadOnlyList<PersonSummaryDto>> ListByGroupsAsync(IReadOnlyCollection<Guid> groupIds, CancellationToken ct = default)
    {
        var ids = groupIds.Distinct().ToList();
        if (ids.Count == 0)
            return [];
        var members = db.Set<PersonGroup>().Where(g => ids.Contains(g.GroupId));
        return await ToDtosAsync(db.Set<Person>().AsNoTracking().Where(p => !p.IsAnonymised && members.Any(g => g.PersonId == p.Id))
            .OrderBy(p => p.NormalizedName), ct);
    }

    private async Task<IReadOnlyList<PersonSummaryDto>> ToDtosAsync(IQueryable<Person> query, CancellationToken ct)
    {
        // The summary's columns only (not the notes, keys and consent history of whole rows).
        var persons = await query.Select(p => new
            {
                p.Id, p.HouseholdId, p.LastName, p.FirstName, p.DateOfBirth, p.SexeId, p.VilleId, p.StatutId,
                p.Email, p.MobileE164, p.AvatarKey, p.ConsentSms, p.ConsentEmail, p.IsAnonymised, p.MinimaSociauxId, p.QuotientFamilialId,
            })
            .ToListAsync(ct);
        var ids = persons.Select(p => p.Id).ToList();
        var groups = (await db.Set<PersonGroup>().AsNoTracking().Where(g => ids.Contains(g.PersonId)).Select(g => new { g.PersonId, g.GroupId }).ToListAsync(ct))
            .ToLookup(g => g.PersonId, g => g.GroupId);
        return persons.Select(p => new PersonSummaryDto(p.Id, p.HouseholdId, p.LastName, p.FirstName, p.DateOfBirth, p.SexeId, p.VilleId, p.StatutId,
            p.Email, p.MobileE164, Avatars.UrlOf(p.AvatarKey), p.ConsentSms, p.ConsentEmail, p.IsAnonymised, groups[p.Id].ToList(),
            p.MinimaSociauxId, p.QuotientFamilialId)).ToList();
    }
}

/// <summary>Tells ReferenceData whether a list value is used by a person (then it is deactivated, never deleted).</summary>
internal sealed class MembersReferenceUsage(AppDbContext db) : IReferenceValueUsage
{
    public async Task<bool> IsUsedAsync(Guid referenceItemId, CancellationToken ct = default) =>
        await db.Set<Person>().AnyAsync(p => p.SexeId == referenceItemId || p.VilleId == referenceItemId || p.StatutId == referenceItemId
                                             || p.MinimaSociauxId == referenceItemId || p.QuotientFamilialId == referenceItemId, ct)
        || await db.Set<PersonGroup>().AnyAsync(g => g.GroupId == referenceItemId, ct);
}

/// <summary>The number of registered persons per structure, in the super-admin's overview.</summary>
internal sealed class MembersUsage(AppDbContext db) : IStructureUsageContributor
{
    public string Label => "Adhérents";

    public async Task<IReadOnlyDictionary<Guid, int>> CountAsync(CancellationToken ct) =>
        // cross-tenant: the host overview counts every structure's persons, numbers only (test: The_host_overview_counts_each_structures_persons_apart)
        await db.Set<Person>().IgnoreQueryFilters([AppDbContext.TenantFilter]).Where(p => !p.IsAnonymised)
            .GroupBy(p => p.TenantId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
}
