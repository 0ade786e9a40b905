using CentresConnectes.Members.Data;
using CentresConnectes.Members.Domain;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.Platform.Infrastructure;
using CentresConnectes.ReferenceData.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.Members.Application.Import;

/// <summary>
/// Writes an analysed import in ONE transaction: new households, new persons with their groups,
/// completed (merged) persons, the audit entry and the import's result. New rows go through
/// <see cref="BulkInsert"/> (COPY / prepared INSERT, tenant stamped explicitly), so 50,000 lines are
/// written in about a second; merged persons are updated through EF as usual.
/// </summary>
internal sealed class ImportWriter(AppDbContext db, IAuditLog audit, IReferenceValueCreator referenceValues, TimeProvider clock, ImportOptions options, Action<int> progress)
{
    private const int Batch = 5000;

    public async Task<(int Created, int Merged)> WriteAsync(ImportAnalysis analysis, ImportSession session, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = ParisTime.Today(clock);
        var recordedBy = (options.ConfirmedBy ?? "Import") + " (import)";
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var households = await HouseholdsAsync(analysis.Drafts, now, ct);
            var newGroups = await GroupsAsync(analysis.Drafts, ct);

            var created = 0;
            var done = 0;
            foreach (var chunk in analysis.Drafts.Where(d => d.ExistingId is null).Chunk(Batch))
            {
                var persons = new List<Person>(chunk.Length);
                var memberships = new List<PersonGroup>(chunk.Length * Math.Max(1, options.GroupIds.Count));
                foreach (var draft in chunk)
                {
                    var person = new Person(draft.LastName, draft.FirstName, draft.DateOfBirth, draft.RegisteredOn ?? today)
                    {
                        SexeId = draft.SexeId,
                        VilleId = draft.VilleId,
                        StatutId = draft.StatutId,
                        MinimaSociauxId = draft.MinimaSociauxId,
                        QuotientFamilialId = draft.QuotientFamilialId,
                        Notes = draft.Notes,
                        HouseholdId = draft.HouseholdName is { } h ? households[NameNormalizer.SortKey(h)] : null,
                        CreatedAtUtc = now,
                    };
                    person.SetContact(draft.Email, draft.MobileE164);
                    person.LandlineE164 = draft.LandlineE164;
                    if (draft.ConsentSms || draft.ConsentEmail)
                        person.SetConsent(draft.ConsentSms, draft.ConsentEmail, recordedBy, now);
                    persons.Add(person);
                    foreach (var groupId in GroupsOf(draft, newGroups))
                        memberships.Add(new PersonGroup(person.Id, groupId));
                }
                await BulkInsert.InsertAsync(db, persons, ct);
                await BulkInsert.InsertAsync(db, memberships, ct);
                created += persons.Count;
                done += chunk.Length;
                progress(done);
            }

            var merged = 0;
            foreach (var chunk in analysis.Drafts.Where(d => d.ExistingId is not null).Chunk(1000))
            {
                var ids = chunk.Select(d => d.ExistingId!.Value).ToList();
                var persons = await db.Set<Person>().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
                var groups = (await db.Set<PersonGroup>().Where(g => ids.Contains(g.PersonId)).Select(g => new { g.PersonId, g.GroupId }).ToListAsync(ct))
                    .ToLookup(g => g.PersonId, g => g.GroupId);
                foreach (var draft in chunk)
                {
                    if (!persons.TryGetValue(draft.ExistingId!.Value, out var person))
                        continue;
                    Complete(person, draft, households, analysis, recordedBy, now);
                    foreach (var groupId in GroupsOf(draft, newGroups).Where(g => !groups[person.Id].Contains(g)))
                        db.Add(new PersonGroup(person.Id, groupId));
                    merged++;
                }
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                done += chunk.Length;
                progress(done);
            }

            // The merged batches cleared the tracker (or the caller passed a detached session): tracked
            // again as it is, without reading the file back.
            if (db.Entry(session).State == EntityState.Detached)
                db.Attach(session);
            session.ImportedCount = created;
            session.MergedCount = merged;
            session.DuplicateCount = analysis.DuplicateCount;
            session.ErrorCount = analysis.ErrorCount;
            session.TotalRows = analysis.TotalRows;
            session.Finish(ImportStatus.Completed, clock.GetUtcNow().UtcDateTime, Summary(created, merged, analysis));
            db.ChangeTracker.DetectChanges();
            audit.RecordFor(Actor(options, session), "Import d'adhérents", "Import", session.Id.ToString(),
                $"{session.FileName} : {analysis.TotalRows} ligne(s), {created} inscrite(s), {merged} complétée(s), {analysis.DuplicateCount} doublon(s), {analysis.ErrorCount} erreur(s)");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return (created, merged);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    /// <summary>The fields a completing import fills when the record has none (the catalogue's <see cref="MergeRule.FillIfEmpty"/>).</summary>
    private static readonly string[] FilledIfEmpty = ImportMapping.PersonColumns.Where(f => f.Merge == MergeRule.FillIfEmpty).Select(f => f.Key).ToArray();

    /// <summary>The fields a completing import adds to (<see cref="MergeRule.Add"/>): a consent the line gives.</summary>
    private static readonly HashSet<string> Added = ImportMapping.PersonColumns.Where(f => f.Merge == MergeRule.Add).Select(f => f.Key).ToHashSet();

    /// <summary>
    /// Completes a registered person from the line as the catalogue says of each field (<see cref="PersonField.Merge"/>):
    /// what the record lacks is filled, what is there is never overwritten, the Never fields are left alone.
    /// </summary>
    private static void Complete(Person person, PersonDraft draft, Dictionary<string, Guid> households, ImportAnalysis analysis, string recordedBy, DateTime now)
    {
        foreach (var key in FilledIfEmpty)
            FillIfEmpty(key, person, draft, households, analysis);
        // After the contacts: a consent is only given with the number or the address it is for.
        var sms = person.ConsentSms || (Added.Contains(nameof(Person.ConsentSms)) && draft.ConsentSms && person.MobileE164 is not null);
        var email = person.ConsentEmail || (Added.Contains(nameof(Person.ConsentEmail)) && draft.ConsentEmail && person.Email is not null);
        if (sms != person.ConsentSms || email != person.ConsentEmail)
            person.SetConsent(sms, email, recordedBy, now);
        person.UpdatedAtUtc = now;
    }

    private static void FillIfEmpty(string key, Person person, PersonDraft draft, Dictionary<string, Guid> households, ImportAnalysis analysis)
    {
        switch (key)
        {
            case nameof(Person.SexeId):
                person.SexeId ??= draft.SexeId;
                break;
            case nameof(Person.VilleId):
                person.VilleId ??= draft.VilleId;
                break;
            case nameof(Person.StatutId):
                person.StatutId ??= draft.StatutId;
                break;
            case nameof(Person.MinimaSociauxId):
                person.MinimaSociauxId ??= draft.MinimaSociauxId;
                break;
            case nameof(Person.QuotientFamilialId):
                person.QuotientFamilialId ??= draft.QuotientFamilialId;
                break;
            case nameof(Person.HouseholdId):
                if (person.HouseholdId is null && draft.HouseholdName is { } h)
                    person.HouseholdId = households[NameNormalizer.SortKey(h)];
                break;
            case nameof(Person.Notes):
                if (string.IsNullOrEmpty(person.Notes) && draft.Notes is not null)
                    person.Notes = draft.Notes;
                break;
            case nameof(Person.LandlineE164):
                person.LandlineE164 ??= draft.LandlineE164;
                break;
            // A mobile or e-mail another registered person owns stays with them (the unique rule).
            case nameof(Person.MobileE164):
                if (person.MobileE164 is null && draft.MobileE164 is not null && !analysis.OwnedByOthers(draft.MobileE164, person.Id, phone: true))
                    person.SetContact(person.Email, draft.MobileE164);
                break;
            case nameof(Person.Email):
                if (person.Email is null && draft.Email is not null && !analysis.OwnedByOthers(draft.Email, person.Id, phone: false))
                    person.SetContact(draft.Email, person.MobileE164);
                break;
            default:
                throw new InvalidOperationException($"PersonFields says a completing import fills {key}, which ImportWriter.FillIfEmpty does not know.");
        }
    }

    /// <summary>The groups chosen for the whole file, those named on the line, and those the import created for it.</summary>
    private IEnumerable<Guid> GroupsOf(PersonDraft draft, Dictionary<string, Guid> created) =>
        options.GroupIds.Concat(draft.GroupIds).Concat(draft.NewGroups.Select(g => created[NameNormalizer.SortKey(g)])).Distinct();

    /// <summary>
    /// The groups the file names that the user asked to create (« Créer le groupe « X » »): added to the
    /// structure's list through ReferenceData, in this transaction (a failed import creates none).
    /// </summary>
    private async Task<Dictionary<string, Guid>> GroupsAsync(List<PersonDraft> drafts, CancellationToken ct)
    {
        var result = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var label in drafts.SelectMany(d => d.NewGroups))
        {
            var key = NameNormalizer.SortKey(label);
            if (result.ContainsKey(key))
                continue;
            result[key] = (await referenceValues.AddAsync(ReferenceListKind.Groupe, label, ct)).Id;
        }
        return result;
    }

