using CentresConnectes.Ludotheque.Domain;
using CentresConnectes.Members.Contracts;
using CentresConnectes.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.Ludotheque.Application;

/// <summary>Members asks before deleting: a person or family with presences is kept (statistics need them).</summary>
internal sealed class PresenceReferenceCheck(AppDbContext db) : IPersonReferenceCheck, IHouseholdReferenceCheck
{
    async Task<string?> IPersonReferenceCheck.WhyCannotDeleteAsync(Guid personId, CancellationToken ct) =>
        await db.Set<Presence>().AnyAsync(p => p.PersonId == personId, ct)
            ? "Cette personne a des présences enregistrées à la ludothèque : elle ne peut pas être supprimée. Vous pouvez l'anonymiser."
            : null;

    async Task<string?> IHouseholdReferenceCheck.WhyCannotDeleteAsync(Guid householdId, CancellationToken ct) =>
        await db.Set<Presence>().AnyAsync(p => p.HouseholdId == householdId, ct)
            ? "Cette famille a des présences enregistrées à la ludothèque : elle ne peut pas être supprimée."
            : null;
}
