using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;

namespace CentresConnectes.Ludotheque.Application;

/// <summary>The ludothèque's Excel files, through Platform's one spreadsheet writer (formulas neutralised).</summary>
public sealed class LudothequeXlsx(AttendanceListService lists, SlotService slots)
{
    /// <summary>The « Liste de présence » with the same columns as on screen.</summary>
    public async Task<AttendanceFile> AttendanceAsync(AttendanceQuery query, CancellationToken ct = default)
    {
        var list = await lists.BuildAsync(query, ct);
        var bytes = await WriteAsync("Liste de présence", list.Headings,
            list.Rows.Select(r => (string?[])[ParisTime.FormatDate(r.Date), r.SlotText, .. r.Cells]), ct);
        return new AttendanceFile(bytes, SpreadsheetWriter.XlsxContentType, list.FileStem + ".xlsx");
    }

    /// <summary>« Liste des créneaux paramétrés » of a period, with each slot's number of presences.</summary>
    public async Task<AttendanceFile> SlotsAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var rows = await slots.ListAsync(from, to, ct);
        var bytes = await WriteAsync("Créneaux", ["Date", "Jour", "Début", "Fin", "Présences"],
            rows.Select(r => (string?[])[ParisTime.FormatDate(r.Date), WeekdayNames.Of(r.Date.DayOfWeek), ParisTime.FormatTime(r.Start),
                ParisTime.FormatTime(r.End), r.Presences.ToString(ParisTime.French)]), ct);
        return new AttendanceFile(bytes, SpreadsheetWriter.XlsxContentType, $"creneaux-{from:yyyy-MM-dd}-{to:yyyy-MM-dd}.xlsx");
    }

    private static async Task<byte[]> WriteAsync(string sheet, IReadOnlyList<string> columns, IEnumerable<string?[]> rows, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await SpreadsheetWriter.WriteXlsxAsync(buffer, sheet, columns, rows, ct);
        return buffer.ToArray();
    }
}
