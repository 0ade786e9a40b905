using CentresConnectes.Ludotheque.Domain;
using CentresConnectes.Members.Contracts;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.Ludotheque.Application;

/// <summary>
/// One VALIDER of a family: the persons ticked « Présent » for a slot. <see cref="CheckInId"/> is made
/// by the kiosk, so a replay of the same check-in (after a Wi-Fi drop) is recognised.
/// </summary>
public sealed record CheckInCommand(
    Guid HouseholdId,
    Guid SlotId,
    IReadOnlyCollection<Guid> PersonIds,
    Guid CheckInId,
    DateTime ArrivedAtUtc,
    PresenceSource Source,
    Guid? RecordedByUserId = null);

public sealed record CheckInResult(int Recorded, int AlreadyPresent);

/// <summary>Staff recording presences for any date and slot (back-dated, or for a child who came alone).</summary>
public sealed class StaffPresenceInput
{
    public Guid SlotId { get; set; }
    public List<Guid> PersonIds { get; set; } = [];
    /// <summary>Paris time of arrival; empty = the slot's start.</summary>
    public TimeOnly? ArrivalTime { get; set; }
}

public sealed record PresenceRow(Guid Id, Guid PersonId, Guid? HouseholdId, string LastName, string FirstName, string AvatarUrl,
    DateTime ArrivedAtUtc, PresenceSource Source)
{
    public string FullName => $"{LastName} {FirstName}".Trim();
    public string ArrivalText => ParisTime.FormatTime(ArrivedAtUtc);
}

/// <summary>The slot open now and how many persons are in it (« Compteur des présents »).</summary>
public sealed record PresenceCounter(Slot? OpenSlot, int Present, Slot? NextSlot);

