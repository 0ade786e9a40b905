using CentresConnectes.Ludotheque.Domain;
using CentresConnectes.Members.Contracts;
using CentresConnectes.Platform.Data;

namespace CentresConnectes.Ludotheque.Application;

/// <summary>A presence is a contact: the retention page does not list a person seen at the ludothèque.</summary>
internal sealed class PresenceContactSource(AppDbContext db) : IPersonContactSource
{
    public IQueryable<Guid> PersonsContactedSince(DateTime sinceUtc) =>
        db.Set<Presence>().Where(p => p.ArrivedAtUtc >= sinceUtc).Select(p => p.PersonId);
}
