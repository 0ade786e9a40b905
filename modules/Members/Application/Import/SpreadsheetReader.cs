using System.IO.Compression;
using System.Text;
using CentresConnectes.Members.Domain;
using MiniExcelLibs;

namespace CentresConnectes.Members.Application.Import;

/// <summary>A refusal of the whole file, in French (shown as is).</summary>
public sealed class ImportFileException(string message) : Exception(message);

public static class ImportLimits
{
    public const int MaxFileBytes = 20 * 1024 * 1024;
    public const int MaxRows = 100_000;
    public const int MaxColumns = 200;
    public const long MaxUncompressedBytes = 200L * 1024 * 1024;
    /// <summary>Real workbooks compress 5–20 times; beyond this an entry is a decompression bomb.</summary>
    public const int MaxCompressionRatio = 100;
    /// <summary>Cells longer than this are cut (and the row reported) before any other check.</summary>
    public const int MaxCellLength = 10_000;
}

/// <summary>One data row of a sheet: its line number as the user sees it in the spreadsheet and its cells.</summary>
public sealed record SheetRow(int Line, object?[] Cells);

/// <summary>Where the user says the header is (null: found automatically).</summary>
public sealed record SheetChoice(string? Sheet, int? HeaderLine);

/// <summary>One of the first lines of the sheet, for the « the header is at line… » choice.</summary>
public sealed record HeadLine(int Line, string Text);

/// <summary>How a CSV file was read (shown in the preview, so a wrong guess is visible).</summary>
public sealed record CsvFormat(string EncodingName, char Separator);

public sealed class SheetReadResult
{
    public required IReadOnlyList<string> Headers { get; init; }
    public required IEnumerable<SheetRow> Rows { get; init; }
    public CsvFormat? Csv { get; init; }
    /// <summary>The header's line number in the sheet.</summary>
    public int HeaderLine { get; init; } = 1;
    /// <summary>Whether the header line was found by the reader (not chosen by the user).</summary>
    public bool HeaderFound { get; init; } = true;
    /// <summary>The sheet read (xlsx) and every sheet of the workbook.</summary>
    public string? Sheet { get; init; }
    public IReadOnlyList<string> Sheets { get; init; } = [];
    /// <summary>The first lines of the sheet (where a header may be).</summary>
    public IReadOnlyList<HeadLine> Head { get; init; } = [];
}

