using System.Text.Json.Serialization;
using CentresConnectes.Ludotheque.Domain;
using CentresConnectes.Members.Contracts;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.Platform.Infrastructure;
using CentresConnectes.ReferenceData.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.Ludotheque.Application;

/// <summary>The columns the « Liste de présence » offers, in the mock-up's order (by name in the API).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AttendanceColumn>))]
public enum AttendanceColumn
{
    Nom,
    Prenom,
    Sexe,
    Age,
    Ville,
    Statut,
    MinimaSociaux,
    QuotientFamilial,
    HeureArrivee,
}

public static class AttendanceColumns
{
    public static readonly IReadOnlyList<AttendanceColumn> All = Enum.GetValues<AttendanceColumn>();

    public static string Label(AttendanceColumn column) => column switch
    {
        AttendanceColumn.Nom => "Nom",
        AttendanceColumn.Prenom => "Prénom",
        AttendanceColumn.Sexe => "Sexe",
        AttendanceColumn.Age => "Âge",
        AttendanceColumn.Ville => "Ville de résidence",
        AttendanceColumn.Statut => "Statut",
        AttendanceColumn.MinimaSociaux => "Minima sociaux",
        AttendanceColumn.QuotientFamilial => "Quotient familial",
        AttendanceColumn.HeureArrivee => "Heure d'arrivée",
        _ => column.ToString(),
    };

    /// <summary>Social data: shown only to those holding <see cref="MembersPermissions.SocialData"/>.</summary>
    public static bool IsSocial(AttendanceColumn column) => column is AttendanceColumn.MinimaSociaux or AttendanceColumn.QuotientFamilial;
}

/// <summary>The list's form: a period (or one day), a slot choice (a time range, or all), the columns.</summary>
public sealed class AttendanceQuery
{
    public DateOnly? From { get; set; }
    /// <summary>Empty: the day of <see cref="From"/>.</summary>
    public DateOnly? To { get; set; }
    /// <summary>« 09:30-12:00 »: only slots with that time range; empty = every slot.</summary>
    public string? Slot { get; set; }
    public List<AttendanceColumn> Columns { get; set; } = [];
}

public sealed record AttendanceRow(DateOnly Date, string SlotText, IReadOnlyList<string> Cells);

/// <summary>A computed list: the headings (Date and Créneau first, then the chosen columns) and rows.</summary>
public sealed record AttendanceList(
    DateOnly From,
    DateOnly To,
    string SlotChoiceText,
    IReadOnlyList<AttendanceColumn> Columns,
    IReadOnlyList<AttendanceRow> Rows,
    int SlotCount)
{
    public IReadOnlyList<string> Headings => ["Date", "Créneau", .. Columns.Select(AttendanceColumns.Label)];

    public int PersonCount { get; init; }

    public string PeriodText => From == To ? $"le {ParisTime.FormatDate(From)}" : $"du {ParisTime.FormatDate(From)} au {ParisTime.FormatDate(To)}";

    public string Title => $"Liste de présence {PeriodText}";

    public string FileStem => From == To ? $"liste-de-presence-{From:yyyy-MM-dd}" : $"liste-de-presence-{From:yyyy-MM-dd}-{To:yyyy-MM-dd}";
}

