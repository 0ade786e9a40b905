using CentresConnectes.Ludotheque.Contracts;
using CentresConnectes.Ludotheque.Domain;
using CentresConnectes.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.Ludotheque.Application;

/// <summary>The ludothèque's projections for statistics (the context's tenant filter applies to both tables).</summary>
internal sealed class LudothequeStatisticsQuery(AppDbContext db) : ILudothequeStatisticsQuery
{
    public IQueryable<SlotFacts> Slots => db.Set<Slot>().AsNoTracking().Select(s => new SlotFacts
    {
        Id = s.Id,
        Date = s.Date,
        Start = s.Start,
        End = s.End,
    });

    public IQueryable<PresenceFacts> Presences => db.Set<Presence>().AsNoTracking()
        .Join(db.Set<Slot>(), p => p.SlotId, s => s.Id, (p, s) => new PresenceFacts
        {
            Id = p.Id,
            SlotId = p.SlotId,
            Date = s.Date,
            PersonId = p.PersonId,
            HouseholdId = p.HouseholdId,
        });
}
