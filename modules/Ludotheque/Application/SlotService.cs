using System.Globalization;
using CentresConnectes.Ludotheque.Domain;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.Ludotheque.Application;

/// <summary>One time range of a day (« 09:30 - 12:00 »), as typed on the form or sent to the API.</summary>
public sealed class TimeRangeInput
{
    public TimeOnly? Start { get; set; }
    public TimeOnly? End { get; set; }
}

/// <summary>« Générer les créneaux »: one day (To empty) or a period, weekdays, one or more ranges a day.</summary>
public sealed class SlotGenerationInput
{
    public DateOnly? From { get; set; }
    /// <summary>Empty: the day of <see cref="From"/> only.</summary>
    public DateOnly? To { get; set; }
    /// <summary>The weekdays ticked; « Tous » ticks all seven.</summary>
    public List<DayOfWeek> Days { get; set; } = [];
    public List<TimeRangeInput> Ranges { get; set; } = [];
    /// <summary>« Ne pas ouvrir les jours fériés » (French public holidays).</summary>
    public bool SkipPublicHolidays { get; set; }
}

/// <summary>Deleting slots: a period, weekdays and, optionally, a time range the slots must lie in.</summary>
public sealed class SlotDeletionInput
{
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public List<DayOfWeek> Days { get; set; } = [];
    public TimeOnly? Start { get; set; }
    public TimeOnly? End { get; set; }
}

public sealed record SlotGenerationResult(int Created, int AlreadyExisting, int HolidaysSkipped)
{
    public string Message
    {
        get
        {
            var text = Created switch
            {
                0 => "Aucun créneau créé",
                1 => "1 créneau créé avec succès",
                _ => $"{Created} créneaux créés avec succès",
            };
            if (AlreadyExisting > 0)
                text += AlreadyExisting == 1 ? " (1 existait déjà)" : $" ({AlreadyExisting} existaient déjà)";
            if (HolidaysSkipped > 0)
                text += HolidaysSkipped == 1 ? " ; 1 jour férié laissé fermé" : $" ; {HolidaysSkipped} jours fériés laissés fermés";
            return text + ".";
        }
    }
}

public sealed record SlotDeletionResult(int Deleted, IReadOnlyList<string> Kept)
{
    public string Message
    {
        get
        {
            var text = Deleted switch
            {
                0 => "Aucun créneau supprimé.",
                1 => "1 créneau supprimé.",
                _ => $"{Deleted} créneaux supprimés.",
            };
            if (Kept.Count == 0)
                return text;
            var shown = string.Join(", ", Kept.Take(20)) + (Kept.Count > 20 ? $" et {Kept.Count - 20} autres" : "");
            return text + (Kept.Count == 1
                ? $" 1 créneau conservé car des présences y sont enregistrées : {shown}."
                : $" {Kept.Count} créneaux conservés car des présences y sont enregistrées : {shown}.");
        }
    }
}

public sealed record SlotRow(Guid Id, DateOnly Date, TimeOnly Start, TimeOnly End, int Presences)
{
    public string DateText => SlotText.Day(Date);
    public string TimeRangeText => SlotTimes.Text(Start, End);
}

/// <summary>« Gestion des créneaux »: generating, listing and deleting the opening slots.</summary>
public sealed class SlotService(AppDbContext db, ICurrentTenant tenant, IAuditLog audit)
{
    /// <summary>Years in one go are fine; this only stops a typing mistake (year 2205) from making millions of rows.</summary>
    public const int MaxDays = 366 * 10;
    public const int MaxRangesPerDay = 12;

    public async Task<SlotGenerationResult> GenerateAsync(SlotGenerationInput input, CancellationToken ct = default)
    {
        tenant.RequireId();
        var (from, to) = Period(input.From, input.To);
        var days = Weekdays(input.Days);
        var ranges = Ranges(input.Ranges);

        var holidays = input.SkipPublicHolidays ? FrenchHolidays.Between(from, to) : [];
        var wanted = new List<(DateOnly Date, TimeOnly Start, TimeOnly End)>();
        var holidaysSkipped = 0;
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            if (!days.Contains(date.DayOfWeek))
                continue;
            if (holidays.Contains(date))
            {
                holidaysSkipped++;
                continue;
            }
            wanted.AddRange(ranges.Select(r => (date, r.Start, r.End)));
        }

        // Two people generating the same period at once: the unique index refuses the second
        // insert of a slot; the next attempt sees it as existing. Years of slots go in by one bulk
        // write (COPY on PostgreSQL), not row by row.
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var existing = (await db.Set<Slot>().AsNoTracking().Where(s => s.Date >= from && s.Date <= to)
                    .Select(s => new { s.Date, s.Start, s.End }).ToListAsync(ct))
                .Select(s => (s.Date, s.Start, s.End)).ToHashSet();
            var created = wanted.Where(w => !existing.Contains(w)).Select(w => new Slot(w.Date, w.Start, w.End)).ToList();
            try
            {
                await BulkInsert.InsertAsync(db, created, ct);
                if (created.Count > 0)
                    audit.Record("Créneaux générés", "Créneau", null,
                        $"{created.Count} créneau(x) du {ParisTime.FormatDate(from)} au {ParisTime.FormatDate(to)} : {string.Join(", ", ranges.Select(r => SlotTimes.Text(r.Start, r.End)))}");
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return new SlotGenerationResult(created.Count, wanted.Count - created.Count, holidaysSkipped);
            }
            catch (Exception ex) when (UniqueViolation.Is(ex) && attempt < 3)
            {
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
    }

