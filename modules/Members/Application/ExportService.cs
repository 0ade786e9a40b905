using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CentresConnectes.Members.Contracts;
using CentresConnectes.Members.Domain;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.Members.Application;

public enum ExportFormat
{
    Xlsx = 1,
    Csv = 2,
}

/// <summary>A person's own data (RGPD access right).</summary>
public enum PersonExportFormat
{
    Json = 1,
    Xlsx = 2,
}

/// <summary>The format a page link or an API client asks for (unknown or missing: the default).</summary>
public static class ExportFormats
{
    /// <summary>The register: "csv", else Excel.</summary>
    public static ExportFormat Parse(string? format) =>
        string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase) ? ExportFormat.Csv : ExportFormat.Xlsx;

    /// <summary>A person's data: "xlsx", else JSON.</summary>
    public static PersonExportFormat ParsePerson(string? format) =>
        string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase) ? PersonExportFormat.Xlsx : PersonExportFormat.Json;
}

public sealed record ExportResult(string FileName, string ContentType, int RowCount);

/// <summary>
/// Exports of the register (filtered, XLSX or CSV that opens right in French Excel) and of one
/// person's data (RGPD access right, JSON or XLSX). Every export is audited: it takes personal data
/// out of the application.
/// </summary>
public sealed class ExportService(
    AppDbContext db,
    IStructureDirectory structures,
    RegisterQueryService register,
    PersonService persons,
    ReferenceLookupCache references,
    MemberPrivacy privacy,
    IAuditLog audit,
    TimeProvider clock)
{
    public const string XlsxContentType = SpreadsheetWriter.XlsxContentType;
    public const string CsvContentType = "text/csv; charset=utf-8";

    /// <summary>
    /// The register written to a temporary file (deleted when the returned stream is closed), ready to
    /// be sent: a large register never sits in memory, and a failure happens before anything is sent.
    /// </summary>
    public async Task<(Stream Content, ExportResult Result)> ExportRegisterToTempFileAsync(PersonFilter filter, ExportFormat format, CancellationToken ct = default)
    {
        var temp = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var result = await ExportRegisterAsync(filter, format, temp, ct);
            temp.Position = 0;
            return (temp, result);
        }
        catch
        {
            await temp.DisposeAsync();
            throw;
        }
    }

    private async Task<ExportResult> ExportRegisterAsync(PersonFilter filter, ExportFormat format, Stream output, CancellationToken ct = default)
    {
        var lookup = await references.GetAsync(ct);
        // Sensitive groups are already left out of row.Groups by the register (same rule as the list).
        var social = privacy.CanSeeSocialData;
        var notes = privacy.CanSeeNotes;
        var today = ParisTime.Today(clock);
        var columns = Columns(social, notes);
        var count = 0;

        // Excel gets real dates and numbers (sorting by birth date or age works); the CSV stays text,
        // as French Excel reads it (dd/MM/yyyy, « 43 ans »).
        IEnumerable<object?[]> Rows(bool typed)
        {
            foreach (var row in register.StreamAsync(filter, ct).ToBlockingEnumerable(ct))
            {
                count++;
                var p = row.Person;
                var values = new List<object?>
                {
                    p.LastName, p.FirstName, lookup.Label(p.SexeId),
                    typed ? p.DateOfBirth : ParisTime.FormatDate(p.DateOfBirth),
                    typed ? Ages.Years(p.DateOfBirth, today) : Ages.Text(p.DateOfBirth, today),
                    lookup.Label(p.VilleId), lookup.Label(p.StatutId),
                };
                if (social)
                {
                    values.Add(lookup.Label(p.MinimaSociauxId));
                    values.Add(lookup.Label(p.QuotientFamilialId));
                }
                values.AddRange([
                    row.HouseholdName, FrenchPhone.Display(p.MobileE164), FrenchPhone.Display(p.LandlineE164), p.Email, string.Join(", ", row.Groups),
                    p.ConsentSms ? "Oui" : "Non", p.ConsentEmail ? "Oui" : "Non", typed ? p.RegisteredOn : ParisTime.FormatDate(p.RegisteredOn),
                ]);
                if (notes)
                    values.Add(p.Notes);
                yield return values.ToArray();
            }
        }

        var stamp = ParisTime.ToParis(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", ParisTime.French);
        ExportResult result;
        if (format == ExportFormat.Csv)
        {
            await SpreadsheetWriter.WriteCsvAsync(output, columns, Rows(typed: false).Select(r => r.Select(v => (string?)v).ToArray()), ct);
            result = new ExportResult($"adherents-{stamp}.csv", CsvContentType, count);
        }
        else
        {
            await SpreadsheetWriter.WriteTypedXlsxAsync(output, "Adhérents", columns, Rows(typed: true), ct);
            result = new ExportResult($"adherents-{stamp}.xlsx", XlsxContentType, count);
        }
        await audit.WriteAsync("Export du registre", "Adhérents", null,
            $"{count} personne(s), format {format.ToString().ToUpperInvariant()}{(filter.IsEmpty ? "" : ", liste filtrée")}", ct);
        return result;
    }

    /// <summary>The person fields the catalogue exports (PersonFields), with the computed age and the groups beside them.</summary>
    private static string[] Columns(bool social, bool notes)
    {
        var columns = new List<string>();
        foreach (var label in Domain.PersonFields.ExportedLabels(social, notes))
        {
            columns.Add(label);
            if (label == Domain.PersonFields.Get(nameof(Person.DateOfBirth)).Label)
                columns.Add("Âge");
            if (label == Domain.PersonFields.Get(nameof(Person.Email)).Label)
                columns.Add("Groupes");
        }
        return columns.ToArray();
    }

    /// <summary>Everything the register holds about one person (RGPD right of access).</summary>
    public async Task<(string FileName, string ContentType, byte[] Content)> ExportPersonAsync(Guid personId, PersonExportFormat format, CancellationToken ct = default)
    {
        var details = await persons.GetAsync(personId, ct);
        var fields = PersonFields(details);
        byte[] content;
        string fileName, contentType;
        if (format == PersonExportFormat.Xlsx)
        {
            using var stream = new MemoryStream();
            await SpreadsheetWriter.WriteXlsxAsync(stream, "Données personnelles", ["Donnée", "Valeur"],
                fields.Select(f => new[] { f.Key, f.Value }), ct);
            content = stream.ToArray();
            fileName = $"donnees-personnelles-{personId:N}.xlsx";
            contentType = XlsxContentType;
        }
        else
        {
            var document = new Dictionary<string, object?>
            {
                ["structure"] = await structures.Structures.Where(s => s.Id == db.CurrentTenantId).Select(s => s.Name).SingleOrDefaultAsync(ct),
                ["exporteLe"] = ParisTime.FormatDateTime(clock.GetUtcNow().UtcDateTime),
                ["personne"] = fields.ToDictionary(f => f.Key, f => f.Value),
            };
            content = JsonSerializer.SerializeToUtf8Bytes(document, new JsonSerializerOptions
            {
                WriteIndented = true,
                Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            });
            fileName = $"donnees-personnelles-{personId:N}.json";
            contentType = "application/json; charset=utf-8";
        }
        await audit.WriteAsync("Export RGPD d'un adhérent", "Personne", personId.ToString(), $"format {format.ToString().ToUpperInvariant()}", ct);
        return (fileName, contentType, content);
    }

    /// <summary>
    /// The person's own data, field by field as the catalogue lists them (<see cref="Domain.PersonFields"/>,
    /// « in the RGPD export »): a field added there and not given a value here fails the export's test.
    /// Social fields, sensitive groups and notes come filtered by PersonService's privacy rule.
    /// </summary>
    private static List<KeyValuePair<string, string?>> PersonFields(PersonDetails p)
    {
        var fields = new List<KeyValuePair<string, string?>>();
        foreach (var field in Domain.PersonFields.All.Where(f => f.InRgpdExport))
        {
            if ((Domain.PersonFields.IsSocial(field) && !p.SocialDataVisible) || (field.Key == nameof(Person.Notes) && !p.NotesVisible))
                continue;
            fields.Add(new(field.Label, RgpdValue(p, field.Key)));
            // Groups live beside the person (their own table): listed right after the family.
            if (field.Key == nameof(Person.HouseholdId))
                fields.Add(new("Groupes", string.Join(", ", p.Groups.Select(g => g.Label))));
        }
        return fields;
    }

    private static string? RgpdValue(PersonDetails p, string key) => key switch
    {
        nameof(Person.Id) => p.Id.ToString(),
        nameof(Person.LastName) => p.LastName,
        nameof(Person.FirstName) => p.FirstName,
        nameof(Person.SexeId) => p.Sexe,
        nameof(Person.DateOfBirth) => p.DateOfBirthText,
        nameof(Person.VilleId) => p.Ville,
        nameof(Person.StatutId) => p.Statut,
        nameof(Person.MinimaSociauxId) => p.MinimaSociaux,
        nameof(Person.QuotientFamilialId) => p.QuotientFamilial,
        nameof(Person.HouseholdId) => p.HouseholdName,
        nameof(Person.MobileE164) => p.Mobile,
        nameof(Person.LandlineE164) => p.Landline,
        nameof(Person.Email) => p.Email,
        nameof(Person.ConsentSms) => p.ConsentSms ? "Oui" : "Non",
        nameof(Person.ConsentSmsAtUtc) => p.ConsentSmsAtUtc is { } smsAt ? ParisTime.FormatDateTime(smsAt) : null,
        nameof(Person.ConsentSmsBy) => p.ConsentSmsBy,
        nameof(Person.ConsentEmail) => p.ConsentEmail ? "Oui" : "Non",
        nameof(Person.ConsentEmailAtUtc) => p.ConsentEmailAtUtc is { } emailAt ? ParisTime.FormatDateTime(emailAt) : null,
        nameof(Person.ConsentEmailBy) => p.ConsentEmailBy,
        nameof(Person.RegisteredOn) => p.RegisteredOnText,
        nameof(Person.Notes) => p.Notes,
        nameof(Person.CreatedAtUtc) => ParisTime.FormatDateTime(p.CreatedAtUtc),
        _ => throw new InvalidOperationException($"The RGPD export has no value for Person.{key}: give it one in ExportService.RgpdValue."),
    };
}