    /// <summary>
    /// The households the file names: an existing family of the same (normalised) name is reused
    /// when there is exactly one, else a new family is created — re-importing a file does not
    /// duplicate its families.
    /// </summary>
    private async Task<Dictionary<string, Guid>> HouseholdsAsync(List<PersonDraft> drafts, DateTime now, CancellationToken ct)
    {
        var wanted = drafts.Where(d => d.HouseholdName is not null)
            .GroupBy(d => NameNormalizer.SortKey(d.HouseholdName))
            .ToDictionary(g => g.Key, g => g.First().HouseholdName!);
        var result = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var created = new List<Household>();
        if (wanted.Count == 0)
            return result;
        // All the structure's families in one read (a list of thousands of names in the query is slower).
        var existing = (await db.Set<Household>().AsNoTracking().Select(h => new { h.Id, h.NormalizedName }).ToListAsync(ct))
            .Where(h => wanted.ContainsKey(h.NormalizedName))
            .GroupBy(h => h.NormalizedName).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single().Id);
        foreach (var (key, name) in wanted)
        {
            if (existing.TryGetValue(key, out var id))
            {
                result[key] = id;
                continue;
            }
            var household = new Household(name, null, null, now);
            created.Add(household);
            result[key] = household.Id;
        }
        await BulkInsert.InsertAsync(db, created, ct);
        return result;
    }

    private static string Summary(int created, int merged, ImportAnalysis analysis)
    {
        var parts = new List<string> { $"{created} personne(s) inscrite(s)" };
        if (merged > 0)
            parts.Add($"{merged} fiche(s) complétée(s)");
        if (analysis.DuplicateCount > 0)
            parts.Add($"{analysis.DuplicateCount} doublon(s) ignoré(s)");
        if (analysis.ErrorCount > 0)
            parts.Add($"{analysis.ErrorCount} ligne(s) en erreur ignorée(s)");
        return string.Join(", ", parts) + ".";
    }

    /// <summary>
    /// Who the import's audit entries name: the user who confirmed it (a large import is written by a
    /// job, which has no signed-in user), else who uploaded the file.
    /// </summary>
    public static AuditActor Actor(ImportOptions options, ImportSession session) =>
        new(options.ConfirmedById ?? session.CreatedById, options.ConfirmedBy ?? session.CreatedBy, options.ImpersonatorId, options.ImpersonatorName);
}
