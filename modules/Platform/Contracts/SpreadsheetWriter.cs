using System.Text;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace CentresConnectes.Platform.Contracts;

/// <summary>
/// The one spreadsheet writer of every module's exports (register, attendance lists, statistics):
/// files that open right in French Excel and cannot run anything. CSV in UTF-8 with BOM, ";"
/// separated, CRLF; XLSX with every column as text. Every cell goes through <see cref="Neutralise"/>.
/// </summary>
public static class SpreadsheetWriter
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// Prefixes with an apostrophe a cell a spreadsheet could read as a formula (OWASP "CSV injection"):
    /// one starting with = + - @, a tab, CR or LF; one whose first visible character, after spaces or
    /// other blanks, is = + - @; and the full-width forms ＝ ＋ － ＠ that some spreadsheets fold to them.
    /// </summary>
    public static string? Neutralise(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return value;
        if (value[0] is '\t' or '\r' or '\n')
            return "'" + value;
        var first = value.AsSpan().TrimStart();
        return first.Length > 0 && IsFormulaStart(first[0]) ? "'" + value : value;
    }

    private static bool IsFormulaStart(char c) => c is '=' or '+' or '-' or '@' or '\uFF1D' or '\uFF0B' or '\uFF0D' or '\uFF20';

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
        await MiniExcel.SaveAsAsync(output, TypedCells(columns, rows), sheetName: sheetName, excelType: ExcelType.XLSX, configuration: configuration, cancellationToken: ct);
    }

    /// <summary>
    /// A workbook of several typed sheets (statistics: one per section), cells typed as in
    /// <see cref="WriteTypedXlsxAsync"/>; columns keep the order given. Sheet names: at most 31
    /// characters, none of : \ / ? * [ ] (Excel's rule).
    /// </summary>
    public static async Task WriteTypedWorkbookAsync(Stream output, IReadOnlyList<SpreadsheetSheet> sheets, CancellationToken ct)
    {
        var workbook = new Dictionary<string, object>();
        foreach (var sheet in sheets)
        {
            var cells = TypedCells(sheet.Columns, sheet.Rows).ToList();
            // MiniExcel takes the titles from the first row: an empty sheet gets one empty row, so its titles are there.
            workbook.Add(sheet.Name, cells.Count > 0 ? cells : TypedCells(sheet.Columns, [new object?[sheet.Columns.Count]]).ToList());
        }
        // Widths by column title (MiniExcel matches dynamic columns by name in every sheet): wide first columns (labels, definitions).
        var widths = sheets.SelectMany(s => s.Columns.Select((c, i) => (c, Width: i == 0 || c.StartsWith("Définition", StringComparison.Ordinal) ? 60 : 16)))
            .GroupBy(c => c.c).Select(g => new DynamicExcelColumn(g.Key) { Width = g.Max(c => c.Width) }).ToArray();
        var configuration = new OpenXmlConfiguration { DynamicColumns = widths, FastMode = true };
        await MiniExcel.SaveAsAsync(output, workbook, excelType: ExcelType.XLSX, configuration: configuration, cancellationToken: ct);
    }

    private static IEnumerable<IDictionary<string, object?>> TypedCells(IReadOnlyList<string> columns, IEnumerable<object?[]> rows)
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

/// <summary>One sheet of a workbook: its name, column titles and rows (text, numbers, dates).</summary>
public sealed record SpreadsheetSheet(string Name, IReadOnlyList<string> Columns, IEnumerable<object?[]> Rows);
