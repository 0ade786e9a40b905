using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CentresConnectes.Members.Contracts;
using CentresConnectes.Members.Domain;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.Platform.Infrastructure;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
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
    RegisterQueryService register,
    PersonService persons,
    ReferenceLookupCache references,
    ICurrentUser user,
    IAuditLog audit,
    TimeProvider clock)
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
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
        var social = user.HasPermission(MembersPermissions.SocialData);
        var today = ParisTime.Today(clock);
        var columns = Columns(social);
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
                    p.ConsentSms ? "Oui" : "Non", p.ConsentEmail ? "Oui" : "Non", typed ? p.RegisteredOn : ParisTime.FormatDate(p.RegisteredOn), p.Notes,
                ]);
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
    private static string[] Columns(bool social)
    {
        var columns = new List<string>();
        foreach (var label in Domain.PersonFields.ExportedLabels(social))
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
                ["structure"] = await db.Structures.AsNoTracking().Where(s => s.Id == db.CurrentTenantId).Select(s => s.Name).SingleOrDefaultAsync(ct),
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

    private static List<KeyValuePair<string, string?>> PersonFields(PersonDetails p)
    {
        var fields = new List<KeyValuePair<string, string?>>
        {
            new("Identifiant", p.Id.ToString()),
            new("Nom", p.LastName),
            new("Prénom", p.FirstName),
            new("Sexe", p.Sexe),
            new("Date de naissance", p.DateOfBirthText),
            new("Ville de résidence", p.Ville),
            new("Statut", p.Statut),
        };
        if (p.SocialDataVisible)
        {
            fields.Add(new("Minima sociaux", p.MinimaSociaux));
            fields.Add(new("Quotient familial", p.QuotientFamilial));
        }
        fields.AddRange([
            new("Famille", p.HouseholdName),
            new("Portable", p.Mobile),
            new("Téléphone fixe", p.Landline),
            new("E-mail", p.Email),
            new("Groupes", string.Join(", ", p.Groups.Select(g => g.Label))),
            new("Consentement SMS", p.ConsentSms ? "Oui" : "Non"),
            new("Consentement SMS enregistré le", p.ConsentSmsAtUtc is { } smsAt ? ParisTime.FormatDateTime(smsAt) : null),
            new("Consentement SMS enregistré par", p.ConsentSmsBy),
            new("Consentement e-mail", p.ConsentEmail ? "Oui" : "Non"),
            new("Consentement e-mail enregistré le", p.ConsentEmailAtUtc is { } emailAt ? ParisTime.FormatDateTime(emailAt) : null),
            new("Consentement e-mail enregistré par", p.ConsentEmailBy),
            new("Date d'inscription", p.RegisteredOnText),
            new("Notes de suivi", p.Notes),
            new("Fiche créée le", ParisTime.FormatDateTime(p.CreatedAtUtc)),
        ]);
        return fields;
    }
}

/// <summary>
/// Writes spreadsheets that open right in French Excel and cannot run anything: CSV in UTF-8 with
/// BOM, ";" separated, CRLF; every text cell that a spreadsheet would read as a formula
/// (= + - @, tab, CR at the start) is prefixed with an apostrophe.
/// </summary>
public static class SpreadsheetWriter
{
    public static string? Neutralise(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    public static async Task WriteCsvAsync(Stream output, IReadOnlyList<string> columns, IEnumerable<string?[]> rows, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true);
        await writer.WriteAsync(string.Join(';', columns.Select(Quote)) + "\r\n");
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            await writer.WriteAsync(string.Join(';', row.Select(v => Quote(Neutralise(v)))) + "\r\n");
        }
        await writer.FlushAsync(ct);
    }

    private static string Quote(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        return value.IndexOfAny([';', '"', '\n', '\r', ',']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>
    /// An xlsx whose cells keep their type: dates (DateOnly/DateTime) as real dates shown dd/MM/yyyy,
    /// numbers as numbers, text as text (neutralised like every text cell).
    /// </summary>
    public static async Task WriteTypedXlsxAsync(Stream output, string sheetName, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        IEnumerable<IDictionary<string, object?>> Cells()
        {
            foreach (var row in rows)
            {
                var cells = new Dictionary<string, object?>(columns.Count);
                for (var i = 0; i < columns.Count; i++)
                {
                    cells[columns[i]] = (i < row.Length ? row[i] : null) switch
                    {
                        string text => Neutralise(text),
                        DateOnly date => date.ToDateTime(TimeOnly.MinValue),
                        var value => value,
                    };
                }
                yield return cells;
            }
        }

        var configuration = new OpenXmlConfiguration
        {
            DynamicColumns = columns.Select((c, i) => new DynamicExcelColumn(c)
            {
                Index = i,
                Width = c.StartsWith("Notes", StringComparison.Ordinal) ? 40 : 18,
                Format = c.StartsWith("Date", StringComparison.Ordinal) ? "dd/MM/yyyy" : null,
            }).ToArray(),
            FastMode = true,
        };
        await MiniExcel.SaveAsAsync(output, Cells(), sheetName: sheetName, excelType: ExcelType.XLSX, configuration: configuration, cancellationToken: ct);
    }

    public static async Task WriteXlsxAsync(Stream output, string sheetName, IReadOnlyList<string> columns, IEnumerable<string?[]> rows, CancellationToken ct)
    {
        IEnumerable<IDictionary<string, object?>> Cells()
        {
            foreach (var row in rows)
            {
                var cells = new Dictionary<string, object?>(columns.Count);
                for (var i = 0; i < columns.Count; i++)
                    cells[columns[i]] = Neutralise(i < row.Length ? row[i] : null);
                yield return cells;
            }
        }

        var configuration = new OpenXmlConfiguration
        {
            // Every column is text: "06 12…" keeps its leading zero and nothing is reinterpreted.
            DynamicColumns = columns.Select((c, i) => new DynamicExcelColumn(c) { Index = i, Width = c.StartsWith("Notes", StringComparison.Ordinal) ? 40 : 18 }).ToArray(),
            FastMode = true,
        };
        // MiniExcel writes a zip: callers give a seekable stream (a temporary file or memory, never the response body).
        await MiniExcel.SaveAsAsync(output, Cells(), sheetName: sheetName, excelType: ExcelType.XLSX, configuration: configuration, cancellationToken: ct);
    }
}