/// <summary>
/// Reads uploaded spreadsheets defensively: the type comes from the content (an .xlsx that is
/// really a CSV is read as a CSV), the zip container of an xlsx is measured before MiniExcel opens
/// it (zip bombs), CSV encodings (UTF-8 with or without BOM, UTF-16, Windows-1252) and separators
/// (; , tab) are detected. CSV is parsed here rather than by MiniExcel so that physical line numbers
/// (for error messages) survive quoted line breaks and the detected encoding is honoured.
/// </summary>
public static class SpreadsheetReader
{
    static SpreadsheetReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static ImportFileKind Detect(byte[] content, string fileName, out string? note)
    {
        note = null;
        if (content.Length == 0)
            throw new ImportFileException("Le fichier est vide.");
        if (content.Length > ImportLimits.MaxFileBytes)
            throw new ImportFileException($"Le fichier dépasse {ImportLimits.MaxFileBytes / 1024 / 1024} Mo.");
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var isZip = content.Length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] is 3 or 5 or 7 && content[3] is 4 or 6 or 8;
        var isOle = content.Length >= 8 && content[0] == 0xD0 && content[1] == 0xCF && content[2] == 0x11 && content[3] == 0xE0;
        if (isOle)
            throw new ImportFileException("Ce fichier est au format Excel 97-2003 (.xls) : enregistrez-le au format .xlsx (Excel) ou .csv, puis importez-le à nouveau.");
        if (isZip)
        {
            if (extension is ".ods")
                throw new ImportFileException("Les fichiers OpenDocument (.ods) ne sont pas lus : enregistrez-le au format .xlsx ou .csv.");
            if (extension is ".csv" or ".txt")
                note = "Ce fichier porte l'extension .csv mais c'est un classeur Excel : il a été lu comme tel.";
            return ImportFileKind.Xlsx;
        }
        if (LooksBinary(content))
        {
            if (extension == ".xlsx")
                throw new ImportFileException("Ce fichier .xlsx est illisible ou endommagé : ouvrez-le dans votre tableur et enregistrez-le à nouveau.");
            throw new ImportFileException("Ce fichier n'est ni un classeur Excel (.xlsx) ni un fichier texte CSV.");
        }
        if (extension == ".xlsx")
            note = "Ce fichier porte l'extension .xlsx mais c'est un fichier texte (CSV) : il a été lu comme tel.";
        return ImportFileKind.Csv;
    }

    private static bool LooksBinary(byte[] content)
    {
        // UTF-16 text has zero bytes but starts with a byte order mark.
        if (content.Length >= 2 && ((content[0] == 0xFF && content[1] == 0xFE) || (content[0] == 0xFE && content[1] == 0xFF)))
            return false;
        var sample = Math.Min(content.Length, 8192);
        var control = 0;
        for (var i = 0; i < sample; i++)
        {
            var b = content[i];
            if (b == 0)
                return true;
            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1A))
                control++;
        }
        return control > sample / 20;
    }

    /// <summary>How many lines the header is looked for in (title rows, a blank line, a merged caption…).</summary>
    public const int HeaderSearchLines = 20;

    public static SheetReadResult Read(byte[] content, ImportFileKind kind, SheetChoice? choice = null) =>
        kind == ImportFileKind.Xlsx ? ReadXlsx(content, choice) : ReadCsv(content, choice);

    /// <summary>
    /// The header among the first lines: the line whose cells best match the known French headers
    /// (see <see cref="ImportMapping.HeaderScore"/>), the first of equals; without any, the first
    /// non-blank line (the mapping then asks the user). A line the user chose wins when it exists.
    /// </summary>
    private static (int Index, bool Found) FindHeader(IReadOnlyList<object?[]> head, int? chosenIndex)
    {
        var best = -1;
        var bestScore = 0;
        for (var i = 0; i < head.Count; i++)
        {
            if (head[i].All(IsBlank))
                continue;
            var score = ImportMapping.HeaderScore(head[i].Take(ImportLimits.MaxColumns).Select(CellText).ToList());
            if (score > bestScore)
            {
                best = i;
                bestScore = score;
            }
        }
        if (chosenIndex is { } chosen && chosen >= 0 && chosen < head.Count && !head[chosen].All(IsBlank))
            return (chosen, chosen == best);
        if (best >= 0)
            return (best, true);
        for (var i = 0; i < head.Count; i++)
        {
            if (!head[i].All(IsBlank))
                return (i, false);
        }
        return (-1, false);
    }

    private static IReadOnlyList<HeadLine> HeadLines(IReadOnlyList<object?[]> head, Func<int, int> lineOf) =>
        head.Select((cells, i) => new HeadLine(lineOf(i), Shorten(string.Join(" | ", cells.Select(CellText).Where(t => t.Length > 0)), 120)))
            .Where(h => h.Text.Length > 0).ToList();

    private static string Shorten(string text, int max) => text.Length > max ? text[..max] + "…" : text;

    private static ImportFileException EmptyFile() =>
        new("Le fichier est vide : aucune ligne ne contient les titres des colonnes (Nom, Prénom, Date de naissance…).");

    // ---------------------------------------------------------------- xlsx

    /// <summary>
    /// Measures every entry by really inflating it (the sizes a zip declares can lie), stopping as
    /// soon as the total or an entry's ratio is out of bounds.
    /// </summary>
    public static void CheckZip(byte[] content)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (archive.Entries.Count > 10_000)
                throw new ImportFileException("Ce classeur contient un nombre anormal de fichiers internes : il est refusé.");
            if (archive.GetEntry("xl/workbook.xml") is null)
                throw new ImportFileException("Ce fichier est une archive zip mais pas un classeur Excel (.xlsx).");
            long total = 0;
            var buffer = new byte[81920];
            foreach (var entry in archive.Entries)
            {
                if (entry.Length > ImportLimits.MaxUncompressedBytes)
                    throw TooLarge();
                long entryTotal = 0;
                using var stream = entry.Open();
                int read;
                while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    entryTotal += read;
                    total += read;
                    if (total > ImportLimits.MaxUncompressedBytes)
                        throw TooLarge();
                    if (entryTotal > 1024 * 1024 && entryTotal > Math.Max(1, entry.CompressedLength) * ImportLimits.MaxCompressionRatio)
                        throw new ImportFileException("Ce classeur est anormalement compressé (possible « bombe zip ») : il est refusé.");
                }
            }
        }
        catch (InvalidDataException)
        {
            throw new ImportFileException("Ce fichier .xlsx est illisible ou endommagé : ouvrez-le dans votre tableur et enregistrez-le à nouveau.");
        }
    }

    private static ImportFileException TooLarge() =>
        new($"Ce classeur est trop volumineux une fois décompressé (plus de {ImportLimits.MaxUncompressedBytes / 1024 / 1024} Mo) : découpez-le en plusieurs fichiers.");

    private static SheetReadResult ReadXlsx(byte[] content, SheetChoice? choice)
    {
        CheckZip(content);
        List<string> sheets;
        try
        {
            sheets = MiniExcel.GetSheetNames(new MemoryStream(content, writable: false));
        }
        catch (Exception ex) when (ex is not ImportFileException)
        {
            throw new ImportFileException("Ce fichier .xlsx est illisible ou endommagé : ouvrez-le dans votre tableur et enregistrez-le à nouveau.");
        }
        if (sheets.Count == 0)
            throw EmptyFile();
        // The sheet the user chose; else the first one with a recognisable header (a cover sheet,
        // "Mode d'emploi" or an empty "Feuil1" before the list is passed over); else the first.
        var candidates = choice?.Sheet is { } wanted && sheets.Contains(wanted) ? [wanted] : sheets;
        (string Sheet, List<object?[]> Head, int Index, bool Found)? first = null;
        foreach (var sheet in candidates)
        {
            List<object?[]> head;
            try
            {
                head = QueryXlsx(content, sheet).Take(HeaderSearchLines).ToList();
            }
            catch (Exception ex) when (ex is not ImportFileException)
            {
                throw new ImportFileException("Ce fichier .xlsx est illisible ou endommagé : ouvrez-le dans votre tableur et enregistrez-le à nouveau.");
            }
            // A header line given without a sheet is the first sheet's.
            var chosen = (choice?.Sheet ?? candidates[0]) == sheet && choice?.HeaderLine is { } line ? line - 1 : (int?)null;
            var (index, found) = FindHeader(head, chosen);
            if (index < 0)
                continue;
            first ??= (sheet, head, index, found);
            if (found || chosen is not null)
            {
                first = (sheet, head, index, found);
                break;
            }
        }
        if (first is not { } picked)
            throw EmptyFile();
        var headers = Headers(picked.Head[picked.Index]);
        return new SheetReadResult
        {
            Headers = headers,
            Rows = XlsxRows(content, picked.Sheet, picked.Index + 1, headers.Count),
            HeaderLine = picked.Index + 1,
            HeaderFound = picked.Found,
            Sheet = picked.Sheet,
            Sheets = sheets,
            Head = HeadLines(picked.Head, i => i + 1),
        };
    }

    private static IEnumerable<SheetRow> XlsxRows(byte[] content, string sheet, int headerLine, int columns)
    {
        var line = 0;
        using var enumerator = QueryXlsx(content, sheet).GetEnumerator();
        while (true)
        {
            object?[] cells;
            try
            {
                if (!enumerator.MoveNext())
                    yield break;
                cells = enumerator.Current;
            }
            catch (Exception ex) when (ex is not ImportFileException)
            {
                throw new ImportFileException($"Ce fichier .xlsx est illisible à partir de la ligne {line + 1} : ouvrez-le dans votre tableur et enregistrez-le à nouveau.");
            }
            line++;
            if (line <= headerLine)
                continue;
            if (cells.All(IsBlank))
                continue;
            yield return new SheetRow(line, Fit(cells, columns));
        }
    }

    private static IEnumerable<object?[]> QueryXlsx(byte[] content, string sheet)
    {
        var stream = new MemoryStream(content, writable: false);
        foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX))
        {
            var cells = new object?[Math.Min(row.Count, ImportLimits.MaxColumns)];
            var i = 0;
            foreach (var value in row.Values)
            {
                if (i >= cells.Length)
                    break;
                cells[i++] = value;
            }
            yield return cells;
        }
    }

    // ---------------------------------------------------------------- csv

    private static SheetReadResult ReadCsv(byte[] content, SheetChoice? choice)
    {
        var (text, encodingName) = Decode(content);
        if (text.Trim().Length == 0)
            throw new ImportFileException("Le fichier est vide.");
        var separator = DetectSeparator(text);
        var head = ParseCsv(text, separator).Take(HeaderSearchLines).ToList();
        if (head.Count == 0)
            throw new ImportFileException("Le fichier est vide.");
        var chosen = choice?.HeaderLine is { } line ? head.FindIndex(r => r.Line == line) : (int?)null;
        var (index, found) = FindHeader(head.Select(r => (object?[])r.Cells).ToList(), chosen is >= 0 ? chosen : null);
        if (index < 0)
            throw EmptyFile();
        var headers = Headers(head[index].Cells);
        return new SheetReadResult
        {
            Headers = headers,
            Rows = CsvRows(text, separator, index + 1, headers.Count),
            Csv = new CsvFormat(encodingName, separator),
            HeaderLine = head[index].Line,
            HeaderFound = found,
            Head = HeadLines(head.Select(r => (object?[])r.Cells).ToList(), i => head[i].Line),
        };
    }

    private static IEnumerable<SheetRow> CsvRows(string text, char separator, int skip, int columns)
    {
        var index = 0;
        foreach (var record in ParseCsv(text, separator))
        {
            if (index++ < skip)
                continue;
            if (record.Cells.All(IsBlank))
                continue;
            yield return new SheetRow(record.Line, Fit(record.Cells, columns));
        }
    }

    /// <summary>UTF-8 (BOM or not), UTF-16 (BOM), else Windows-1252 (what French Excel writes for "CSV (séparateur : point-virgule)").</summary>
    public static (string Text, string EncodingName) Decode(byte[] content)
    {
        if (content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF)
            return (Encoding.UTF8.GetString(content, 3, content.Length - 3), "UTF-8");
        if (content.Length >= 2 && content[0] == 0xFF && content[1] == 0xFE)
            return (Encoding.Unicode.GetString(content, 2, content.Length - 2), "UTF-16");
        if (content.Length >= 2 && content[0] == 0xFE && content[1] == 0xFF)
            return (Encoding.BigEndianUnicode.GetString(content, 2, content.Length - 2), "UTF-16");
        try
        {
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content), "UTF-8");
        }
        catch (DecoderFallbackException)
        {
            return (Encoding.GetEncoding(1252).GetString(content), "Windows-1252");
        }
    }

    /// <summary>
    /// The separator of the line that has the most of one, outside quotes, among the first lines
    /// (";" wins a tie: French Excel's). Title lines above the header ("Liste des adhérents, juin")
    /// have few or none, so the header decides.
    /// </summary>
    public static char DetectSeparator(string text)
    {
        int semicolons = 0, commas = 0, tabs = 0;
        int maxSemicolons = 0, maxCommas = 0, maxTabs = 0;
        var quoted = false;
        var lines = 0;
        foreach (var c in text)
        {
            if (c == '"')
                quoted = !quoted;
            else if (!quoted && c is '\n' or '\r')
            {
                if (c == '\n' && ++lines >= HeaderSearchLines)
                    break;
                maxSemicolons = Math.Max(maxSemicolons, semicolons);
                maxCommas = Math.Max(maxCommas, commas);
                maxTabs = Math.Max(maxTabs, tabs);
                semicolons = commas = tabs = 0;
            }
            else if (!quoted && c == ';')
                semicolons++;
            else if (!quoted && c == ',')
                commas++;
            else if (!quoted && c == '\t')
                tabs++;
        }
        maxSemicolons = Math.Max(maxSemicolons, semicolons);
        maxCommas = Math.Max(maxCommas, commas);
        maxTabs = Math.Max(maxTabs, tabs);
        if (maxTabs > maxSemicolons && maxTabs > maxCommas)
            return '\t';
        return maxCommas > maxSemicolons ? ',' : ';';
    }

    public sealed record CsvRecord(int Line, string[] Cells);

    /// <summary>RFC 4180: quoted fields may hold separators, quotes ("") and line breaks; CRLF, LF or CR end a record.</summary>
    public static IEnumerable<CsvRecord> ParseCsv(string text, char separator)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var i = 0;
        var quoted = false;
        var atCellStart = true;
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        cell.Append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                    i++;
                    continue;
                }
                if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
                    line++;
                if (cell.Length < ImportLimits.MaxCellLength + 1)
                    cell.Append(c);
                i++;
                continue;
            }
            if (c == '"' && atCellStart)
            {
                quoted = true;
                atCellStart = false;
                i++;
                continue;
            }
            if (c == separator)
            {
                cells.Add(cell.ToString());
                cell.Clear();
                atCellStart = true;
                i++;
                continue;
            }
            if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    i++;
                i++;
                cells.Add(cell.ToString());
                cell.Clear();
                yield return new CsvRecord(recordLine, cells.ToArray());
                cells.Clear();
                line++;
                recordLine = line;
                atCellStart = true;
                continue;
            }
            if (cell.Length < ImportLimits.MaxCellLength + 1)
                cell.Append(c);
            atCellStart = false;
            i++;
        }
        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString());
            yield return new CsvRecord(recordLine, cells.ToArray());
        }
    }

    // ---------------------------------------------------------------- shared

    private static IReadOnlyList<string> Headers(object?[] cells)
    {
        var last = cells.Length - 1;
        while (last >= 0 && IsBlank(cells[last]))
            last--;
        if (last + 1 > ImportLimits.MaxColumns)
            throw new ImportFileException($"Le fichier a plus de {ImportLimits.MaxColumns} colonnes : ce n'est sans doute pas une liste de personnes.");
        var headers = new List<string>(last + 1);
        for (var i = 0; i <= last; i++)
        {
            var text = CellText(cells[i]);
            if (text.Length > 100)
                text = text[..100];
            headers.Add(text.Length == 0 ? $"Colonne {i + 1}" : text);
        }
        return headers;
    }

    private static object?[] Fit(object?[] cells, int columns)
    {
        if (cells.Length == columns)
            return cells;
        var fitted = new object?[Math.Max(columns, 1)];
        Array.Copy(cells, fitted, Math.Min(cells.Length, fitted.Length));
        // Cells beyond the header are kept in the last slot's neighbourhood only when they hold data:
        // a row longer than its header usually means a separator inside an unquoted value.
        if (cells.Length > columns && cells.Skip(columns).Any(c => !IsBlank(c)))
            fitted = [.. fitted, new ExtraCells()];
        return fitted;
    }

    /// <summary>Marks a row that had more cells than the header.</summary>
    public sealed class ExtraCells;

    public static bool IsBlank(object? value) => value is null || (value is string s && string.IsNullOrWhiteSpace(s));

    public static string CellText(object? value) => value switch
    {
        null or ExtraCells => "",
        string s => s.Trim(),
        DateTime d => d.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture),
        double d => d.ToString(System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString()?.Trim() ?? "",
    };
}
