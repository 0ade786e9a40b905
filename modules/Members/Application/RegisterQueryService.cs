using CentresConnectes.Members.Domain;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.Members.Application;

/// <summary>
/// The register's list: alphabetical (French: É sorts with E) through the ASCII sort keys, search as
/// you type by prefix (nom prénom, prénom nom, mobile, e-mail), filters, pages of 50.
/// Anonymised persons are kept for statistics but never listed. Sensitive groups are listed, filtered
/// on and exported only for the users <see cref="MemberPrivacy"/> allows.
/// </summary>
public sealed class RegisterQueryService(AppDbContext db, ReferenceLookupCache references, MemberPrivacy privacy, TimeProvider clock)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public async Task<Page<PersonRow>> SearchAsync(PersonFilter filter, int page = 1, int pageSize = DefaultPageSize, CancellationToken ct = default)
    {
        (page, pageSize, var pageSkip) = Paging.Clamp(page, pageSize, MaxPageSize);
        var lookup = await references.GetAsync(ct);
        var query = Apply(filter, lookup);
        var total = await query.CountAsync(ct);
        var rows = await Project(query.OrderBy(p => p.NormalizedName).ThenBy(p => p.Id)
            .Skip(pageSkip).Take(pageSize)).ToListAsync(ct);
        return new Page<PersonRow>(await ToRowsAsync(rows, lookup, ct), page, pageSize, total);
    }

    /// <summary>Every person matching the filter, alphabetically, in batches (export: memory stays flat).</summary>
    public async IAsyncEnumerable<ExportRow> StreamAsync(PersonFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var lookup = await references.GetAsync(ct);
        var query = Apply(filter, lookup);
        const int batch = 2000;
        // Offset batches: exports are rare and the sort index serves the order.
        for (var skip = 0; ; skip += batch)
        {
            var rows = await Project(query.OrderBy(p => p.NormalizedName).ThenBy(p => p.Id).Skip(skip).Take(batch)).ToListAsync(ct);
            var (groups, households) = await LoadExtrasAsync(rows, lookup, ct);
            foreach (var row in rows)
                yield return new ExportRow(row, row.HouseholdId is { } h ? households.GetValueOrDefault(h) : null, groups[row.Id].ToList());
            if (rows.Count < batch)
                yield break;
        }
    }

    internal IQueryable<Person> Apply(PersonFilter filter, ReferenceLookup lookup)
    {
        var query = db.Set<Person>().AsNoTracking().Where(p => !p.IsAnonymised);
        if (filter.HouseholdId is { } householdId)
            query = query.Where(p => p.HouseholdId == householdId);
        if (filter.GroupId is { } groupId)
        {
            // Filtering on a sensitive group would list its members: for users who may not see it, nobody matches.
            if (!privacy.CanSeeGroup(lookup, groupId))
                return query.Where(p => false);
            var members = db.Set<PersonGroup>().Where(g => g.GroupId == groupId);
            query = query.Where(p => members.Any(g => g.PersonId == p.Id));
        }
        if (filter.AgeBracketId is { } bracketId)
        {
            var bracket = lookup.AgeBrackets.FirstOrDefault(b => b.Id == bracketId);
            if (bracket is null)
                return query.Where(p => false);
            var (from, to) = Ages.BirthRange(bracket.MinAge, bracket.MaxAge, ParisTime.Today(clock));
            query = query.Where(p => p.DateOfBirth >= from && p.DateOfBirth <= to);
        }
        query = filter.Consent switch
        {
            ConsentFilter.Sms => query.Where(p => p.ConsentSms),
            ConsentFilter.Email => query.Where(p => p.ConsentEmail),
            ConsentFilter.None => query.Where(p => !p.ConsentSms && !p.ConsentEmail),
            _ => query,
        };
        return ApplySearch(query, filter.Query);
    }

    private static IQueryable<Person> ApplySearch(IQueryable<Person> query, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return query;
        var trimmed = text.Trim();
        if (trimmed.Contains('@', StringComparison.Ordinal))
        {
            var (low, high) = Range(trimmed.ToLowerInvariant());
            return query.Where(p => p.NormalizedEmail!.CompareTo(low) >= 0 && p.NormalizedEmail.CompareTo(high) < 0);
        }
        if (FrenchPhone.SearchPrefix(trimmed) is { } phone)
        {
            var (low, high) = Range(phone);
            return query.Where(p => p.MobileE164!.CompareTo(low) >= 0 && p.MobileE164.CompareTo(high) < 0);
        }
        var key = NameNormalizer.SortKey(trimmed);
        if (key.Length == 0)
            return query;
        var (from, until) = Range(key);
        return query.Where(p => (p.NormalizedName.CompareTo(from) >= 0 && p.NormalizedName.CompareTo(until) < 0)
            || (p.NormalizedFirstLast.CompareTo(from) >= 0 && p.NormalizedFirstLast.CompareTo(until) < 0));
    }

    /// <summary>[prefix, prefix + '~'): every ASCII key starting with the prefix, as an index range.</summary>
    private static (string Low, string High) Range(string prefix) => (prefix, prefix + NameNormalizer.PrefixUpperBound);

    private static IQueryable<PersonListItem> Project(IQueryable<Person> query) =>
        query.Select(p => new PersonListItem(p.Id, p.NormalizedName, p.LastName, p.FirstName, p.DateOfBirth, p.SexeId, p.VilleId, p.StatutId,
            p.MinimaSociauxId, p.QuotientFamilialId, p.MobileE164, p.Email, p.AvatarKey, p.HouseholdId, p.ConsentSms, p.ConsentEmail,
            p.RegisteredOn, p.Notes, p.LandlineE164));

    private async Task<(ILookup<Guid, string> Groups, Dictionary<Guid, string> Households)> LoadExtrasAsync(
        IReadOnlyList<PersonListItem> items, ReferenceLookup lookup, CancellationToken ct)
    {
        var ids = items.Select(i => i.Id).ToList();
        var groups = (ids.Count == 0 ? []
                : await db.Set<PersonGroup>().AsNoTracking().Where(g => ids.Contains(g.PersonId)).Select(g => new { g.PersonId, g.GroupId }).ToListAsync(ct))
            .Where(g => privacy.CanSeeGroup(lookup, g.GroupId))
            .Select(g => (g.PersonId, Label: lookup.Label(g.GroupId) ?? "?"))
            .OrderBy(g => g.Label, StringComparer.Create(ParisTime.French, true))
            .ToLookup(g => g.PersonId, g => g.Label);
        var householdIds = items.Where(i => i.HouseholdId is not null).Select(i => i.HouseholdId!.Value).Distinct().ToList();
        var households = householdIds.Count == 0 ? new Dictionary<Guid, string>()
            : await db.Set<Household>().AsNoTracking().Where(h => householdIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.Name, ct);
        return (groups, households);
    }

    private async Task<IReadOnlyList<PersonRow>> ToRowsAsync(IReadOnlyList<PersonListItem> items, ReferenceLookup lookup, CancellationToken ct)
    {
        if (items.Count == 0)
            return [];
        var (groups, households) = await LoadExtrasAsync(items, lookup, ct);
        var today = ParisTime.Today(clock);
        return items.Select(i => new PersonRow(i.Id, i.LastName, i.FirstName, i.DateOfBirth, Ages.Text(i.DateOfBirth, today),
                lookup.Label(i.VilleId), FrenchPhone.Display(i.MobileE164), i.Email, Avatars.UrlOf(i.AvatarKey),
                i.HouseholdId, i.HouseholdId is { } h ? households.GetValueOrDefault(h) : null, i.ConsentSms, i.ConsentEmail,
                groups[i.Id].ToList()))
            .ToList();
    }
}

/// <summary>The columns a list or an export reads (one query, no entity tracking).</summary>
public sealed record PersonListItem(Guid Id, string NormalizedName, string LastName, string FirstName, DateOnly DateOfBirth,
    Guid? SexeId, Guid? VilleId, Guid? StatutId, Guid? MinimaSociauxId, Guid? QuotientFamilialId,
    string? MobileE164, string? Email, string AvatarKey, Guid? HouseholdId, bool ConsentSms, bool ConsentEmail,
    DateOnly RegisteredOn, string? Notes, string? LandlineE164 = null);

public sealed record ExportRow(PersonListItem Person, string? HouseholdName, IReadOnlyList<string> Groups);

/// <summary>The structure's reference lists, loaded once per request (scoped).</summary>
public sealed class ReferenceLookupCache(ReferenceData.Contracts.IReferenceDataQuery query)
{
    private ReferenceLookup? _lookup;

    public async Task<ReferenceLookup> GetAsync(CancellationToken ct = default) => _lookup ??= await ReferenceLookup.LoadAsync(query, ct);
}