/// <summary>Presences: the kiosk's check-ins, staff entries and corrections, the live counter.</summary>
public sealed class PresenceService(
    AppDbContext db,
    ICurrentTenant tenant,
    ICurrentUser user,
    IAuditLog audit,
    IMemberDirectory members,
    TimeProvider clock)
{
    /// <summary>A family is a handful of persons; a bigger list is a forged request.</summary>
    public const int MaxPersonsPerCheckIn = 30;

    public async Task<Slot?> FindOpenSlotAsync(DateTime utcNow, CancellationToken ct = default) =>
        (await OpenNow.For(db)(db, DateTime.SpecifyKind(utcNow, DateTimeKind.Utc), Guid.Empty, ct))?.Slot;

    /// <summary>The slot open now and the persons of a household already present in it, in one round trip (the kiosk's family page).</summary>
    public async Task<(Slot Slot, IReadOnlyList<Guid> Present)?> FindOpenSlotWithPresentAsync(DateTime utcNow, Guid householdId, CancellationToken ct = default) =>
        await OpenNow.For(db)(db, DateTime.SpecifyKind(utcNow, DateTimeKind.Utc), householdId, ct) is { } found ? (found.Slot, found.Present) : null;

    private sealed record OpenSlot(Slot Slot, List<Guid> Present);

    // The slot open at that instant — with overlapping slots, the one that started last, so the counter
    // restarts at each slot's start — with the persons of a household already in it (none for
    // Guid.Empty: the counter's question). Compiled: every family page on the kiosk asks.
    private static readonly CompiledQuery<Func<AppDbContext, DateTime, Guid, CancellationToken, Task<OpenSlot?>>> OpenNow = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, DateTime now, Guid householdId, CancellationToken ct) => db.Set<Slot>().AsNoTracking()
            .Where(s => s.StartsAtUtc <= now && s.EndsAtUtc > now)
            .OrderByDescending(s => s.StartsAtUtc).ThenBy(s => s.EndsAtUtc)
            .Select(s => new OpenSlot(s, db.Set<Presence>().Where(p => p.SlotId == s.Id && p.HouseholdId == householdId).Select(p => p.PersonId).ToList()))
            .FirstOrDefault()));

    public async Task<Slot?> FindNextSlotAsync(DateTime utcNow, CancellationToken ct = default)
    {
        var now = DateTime.SpecifyKind(utcNow, DateTimeKind.Utc);
        return await db.Set<Slot>().AsNoTracking().Where(s => s.StartsAtUtc > now)
            .OrderBy(s => s.StartsAtUtc).FirstOrDefaultAsync(ct);
    }

    public async Task<int> CountPresentAsync(Guid slotId, CancellationToken ct = default) =>
        await db.Set<Presence>().CountAsync(p => p.SlotId == slotId, ct);

    public async Task<PresenceCounter> CounterAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var open = await FindOpenSlotAsync(now, ct);
        if (open is not null)
            return new PresenceCounter(open, await CountPresentAsync(open.Id, ct), null);
        return new PresenceCounter(null, 0, await FindNextSlotAsync(now, ct));
    }

    /// <summary>
    /// Records the ticked persons in the slot. Idempotent: a person already present in that slot (a
    /// second tablet, a replayed VALIDER) is counted as already present, never twice — the unique index
    /// decides when two requests race.
    /// </summary>
    public async Task<CheckInResult> CheckInAsync(CheckInCommand command, CancellationToken ct = default)
    {
        tenant.RequireId();
        var personIds = command.PersonIds.Distinct().ToList();
        if (personIds.Count == 0)
            throw new BusinessException("Personne n'est coché « Présent ».");
        if (personIds.Count > MaxPersonsPerCheckIn)
            throw new BusinessException("Trop de personnes dans une seule validation.");
        // The slot is checked by the insert itself (InsertAsync): one round trip fewer for VALIDER.
        var persons = await members.GetHouseholdsOfAsync(personIds, ct);
        if (persons.Count != personIds.Count || persons.Any(p => p.HouseholdId != command.HouseholdId || p.IsAnonymised))
            throw new BusinessException("Une des personnes cochées ne fait pas partie de cette famille.");

        return await InsertAsync(command.SlotId, persons.Select(p => (p.Id, p.HouseholdId)).ToList(), command.ArrivedAtUtc, command.Source, command.CheckInId, ct,
            command.RecordedByUserId);
    }

    /// <summary>Staff record presences for any slot, past ones included (audited).</summary>
    public async Task<CheckInResult> RecordAsync(StaffPresenceInput input, CancellationToken ct = default)
    {
        tenant.RequireId();
        var personIds = input.PersonIds.Distinct().ToList();
        if (personIds.Count == 0)
            throw new BusinessException("Choisissez au moins une personne.");
        if (personIds.Count > 200)
            throw new BusinessException("Pas plus de 200 personnes à la fois.");
        var slot = await db.Set<Slot>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == input.SlotId, ct)
                   ?? throw new EntityNotFoundException("Créneau", input.SlotId);
        var persons = await members.GetPersonsAsync(personIds, ct);
        if (persons.Count != personIds.Count || persons.Any(p => p.IsAnonymised))
            throw new EntityNotFoundException("Personne");

        var arrival = slot.StartsAtUtc;
        if (input.ArrivalTime is { } time)
        {
            if (time < slot.Start || time > slot.End)
                throw new BusinessException($"L'heure d'arrivée doit être comprise dans le créneau {slot.TimeRangeText}.");
            arrival = ParisTime.ToUtc(slot.Date, time);
        }
        if (slot.StartsAtUtc > clock.GetUtcNow().UtcDateTime.AddDays(1))
            throw new BusinessException("On ne peut pas enregistrer une présence pour un créneau à venir.");

        // The presences and their audit entry together, or neither.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await InsertAsync(slot.Id, persons.Select(p => (p.Id, p.HouseholdId)).ToList(), arrival, PresenceSource.Staff, null, ct);
        audit.Record("Présence saisie par le personnel", "Créneau", slot.Id.ToString(),
            $"{SlotText.Day(slot.Date)} {slot.TimeRangeText} : {string.Join(", ", persons.Select(p => p.FullName))}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return result;
    }

    /// <summary>Removes a wrong presence; the reason goes to the audit log with who did it.</summary>
    public async Task RemoveAsync(Guid presenceId, string? reason, CancellationToken ct = default)
    {
        var why = Fields.Required(reason, "Motif", 500);
        var presence = await db.Set<Presence>().SingleOrDefaultAsync(p => p.Id == presenceId, ct)
                       ?? throw new EntityNotFoundException("Présence", presenceId);
        var slot = await db.Set<Slot>().AsNoTracking().SingleAsync(s => s.Id == presence.SlotId, ct);
        var person = await members.FindPersonAsync(presence.PersonId, ct);
        db.Remove(presence);
        audit.Record("Présence supprimée", "Présence", presence.Id.ToString(),
            $"{person?.FullName ?? "?"}, {SlotText.Day(slot.Date)} {slot.TimeRangeText}. Motif : {why}");
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<PresenceRow>> ListForSlotAsync(Guid slotId, CancellationToken ct = default)
    {
        if (!await db.Set<Slot>().AnyAsync(s => s.Id == slotId, ct))
            throw new EntityNotFoundException("Créneau", slotId);
        var presences = await db.Set<Presence>().AsNoTracking().Where(p => p.SlotId == slotId)
            .Select(p => new { p.Id, p.PersonId, p.HouseholdId, p.ArrivedAtUtc, p.Source }).ToListAsync(ct);
        var persons = (await members.GetPersonsAsync(presences.Select(p => p.PersonId).ToList(), ct)).ToDictionary(p => p.Id);
        return presences
            .Select(p => persons.TryGetValue(p.PersonId, out var person)
                ? new PresenceRow(p.Id, p.PersonId, p.HouseholdId, person.LastName, person.FirstName, person.AvatarUrl, p.ArrivedAtUtc, p.Source)
                : new PresenceRow(p.Id, p.PersonId, p.HouseholdId, "?", "", "", p.ArrivedAtUtc, p.Source))
            .OrderBy(r => r.LastName, StringComparer.Create(ParisTime.French, true)).ThenBy(r => r.FirstName, StringComparer.Create(ParisTime.French, true))
            .ToList();
    }

    /// <summary>A slot of the current structure, or null.</summary>
    public async Task<Slot?> FindSlotAsync(Guid slotId, CancellationToken ct = default) =>
        await db.Set<Slot>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == slotId, ct);

    public async Task<IReadOnlyList<Slot>> SlotsOnAsync(DateOnly date, CancellationToken ct = default) =>
        await db.Set<Slot>().AsNoTracking().Where(s => s.Date == date).OrderBy(s => s.Start).ThenBy(s => s.End).ToListAsync(ct);

    /// <summary>
    /// One statement: a person already present in the slot (a second tablet, a replayed VALIDER) is
    /// skipped by the unique index, atomically, whichever request comes first — never written twice.
    /// </summary>
    private async Task<CheckInResult> InsertAsync(Guid slotId, IReadOnlyList<(Guid PersonId, Guid? HouseholdId)> persons, DateTime arrivedAtUtc,
        PresenceSource source, Guid? checkInId, CancellationToken ct, Guid? recordedByUserId = null)
    {
        // On the anonymous kiosk there is no signed-in user: the family's own account recorded it.
        var recordedBy = recordedByUserId ?? user.Id;
        var rows = persons.Select(p => new Presence(slotId, p.PersonId, p.HouseholdId, arrivedAtUtc, source, recordedBy, user.ImpersonatorId, checkInId)).ToList();
        // Only while the slot exists in this structure, in the same statement; nothing written tells a
        // slot that is not there (or not this structure's) from persons all already present.
        var recorded = await BulkInsert.InsertNewUnderAsync<Presence, Slot>(db, rows, slotId, ct);
        if (recorded == 0 && !await db.Set<Slot>().AnyAsync(s => s.Id == slotId, ct))
            throw new EntityNotFoundException("Créneau", slotId);
        return new CheckInResult(recorded, rows.Count - recorded);
    }
}