    public async Task<SlotDeletionResult> DeleteAsync(SlotDeletionInput input, CancellationToken ct = default)
    {
        tenant.RequireId();
        var (from, to) = Period(input.From, input.To);
        var days = Weekdays(input.Days);
        if (input.Start is { } s && input.End is { } e && e <= s)
            throw new BusinessException($"La plage {SlotTimes.Text(s, e)} se termine avant de commencer.");

        var candidates = (await db.Set<Slot>().AsNoTracking().Where(x => x.Date >= from && x.Date <= to)
                .Select(x => new { x.Id, x.Date, x.Start, x.End, HasPresences = db.Set<Presence>().Any(p => p.SlotId == x.Id) })
                .ToListAsync(ct))
            .Where(x => days.Contains(x.Date.DayOfWeek)
                        && (input.Start is null || x.Start >= input.Start)
                        && (input.End is null || x.End <= input.End))
            .OrderBy(x => x.Date).ThenBy(x => x.Start)
            .ToList();
        var kept = candidates.Where(x => x.HasPresences).Select(x => $"{SlotText.Day(x.Date)} {SlotTimes.Text(x.Start, x.End)}").ToList();
        var doomed = candidates.Where(x => !x.HasPresences).Select(x => x.Id).ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var deleted = 0;
        foreach (var chunk in doomed.Chunk(500))
        {
            // The presence check again, in the statement: a presence recorded since the read keeps its slot.
            deleted += await db.Set<Slot>().Where(x => chunk.Contains(x.Id) && !db.Set<Presence>().Any(p => p.SlotId == x.Id))
                .ExecuteDeleteAsync(ct);
        }
        if (deleted > 0)
            audit.Record("Créneaux supprimés", "Créneau", null, $"{deleted} créneau(x) du {ParisTime.FormatDate(from)} au {ParisTime.FormatDate(to)}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new SlotDeletionResult(deleted, kept);
    }

    public async Task<IReadOnlyList<SlotRow>> ListAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        if (to < from)
            throw new BusinessException("La date de fin doit être après la date de début.");
        return await db.Set<Slot>().AsNoTracking().Where(s => s.Date >= from && s.Date <= to)
            .OrderBy(s => s.Date).ThenBy(s => s.Start).ThenBy(s => s.End)
            .Select(s => new SlotRow(s.Id, s.Date, s.Start, s.End, db.Set<Presence>().Count(p => p.SlotId == s.Id)))
            .ToListAsync(ct);
    }

    /// <summary>The distinct time ranges of the slots in a period (« 09:30 - 12:00 »…), for the lists' slot choice.</summary>
    public async Task<IReadOnlyList<(TimeOnly Start, TimeOnly End)>> TimeRangesAsync(DateOnly from, DateOnly to, CancellationToken ct = default) =>
        (await db.Set<Slot>().AsNoTracking().Where(s => s.Date >= from && s.Date <= to)
            .Select(s => new { s.Start, s.End }).Distinct().ToListAsync(ct))
        .OrderBy(r => r.Start).ThenBy(r => r.End).Select(r => (r.Start, r.End)).ToList();

    public async Task<Slot> GetAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<Slot>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw new EntityNotFoundException("Créneau", id);

    private static (DateOnly From, DateOnly To) Period(DateOnly? from, DateOnly? to)
    {
        if (from is not { } start)
            throw new BusinessException("Indiquez la date de début (« De »).");
        var end = to ?? start;
        if (end < start)
            throw new BusinessException($"La date de fin ({ParisTime.FormatDate(end)}) est avant la date de début ({ParisTime.FormatDate(start)}).");
        if (end.DayNumber - start.DayNumber >= MaxDays)
            throw new BusinessException("La période ne peut pas dépasser 10 ans.");
        return (start, end);
    }

    private static HashSet<DayOfWeek> Weekdays(IEnumerable<DayOfWeek> days)
    {
        var set = days.Where(Enum.IsDefined).ToHashSet();
        if (set.Count == 0)
            throw new BusinessException("Cochez au moins un jour de la semaine.");
        return set;
    }

    private static List<(TimeOnly Start, TimeOnly End)> Ranges(IEnumerable<TimeRangeInput> inputs)
    {
        var ranges = new List<(TimeOnly, TimeOnly)>();
        foreach (var range in inputs.Where(r => r.Start is not null || r.End is not null))
        {
            if (range.Start is not { } start || range.End is not { } end)
                throw new BusinessException("Chaque plage horaire a une heure de début et une heure de fin.");
            if (end <= start)
                throw new BusinessException($"La plage {SlotTimes.Text(start, end)} se termine avant de commencer.");
            ranges.Add((start, end));
        }
        if (ranges.Count == 0)
            throw new BusinessException("Indiquez au moins une plage horaire (par exemple 09:30 - 12:00).");
        if (ranges.Count > MaxRangesPerDay)
            throw new BusinessException($"Pas plus de {MaxRangesPerDay} plages horaires par jour.");
        // Overlapping ranges are allowed (an activity inside the opening); the same one twice is one.
        return ranges.Distinct().ToList();
    }
}

public static class SlotText
{
    /// <summary>« mer. 12/03/2025 ».</summary>
    public static string Day(DateOnly date) => date.ToString("ddd dd/MM/yyyy", ParisTime.French);

    /// <summary>« MARDI 23 OCTOBRE 2018 », the kiosk's date.</summary>
    public static string LongDay(DateOnly date) => date.ToString("dddd d MMMM yyyy", ParisTime.French).ToUpper(CultureInfo.GetCultureInfo("fr-FR"));
}
