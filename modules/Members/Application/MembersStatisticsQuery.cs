using CentresConnectes.Members.Contracts;
using CentresConnectes.Members.Domain;
using CentresConnectes.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.Members.Application;

/// <summary>The register's projections for statistics (the context's tenant filter applies).</summary>
internal sealed class MembersStatisticsQuery(AppDbContext db) : IMembersStatisticsQuery
{
    public IQueryable<PersonFacts> Persons => db.Set<Person>().AsNoTracking().Select(p => new PersonFacts
    {
        Id = p.Id,
        HouseholdId = p.HouseholdId,
        DateOfBirth = p.DateOfBirth,
        RegisteredOn = p.RegisteredOn,
        SexeId = p.SexeId,
        VilleId = p.VilleId,
        StatutId = p.StatutId,
        MinimaSociauxId = p.MinimaSociauxId,
        QuotientFamilialId = p.QuotientFamilialId,
        ConsentSms = p.ConsentSms,
        ConsentEmail = p.ConsentEmail,
    });

    public IQueryable<PersonGroupFacts> PersonGroups => db.Set<PersonGroup>().AsNoTracking().Select(g => new PersonGroupFacts
    {
        PersonId = g.PersonId,
        GroupId = g.GroupId,
    });
}
