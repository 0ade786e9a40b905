using CentresConnectes.Members.Contracts;
using CentresConnectes.Members.Domain;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.Members.Application;

/// <summary>
/// <see cref="IFamilyRegister"/> over <see cref="HouseholdService"/> and <see cref="PersonService"/>, so a
/// family registering itself meets exactly the rules staff meet (field checks, no duplicate, consent
/// recorded with date and who), minus the staff-only fields.
/// </summary>
internal sealed class FamilyRegister(AppDbContext db, HouseholdService households, PersonService persons, IAuditLog audit) : IFamilyRegister
{
    public const string AlreadyRegistered =
        "{0} est peut-être déjà inscrit(e) au centre social. Pour ne pas l'inscrire deux fois, adressez-vous à l'accueil : " +
        "l'équipe retrouvera votre fiche et vous aidera à vous connecter.";

    public IReadOnlyList<AvatarChoice> Avatars { get; } = Domain.Avatars.All.Select(a => new AvatarChoice(a.Key, a.Label, a.Url)).ToList();

    public async Task<RegisteredFamily> RegisterFamilyAsync(NewFamily family, string recordedBy, CancellationToken ct = default)
    {
        if (family.Members.Count == 0)
            throw new BusinessException("Indiquez au moins une personne de la famille.");
        if (family.Members.Count > 20)
            throw new BusinessException("Une inscription compte au plus 20 personnes : l'accueil ajoutera les autres.");
        ThrowIfTwiceInTheForm(family.Members);
        return await InTransactionAsync(async () =>
        {
            var householdId = await households.CreateAsync(new HouseholdInput { Name = family.Name }, ct);
            var ids = new List<Guid>();
            foreach (var member in family.Members)
                ids.Add(await CreateAsync(householdId, member, recordedBy, ct));
            audit.Record("Famille inscrite par elle-même", "Famille", householdId.ToString(), $"{ids.Count} membre(s), {recordedBy}");
            await db.SaveChangesAsync(ct);
            return new RegisteredFamily(householdId, ids);
        }, ct);
    }

    public async Task<Guid> AddMemberAsync(Guid householdId, NewMember member, string recordedBy, CancellationToken ct = default)
    {
        var household = await households.GetAsync(householdId, ct);
        return await InTransactionAsync(async () =>
        {
            var id = await CreateAsync(householdId, member, recordedBy, ct);
            audit.Record("Membre ajouté par la famille", "Personne", id.ToString(), $"Famille {household.Name}, {recordedBy}");
            await db.SaveChangesAsync(ct);
            return id;
        }, ct);
    }

    public async Task CorrectMemberAsync(Guid householdId, Guid personId, string? firstName, DateOnly? dateOfBirth, string recordedBy, CancellationToken ct = default)
    {
        // Only a member of this household: any other id (another family, another structure) is "not found".
        if (!await db.Set<Person>().AnyAsync(p => p.Id == personId && p.HouseholdId == householdId && !p.IsAnonymised, ct))
            throw new EntityNotFoundException("Personne", personId);
        var before = await db.Set<Person>().AsNoTracking().Where(p => p.Id == personId).Select(p => new { p.FirstName, p.DateOfBirth }).SingleAsync(ct);
        await InTransactionAsync(async () =>
        {
            try
            {
                await persons.CorrectIdentityAsync(personId, firstName, dateOfBirth, ct);
            }
            catch (DuplicatePersonException)
            {
                throw new AlreadyRegisteredException(string.Format(ParisTime.French, AlreadyRegistered, Display(firstName)));
            }
            // No names in the audit log (as for staff edits): what changed, not to what.
            var changed = new List<string>();
            if (before.FirstName != firstName?.Trim()) changed.Add("prénom");
            if (before.DateOfBirth != dateOfBirth) changed.Add("date de naissance");
            audit.Record("Membre corrigé par la famille", "Personne", personId.ToString(),
                $"{(changed.Count == 0 ? "aucun changement" : string.Join(" et ", changed))}, {recordedBy}");
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);
    }

    private async Task<Guid> CreateAsync(Guid householdId, NewMember member, string recordedBy, CancellationToken ct)
    {
        try
        {
            return await persons.CreateAsync(new PersonInput
            {
                LastName = member.LastName,
                FirstName = member.FirstName,
                DateOfBirth = member.DateOfBirth,
                SexeId = member.SexeId,
                VilleId = member.VilleId,
                StatutId = member.StatutId,
                AvatarKey = member.AvatarKey,
                Email = member.Email,
                Mobile = member.Mobile,
                ConsentSms = member.ConsentSms,
                ConsentEmail = member.ConsentEmail,
                HouseholdId = householdId,
            }, recordedBy, ct);
        }
        catch (DuplicatePersonException)
        {
            throw new AlreadyRegisteredException(string.Format(ParisTime.French, AlreadyRegistered, Display(member.FirstName)));
        }
    }

    private static string Display(string? firstName) => string.IsNullOrWhiteSpace(firstName) ? "Une des personnes" : firstName.Trim();

    private static void ThrowIfTwiceInTheForm(IReadOnlyList<NewMember> members)
    {
        var twice = members.Where(m => m.DateOfBirth is not null && !string.IsNullOrWhiteSpace(m.FirstName))
            .GroupBy(m => (NameNormalizer.DuplicateKey(m.LastName ?? "", m.FirstName!), m.DateOfBirth))
            .FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            throw new BusinessException($"{twice.First().FirstName!.Trim()} est écrit(e) deux fois : une seule ligne par personne.");
    }

    /// <summary>
    /// One transaction for the whole command, or the caller's when it has one (the kiosk also opens the
    /// family's account in it). On failure the change tracker is emptied: nothing half-made is saved later.
    /// </summary>
    private async Task<T> InTransactionAsync<T>(Func<Task<T>> action, CancellationToken ct)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var result = await action();
            if (own is not null)
                await own.CommitAsync(ct);
            return result;
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
        finally
        {
            if (own is not null)
                await own.DisposeAsync();
        }
    }
}