/// <summary>« Liste de présence »: who was present, for a period and a slot choice, with chosen columns.</summary>
public sealed class AttendanceListService(
    AppDbContext db,
    ICurrentUser user,
    IMemberDirectory members,
    IReferenceDataQuery references)
{
    /// <summary>A year of a busy ludothèque is ~40,000 rows; beyond that the list is not a list any more.</summary>
    public const int MaxRows = 100_000;

    public bool CanSeeSocialData => user.HasPermission(MembersPermissions.SocialData);

    /// <summary>The columns a user may choose (social ones only with the permission).</summary>
    public IReadOnlyList<AttendanceColumn> AvailableColumns =>
        AttendanceColumns.All.Where(c => CanSeeSocialData || !AttendanceColumns.IsSocial(c)).ToList();

    public async Task<AttendanceList> BuildAsync(AttendanceQuery query, CancellationToken ct = default)
    {
        if (query.From is not { } from)
            throw new BusinessException("Indiquez la date (« Du »).");
        var to = query.To ?? from;
        if (to < from)
            throw new BusinessException("La date de fin est avant la date de début.");
        if (to.DayNumber - from.DayNumber > 366 * 3)
            throw new BusinessException("La période ne peut pas dépasser 3 ans.");
        var range = ParseSlotChoice(query.Slot);
        var columns = (query.Columns.Count == 0 ? [AttendanceColumn.Nom, AttendanceColumn.Prenom, AttendanceColumn.HeureArrivee] : query.Columns)
            .Distinct().Where(c => CanSeeSocialData || !AttendanceColumns.IsSocial(c)).OrderBy(c => c).ToList();

        var slots = db.Set<Slot>().AsNoTracking().Where(s => s.Date >= from && s.Date <= to);
        if (range is { } r)
            slots = slots.Where(s => s.Start == r.Start && s.End == r.End);
        var slotCount = await slots.CountAsync(ct);
        var presences = await db.Set<Presence>().AsNoTracking()
            .Join(slots, p => p.SlotId, s => s.Id, (p, s) => new { s.Date, s.Start, s.End, p.PersonId, p.ArrivedAtUtc })
            .Take(MaxRows + 1)
            .ToListAsync(ct);
        if (presences.Count > MaxRows)
            throw new BusinessException($"Plus de {MaxRows:N0} présences sur cette période : choisissez une période plus courte.");

        var persons = (await members.GetPersonsAsync(presences.Select(p => p.PersonId).Distinct().ToList(), ct)).ToDictionary(p => p.Id);
        var labels = (await references.ListAllAsync(includeInactive: true, ct)).ToDictionary(i => i.Id, i => i.Label);
        string Label(Guid? id) => id is { } value && labels.TryGetValue(value, out var label) ? label : "";

        var french = StringComparer.Create(ParisTime.French, ignoreCase: true);
        var rows = presences
            .Select(p => (Presence: p, Person: persons.GetValueOrDefault(p.PersonId)))
            .OrderBy(x => x.Presence.Date).ThenBy(x => x.Presence.Start).ThenBy(x => x.Presence.End)
            .ThenBy(x => x.Person?.LastName, french).ThenBy(x => x.Person?.FirstName, french)
            .Select(x => new AttendanceRow(x.Presence.Date, SlotTimes.Text(x.Presence.Start, x.Presence.End),
                columns.Select(c => Cell(c, x.Person, x.Presence.Date, x.Presence.ArrivedAtUtc)).ToList()))
            .ToList();

        return new AttendanceList(from, to, range is { } chosen ? SlotTimes.Text(chosen.Start, chosen.End) : "Tous les créneaux", columns, rows, slotCount)
        {
            PersonCount = presences.Select(p => p.PersonId).Distinct().Count(),
        };

        string Cell(AttendanceColumn column, PersonSummaryDto? person, DateOnly date, DateTime arrivedAtUtc) => column switch
        {
            AttendanceColumn.Nom => person?.LastName ?? "",
            AttendanceColumn.Prenom => person?.FirstName ?? "",
            AttendanceColumn.Sexe => Label(person?.SexeId),
            AttendanceColumn.Age => person is null ? "" : Ages.Text(person.DateOfBirth, date),
            AttendanceColumn.Ville => Label(person?.VilleId),
            AttendanceColumn.Statut => Label(person?.StatutId),
            AttendanceColumn.MinimaSociaux => Label(person?.MinimaSociauxId),
            AttendanceColumn.QuotientFamilial => Label(person?.QuotientFamilialId),
            AttendanceColumn.HeureArrivee => ParisTime.FormatTime(arrivedAtUtc),
            _ => "",
        };
    }

    /// <summary>« 09:30-12:00 » or « 09:30 - 12:00 » → the time range; empty → all slots.</summary>
    public static (TimeOnly Start, TimeOnly End)? ParseSlotChoice(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length == 2 && TimeOnly.TryParseExact(parts[0], "HH:mm", out var start) && TimeOnly.TryParseExact(parts[1], "HH:mm", out var end) && end > start)
            return (start, end);
        throw new BusinessException($"« {text} » n'est pas un créneau (par exemple 09:30-12:00).");
    }

    public static string SlotChoiceValue(TimeOnly start, TimeOnly end) => $"{start:HH\\:mm}-{end:HH\\:mm}";
}
