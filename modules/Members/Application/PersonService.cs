using CentresConnectes.Members.Contracts;
using CentresConnectes.Members.Domain;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.Platform.Infrastructure;
using CentresConnectes.ReferenceData.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.Members.Application;

/// <summary>
/// Registering, editing, reading, deleting and anonymising persons of the current structure.
/// Pages and API endpoints both call this service.
/// </summary>
public sealed class PersonService(
    AppDbContext db,
    ReferenceLookupCache references,
    MemberPrivacy privacy,
    ICurrentUser user,
    ICurrentTenant tenant,
    IAuditLog audit,
    IEnumerable<IPersonReferenceCheck> referenceChecks,
    IEventPublisher events,
    TimeProvider clock) : IMemberConsent
{
    public bool CanSeeSocialData => privacy.CanSeeSocialData;

    public bool CanSeeNotes => privacy.CanSeeNotes;

    private DateOnly Today => ParisTime.Today(clock);

    private string RecordedBy => _recordedBy ?? user.RecordedName;

    // Set for one call by a write made on a family's behalf (the kiosk has no signed-in user to name).
    private string? _recordedBy;

    public Task<ReferenceLookup> LoadReferencesAsync(CancellationToken ct = default) => references.GetAsync(ct);

    /// <summary>Registers a person on behalf of someone who is not a signed-in user (a family at the kiosk): the consents name them.</summary>
    public async Task<Guid> CreateAsync(PersonInput input, string recordedBy, CancellationToken ct = default)
    {
        _recordedBy = recordedBy;
        try
        {
            return await CreateAsync(input, ct);
        }
        finally
        {
            _recordedBy = null;
        }
    }

    /// <summary>
    /// Corrects only the first name and the birth date (what a family may fix itself), with the
    /// no-duplicate rule; everything else of the person stays as staff left it.
    /// </summary>
    public async Task CorrectIdentityAsync(Guid id, string? firstName, DateOnly? dateOfBirth, CancellationToken ct = default)
    {
        var person = await FindTrackedAsync(id, ct);
        if (person.IsAnonymised)
            throw new BusinessException("Cette personne a été anonymisée : sa fiche ne peut plus être modifiée.");
        var first = Check.Name(firstName, "Prénom");
        if (dateOfBirth is not { } born)
            throw new BusinessException("La date de naissance est obligatoire (jj/mm/aaaa).");
        if (Check.BirthDateError(born, Today) is { } dateError)
            throw new BusinessException(dateError);
        person.SetIdentity(person.LastName, first, born);
        person.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        await ThrowIfDuplicateAsync(person, ct);
        await SaveAsync(person, ct);
    }

    public async Task<Guid> CreateAsync(PersonInput input, CancellationToken ct = default)
    {
        tenant.RequireId();
        var lookup = await LoadReferencesAsync(ct);
        var values = await ValidateAsync(input, lookup, existing: null, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var person = new Person(values.LastName, values.FirstName, values.DateOfBirth, values.RegisteredOn ?? Today) { CreatedAtUtc = now };
        values.ApplyTo(person, CanSeeSocialData, CanSeeNotes);
        if (!CanSeeSocialData && values.HouseholdId is { } householdId)
        {
            // A user who may not see the social fields cannot choose them; a new family member takes the
            // family's (its eldest member's), as the form pre-fills them for those who may.
            var family = await db.Set<Person>().AsNoTracking().Where(p => p.HouseholdId == householdId && !p.IsAnonymised)
                .OrderBy(p => p.DateOfBirth).Select(p => new { p.MinimaSociauxId, p.QuotientFamilialId }).FirstOrDefaultAsync(ct);
            person.MinimaSociauxId = family?.MinimaSociauxId;
            person.QuotientFamilialId = family?.QuotientFamilialId;
        }
        person.SetConsent(values.ConsentSms, values.ConsentEmail, RecordedBy, now);

        await ThrowIfDuplicateAsync(person, ct);
        db.Set<Person>().Add(person);
        foreach (var groupId in values.GroupIds)
            db.Set<PersonGroup>().Add(new PersonGroup(person.Id, groupId));
        await SaveAsync(person, ct);
        return person.Id;
    }

    public async Task UpdateAsync(Guid id, PersonInput input, CancellationToken ct = default)
    {
        var person = await FindTrackedAsync(id, ct);
        if (person.IsAnonymised)
            throw new BusinessException("Cette personne a été anonymisée : sa fiche ne peut plus être modifiée.");
        var lookup = await LoadReferencesAsync(ct);
        var currentGroups = await db.Set<PersonGroup>().Where(g => g.PersonId == id).ToListAsync(ct);
        var values = await ValidateAsync(input, lookup, person, ct, currentGroups.Select(g => g.GroupId).ToList());
        var now = clock.GetUtcNow().UtcDateTime;
        var (hadSms, hadEmail) = (person.ConsentSms, person.ConsentEmail);

        person.SetIdentity(values.LastName, values.FirstName, values.DateOfBirth);
        values.ApplyTo(person, CanSeeSocialData, CanSeeNotes);
        if (values.RegisteredOn is { } registeredOn)
            person.RegisteredOn = registeredOn;
        person.SetConsent(values.ConsentSms, values.ConsentEmail, RecordedBy, now);
        person.UpdatedAtUtc = now;

        await ThrowIfDuplicateAsync(person, ct);
        db.Set<PersonGroup>().RemoveRange(currentGroups.Where(g => !values.GroupIds.Contains(g.GroupId)));
        foreach (var groupId in values.GroupIds.Where(g => currentGroups.All(c => c.GroupId != g)))
            db.Set<PersonGroup>().Add(new PersonGroup(person.Id, groupId));
        await SaveAsync(person, ct);
        await PublishWithdrawalAsync(person, hadSms, hadEmail, ct);
    }

    /// <summary>A STOP reply forwarded by the SMS provider: the SMS consent goes at once.</summary>
    public async Task WithdrawSmsConsentAsync(Guid personId, string recordedBy, CancellationToken ct = default)
    {
        var person = await FindTrackedAsync(personId, ct);
        if (!person.ConsentSms)
            return;
        person.SetConsent(false, person.ConsentEmail, recordedBy, clock.GetUtcNow().UtcDateTime);
        audit.Record("Consentement SMS retiré (réponse STOP)", "Personne", personId.ToString());
        await db.SaveChangesAsync(ct);
        await PublishWithdrawalAsync(person, true, person.ConsentEmail, ct);
    }

    // After SaveChanges: the handlers (SmsAlerts cancels queued messages) see the committed consent.
    private Task PublishWithdrawalAsync(Person person, bool hadSms, bool hadEmail, CancellationToken ct) =>
        (hadSms && !person.ConsentSms) || (hadEmail && !person.ConsentEmail)
            ? events.PublishAsync(new PersonConsentWithdrawn(person.TenantId, person.Id, hadSms && !person.ConsentSms, hadEmail && !person.ConsentEmail), ct)
            : Task.CompletedTask;

    public async Task<PersonDetails> GetAsync(Guid id, CancellationToken ct = default)
    {
        var person = await db.Set<Person>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct)
            ?? throw new EntityNotFoundException("Personne", id);
        var lookup = await LoadReferencesAsync(ct);
        var groupIds = await db.Set<PersonGroup>().AsNoTracking().Where(g => g.PersonId == id).Select(g => g.GroupId).ToListAsync(ct);
        var householdName = person.HouseholdId is { } householdId
            ? await db.Set<Household>().AsNoTracking().Where(h => h.Id == householdId).Select(h => h.Name).SingleOrDefaultAsync(ct)
            : null;
        return ToDetails(person, lookup, groupIds, householdName);
    }

    internal PersonDetails ToDetails(Person p, ReferenceLookup lookup, IReadOnlyList<Guid> groupIds, string? householdName)
    {
        var social = CanSeeSocialData;
        var notes = CanSeeNotes;
        return new PersonDetails(p.Id, p.LastName, p.FirstName, p.DateOfBirth, Ages.Text(p.DateOfBirth, Today),
            p.SexeId, lookup.Label(p.SexeId), p.VilleId, lookup.Label(p.VilleId), p.StatutId, lookup.Label(p.StatutId),
            social,
            social ? p.MinimaSociauxId : null, social ? lookup.Label(p.MinimaSociauxId) : null,
            social ? p.QuotientFamilialId : null, social ? lookup.Label(p.QuotientFamilialId) : null,
            p.Email, p.MobileE164, FrenchPhone.Display(p.MobileE164), p.AvatarKey, Avatars.UrlOf(p.AvatarKey), p.RegisteredOn, notes ? p.Notes : null,
            p.ConsentSms, p.ConsentSmsAtUtc, p.ConsentSmsBy, p.ConsentEmail, p.ConsentEmailAtUtc, p.ConsentEmailBy,
            p.HouseholdId, householdName,
            groupIds.Where(g => privacy.CanSeeGroup(lookup, g))
                .Select(g => new LabelledId(g, lookup.Label(g) ?? "?")).OrderBy(g => g.Label, StringComparer.Create(ParisTime.French, true)).ToList(),
            p.IsAnonymised, p.CreatedAtUtc, notes, p.LandlineE164, FrenchPhone.Display(p.LandlineE164));
    }

    /// <summary>Deletes a person no other module refers to (else a French refusal says why).</summary>
    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        var person = await FindTrackedAsync(id, ct);
        foreach (var check in referenceChecks)
        {
            if (await check.WhyCannotDeleteAsync(id, ct) is { Length: > 0 } reason)
                throw new BusinessException(reason);
        }
        db.Set<PersonGroup>().RemoveRange(await db.Set<PersonGroup>().Where(g => g.PersonId == id).ToListAsync(ct));
        db.Set<Person>().Remove(person);
        // No names in the audit log: the id is enough to answer "who deleted this record?".
        audit.Record("Adhérent supprimé", "Personne", id.ToString());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>RGPD erasure: the row stays for statistics, the identity goes (see <see cref="Person.Anonymise"/>).</summary>
    public Task AnonymiseAsync(Guid id, CancellationToken ct = default) => AnonymiseAsync([id], ct);

    /// <summary>
    /// Anonymises the persons in one transaction (all or none; an id the structure does not know is a
    /// 404). A family left with no identifiable member is anonymised with them (ADR 0015). The events
    /// go once the change is committed.
    /// </summary>
    public async Task<int> AnonymiseAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default)
    {
        var wanted = ids.Distinct().ToList();
        var found = await db.Set<Person>().Where(p => wanted.Contains(p.Id)).ToListAsync(ct);
        var missing = wanted.Except(found.Select(p => p.Id)).ToList();
        if (missing.Count > 0)
            throw new EntityNotFoundException("Personne", missing[0]);
        var now = clock.GetUtcNow().UtcDateTime;
        var anonymised = found.Where(p => !p.IsAnonymised).ToList();
        foreach (var person in anonymised)
        {
            person.Anonymise(now);
            audit.Record("Adhérent anonymisé (RGPD)", "Personne", person.Id.ToString());
        }

        var anonymisedIds = anonymised.Select(p => p.Id).ToList();
        var households = anonymised.Where(p => p.HouseholdId != null).Select(p => p.HouseholdId!.Value).Distinct().ToList();
        var stillNamed = await db.Set<Person>().AsNoTracking()
            .Where(p => p.HouseholdId != null && households.Contains(p.HouseholdId.Value) && !p.IsAnonymised && !anonymisedIds.Contains(p.Id))
            .Select(p => p.HouseholdId!.Value).Distinct().ToListAsync(ct);
        var emptied = households.Except(stillNamed).ToList();
        foreach (var household in await db.Set<Household>().Where(h => emptied.Contains(h.Id)).ToListAsync(ct))
        {
            household.Anonymise();
            audit.Record("Famille anonymisée (RGPD, plus aucun membre identifiable)", "Famille", household.Id.ToString());
        }

        await db.SaveChangesAsync(ct);
        foreach (var person in anonymised)
            await events.PublishAsync(new PersonAnonymised(person.TenantId, person.Id), ct);
        return anonymised.Count;
    }

    /// <summary>Looks for a registered person the given identity would duplicate.</summary>
    public async Task<(Guid Id, string Reason)?> FindDuplicateAsync(string lastName, string firstName, DateOnly dateOfBirth,
        string? mobileE164, string? email, Guid? exceptId = null, CancellationToken ct = default)
    {
        var key = NameNormalizer.DuplicateKey(lastName, firstName);
        var normalizedEmail = NameNormalizer.Email(email);
        var candidates = await db.Set<Person>().AsNoTracking()
            .Where(p => !p.IsAnonymised && p.Id != exceptId
                && ((p.DuplicateKey == key && p.DateOfBirth == dateOfBirth)
                    || (mobileE164 != null && p.MobileE164 == mobileE164)
                    || (normalizedEmail != null && p.NormalizedEmail == normalizedEmail)))
            .OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.DuplicateKey, p.DateOfBirth, p.MobileE164, p.NormalizedEmail })
            .Take(5).ToListAsync(ct);
        foreach (var c in candidates)
        {
            if (c.DuplicateKey == key && c.DateOfBirth == dateOfBirth)
                return (c.Id, "même nom, prénom et date de naissance");
        }
        foreach (var c in candidates.OrderBy(c => c.Id))
        {
            if (mobileE164 is not null && c.MobileE164 == mobileE164)
                return (c.Id, "même numéro de portable");
            if (normalizedEmail is not null && c.NormalizedEmail == normalizedEmail)
                return (c.Id, "même adresse e-mail");
        }
        return null;
    }

    private async Task ThrowIfDuplicateAsync(Person person, CancellationToken ct)
    {
        if (await FindDuplicateAsync(person.LastName, person.FirstName, person.DateOfBirth, person.MobileE164, person.Email, person.Id, ct) is { } found)
            throw new DuplicatePersonException(found.Id, found.Reason);
    }

    /// <summary>
    /// Saves; when a unique index refuses the row, another request registered the same person in
    /// the meantime: the caller gets the same "already registered" answer as without the race.
    /// </summary>
    private async Task SaveAsync(Person person, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            db.ChangeTracker.Clear();
            if (await FindDuplicateAsync(person.LastName, person.FirstName, person.DateOfBirth, person.MobileE164, person.Email, person.Id, ct) is { } found)
                throw new DuplicatePersonException(found.Id, found.Reason);
            throw;
        }
    }

    private async Task<Person> FindTrackedAsync(Guid id, CancellationToken ct) =>
        await db.Set<Person>().SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new EntityNotFoundException("Personne", id);

    private async Task<PersonValues> ValidateAsync(PersonInput input, ReferenceLookup lookup, Person? existing, CancellationToken ct,
        IReadOnlyCollection<Guid>? currentGroups = null)
    {
        var lastName = Check.Name(input.LastName, "Nom");
        var firstName = Check.Name(input.FirstName, "Prénom");
        if (input.DateOfBirth is not { } dateOfBirth)
            throw new BusinessException("La date de naissance est obligatoire (jj/mm/aaaa).");
        if (Check.BirthDateError(dateOfBirth, Today) is { } dateError)
            throw new BusinessException(dateError);
        var (email, emailError) = Check.Email(input.Email);
        if (emailError is not null)
            throw new BusinessException(emailError);
        var phone = FrenchPhone.ParseMobile(input.Mobile);
        if (phone.Error is not null)
            throw new BusinessException(phone.Error);
        var landline = FrenchPhone.ParseLandline(input.Landline);
        if (landline.Error is not null)
            throw new BusinessException(landline.Error.Replace("n'est pas un numéro de téléphone valide", "n'est pas un numéro de téléphone fixe valide", StringComparison.Ordinal));
        if (input.RegisteredOn is { } registered && Check.RegistrationDateError(registered, Today) is { } registeredError)
            throw new BusinessException(registeredError);
        if (input.HouseholdId is { } householdId && householdId != Guid.Empty
            && !await db.Set<Household>().AnyAsync(h => h.Id == householdId, ct))
            throw new EntityNotFoundException("Famille", householdId);
        if (input.ConsentSms && phone.E164 is null)
            throw new BusinessException("Le consentement aux SMS demande un numéro de portable.");
        if (input.ConsentEmail && email is null)
            throw new BusinessException("Le consentement aux e-mails demande une adresse e-mail.");

        return new PersonValues(
            lastName, firstName, dateOfBirth,
            lookup.Validate(input.SexeId, ReferenceListKind.Sexe, "Sexe", existing?.SexeId),
            lookup.Validate(input.VilleId, ReferenceListKind.Ville, "Ville de résidence", existing?.VilleId),
            lookup.Validate(input.StatutId, ReferenceListKind.Statut, "Statut", existing?.StatutId),
            CanSeeSocialData ? lookup.Validate(input.MinimaSociauxId, ReferenceListKind.MinimaSociaux, "Minima sociaux", existing?.MinimaSociauxId) : existing?.MinimaSociauxId,
            CanSeeSocialData ? lookup.Validate(input.QuotientFamilialId, ReferenceListKind.QuotientFamilial, "Quotient familial", existing?.QuotientFamilialId) : existing?.QuotientFamilialId,
            email, phone.E164, landline.E164,
            Avatars.IsKnown(input.AvatarKey) ? input.AvatarKey! : existing?.AvatarKey ?? Avatars.Default,
            input.RegisteredOn,
            CanSeeNotes ? Fields.Optional(input.Notes, "Notes de suivi", Person.NotesMaxLength) : existing?.Notes,
            input.ConsentSms, input.ConsentEmail,
            input.HouseholdId == Guid.Empty ? null : input.HouseholdId,
            Groups(input.GroupIds, lookup, currentGroups));
    }

    /// <summary>
    /// The groups to save. Without the social-data permission the sensitive groups are neither shown
    /// nor chosen: any sent anyway is ignored, and those the person already has are kept.
    /// </summary>
    private IReadOnlyList<Guid> Groups(IEnumerable<Guid>? chosen, ReferenceLookup lookup, IReadOnlyCollection<Guid>? current)
    {
        if (CanSeeSocialData)
            return lookup.ValidateGroups(chosen, current);
        var visible = lookup.ValidateGroups(chosen?.Where(g => !lookup.IsSensitive(g)), current);
        return visible.Concat(current?.Where(lookup.IsSensitive) ?? []).Distinct().ToList();
    }

    private sealed record PersonValues(
        string LastName, string FirstName, DateOnly DateOfBirth,
        Guid? SexeId, Guid? VilleId, Guid? StatutId, Guid? MinimaSociauxId, Guid? QuotientFamilialId,
        string? Email, string? MobileE164, string? LandlineE164, string AvatarKey, DateOnly? RegisteredOn, string? Notes,
        bool ConsentSms, bool ConsentEmail, Guid? HouseholdId, IReadOnlyList<Guid> GroupIds)
    {
        public void ApplyTo(Person person, bool socialData, bool notes)
        {
            person.SexeId = SexeId;
            person.VilleId = VilleId;
            person.StatutId = StatutId;
            if (socialData)
            {
                person.MinimaSociauxId = MinimaSociauxId;
                person.QuotientFamilialId = QuotientFamilialId;
            }
            person.SetContact(Email, MobileE164);
            person.LandlineE164 = LandlineE164;
            person.AvatarKey = AvatarKey;
            if (notes)
                person.Notes = Notes;
            person.HouseholdId = HouseholdId;
        }
    }
}
