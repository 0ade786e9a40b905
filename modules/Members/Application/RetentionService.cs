using CentresConnectes.Members.Contracts;
using CentresConnectes.Members.Domain;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.Members.Application;

public sealed record RetentionCandidate(Guid Id, string LastName, string FirstName, DateOnly DateOfBirth, DateOnly RegisteredOn, DateTime LastChangeUtc)
{
    public string FullName => $"{LastName} {FirstName}".Trim();
}

/// <param name="SinceUtc">No contact at or after this instant (two years ago).</param>
public sealed record RetentionList(DateTime SinceUtc, int Total, int Page, int PageCount, IReadOnlyList<RetentionCandidate> Persons);

/// <summary>
/// RGPD retention (SPEC §9, ADR 0015): the persons of the structure with no contact for two years —
/// no presence, no message sent (each module says so through <see cref="IPersonContactSource"/>), no
/// change to their file — listed for the admin, who anonymises them. Pages and API call this service.
/// </summary>
public sealed class RetentionService(AppDbContext db, IEnumerable<IPersonContactSource> sources, PersonService persons, TimeProvider clock)
{
    public const int Years = 2;
    public const int PageSize = 100;

    private DateTime SinceUtc => clock.GetUtcNow().UtcDateTime.AddYears(-Years);

    /// <summary>One SQL statement: the register's own dates, then a NOT IN per contact source.</summary>
    private IQueryable<Person> Candidates(DateTime since)
    {
        var query = db.Set<Person>().AsNoTracking()
            .Where(p => !p.IsAnonymised && p.CreatedAtUtc < since && (p.UpdatedAtUtc == null || p.UpdatedAtUtc < since));
        foreach (var source in sources)
        {
            var contacted = source.PersonsContactedSince(since);
            query = query.Where(p => !contacted.Contains(p.Id));
        }
        return query;
    }

    public async Task<RetentionList> ListAsync(int page = 1, CancellationToken ct = default)
    {
        var since = SinceUtc;
        var candidates = Candidates(since);
        var total = await candidates.CountAsync(ct);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var rows = await candidates.OrderBy(p => p.NormalizedName).ThenBy(p => p.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(p => new RetentionCandidate(p.Id, p.LastName, p.FirstName, p.DateOfBirth, p.RegisteredOn, p.UpdatedAtUtc ?? p.CreatedAtUtc))
            .ToListAsync(ct);
        return new RetentionList(since, total, page, pageCount, rows);
    }

    /// <summary>
    /// Anonymises the chosen persons, all or none: each must still be without contact now (a family
    /// may have come back since the list was shown). <paramref name="all"/> takes every person listed.
    /// </summary>
    public async Task<int> AnonymiseAsync(IReadOnlyCollection<Guid> ids, bool all = false, CancellationToken ct = default)
    {
        var candidates = Candidates(SinceUtc);
        List<Guid> chosen;
        if (all)
        {
            chosen = await candidates.Select(p => p.Id).ToListAsync(ct);
        }
        else
        {
            chosen = [.. ids.Distinct()];
            if (chosen.Count == 0)
                throw new BusinessException("Cochez au moins une personne à anonymiser.");
            var eligible = await candidates.Where(p => chosen.Contains(p.Id)).CountAsync(ct);
            if (eligible != chosen.Count)
            {
                // Unknown to the structure (another's id, deleted): 404, as everywhere; else a contact came in between.
                var known = await db.Set<Person>().Where(p => chosen.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
                var unknown = chosen.Except(known).ToList();
                if (unknown.Count > 0)
                    throw new EntityNotFoundException("Personne", unknown[0]);
                throw new BusinessException("Certaines personnes cochées ont eu un contact depuis l'affichage de la liste (présence, message, fiche modifiée) : rechargez la liste. Personne n'a été anonymisé.");
            }
        }
        if (chosen.Count == 0)
            throw new BusinessException("Aucune personne n'est sans contact depuis deux ans : il n'y a rien à anonymiser.");
        return await persons.AnonymiseAsync(chosen, ct);
    }
}
