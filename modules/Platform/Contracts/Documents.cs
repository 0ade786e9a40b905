namespace CentresConnectes.Platform.Contracts;

/// <summary>
/// A printable document (attendance list, statistics…) described as blocks; Platform lays it out
/// on A4 pages with the structure's header, page numbers and the FEDER notice on every page.
/// Modules describe what to print, never how to draw it.
/// </summary>
public sealed record PdfDocumentSpec(string Title, IReadOnlyList<PdfBlock> Blocks)
{
    /// <summary>Lines under the title: period, criteria, slot…</summary>
    public IReadOnlyList<string> Subtitles { get; init; } = [];

    public PdfOrientation Orientation { get; init; } = PdfOrientation.Portrait;

    /// <summary>Shown in the header beside the logo; filled by <see cref="IPdfDocuments"/> from the current structure.</summary>
    public string? StructureName { get; init; }

    /// <summary>PNG, JPEG or WebP bytes; filled by <see cref="IPdfDocuments"/> from the structure's logo.</summary>
    public byte[]? Logo { get; init; }

    /// <summary>Printed in the footer as « Édité le … » (Paris time); filled by <see cref="IPdfDocuments"/>.</summary>
    public DateTime? GeneratedAtUtc { get; init; }
}

public enum PdfOrientation
{
    Portrait,
    Landscape,
}

public enum PdfAlign
{
    Left,
    Center,
    Right,
}

/// <summary>
/// One column: its header, its share of the page width (relative to the other columns), its alignment
/// and, for values that must not wrap (dates, times), a minimum width in points taken before sharing.
/// </summary>
public sealed record PdfColumn(string Header, float Width = 1, PdfAlign Align = PdfAlign.Left, float MinWidth = 0);

public abstract record PdfBlock;

/// <summary>A section title; never left alone at the bottom of a page.</summary>
public sealed record PdfHeading(string Text) : PdfBlock;

/// <summary>Wrapped text; <see cref="Small"/> for notes and definitions.</summary>
public sealed record PdfParagraph(string Text, bool Small = false) : PdfBlock;

/// <summary>
/// A table that breaks across pages, its header row repeated on each. Rows are read once, as they
/// are laid out (a streamed query can feed them). <see cref="BoldLastRow"/> marks a total line.
/// </summary>
public sealed record PdfTable(IReadOnlyList<PdfColumn> Columns, IEnumerable<IReadOnlyList<string?>> Rows) : PdfBlock
{
    public bool BoldLastRow { get; init; }

    /// <summary>Shown in a single row when there is none.</summary>
    public string EmptyText { get; init; } = "Aucune ligne.";
}

/// <summary>A picture (a chart rendered to PNG…), scaled down to the page width and <see cref="MaxHeight"/> points.</summary>
public sealed record PdfImage(byte[] Bytes, float MaxHeight = 320, string? Caption = null) : PdfBlock;

/// <summary>
/// A horizontal bar chart drawn as vectors in shades of grey with the value written at each bar's end,
/// so it stays readable printed in black and white.
/// </summary>
public sealed record PdfBarChart(string Title, IReadOnlyList<PdfBar> Bars) : PdfBlock;

public sealed record PdfBar(string Label, double Value);

/// <summary>The next block starts on a new page.</summary>
public sealed record PdfPageBreak : PdfBlock;

/// <summary>Renders documents for the current structure (its name and logo in the header).</summary>
public interface IPdfDocuments
{
    Task<byte[]> RenderAsync(PdfDocumentSpec spec, CancellationToken ct = default);
}

/// <summary>The PDF content type and the file name rules every module uses for downloads.</summary>
public static class PdfFiles
{
    public const string ContentType = "application/pdf";
}
