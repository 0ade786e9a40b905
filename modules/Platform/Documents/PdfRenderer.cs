using CentresConnectes.Platform.Application;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using SkiaSharp;

namespace CentresConnectes.Platform.Documents;

/// <summary>
/// Lays a <see cref="PdfDocumentSpec"/> out on A4 pages and writes it with Skia's PDF backend.
/// Two passes: the layout records each page's drawing, then the pages are drawn once the page
/// count is known, so every footer can say « n / N ».
/// </summary>
public static class PdfRenderer
{
    public static byte[] Render(PdfDocumentSpec spec)
    {
        using var output = new MemoryStream();
        Render(spec, output);
        return output.ToArray();
    }

    public static void Render(PdfDocumentSpec spec, Stream output)
    {
        using var layout = new PdfLayout(spec);
        foreach (var block in spec.Blocks)
            layout.Add(block);
        layout.Finish();

        var metadata = new SKDocumentPdfMetadata
        {
            Title = spec.Title,
            Author = spec.StructureName ?? "",
            Creator = "Centres Connectés",
            Producer = "Centres Connectés (SkiaSharp)",
            Creation = spec.GeneratedAtUtc ?? DateTime.UtcNow,
            Modified = spec.GeneratedAtUtc ?? DateTime.UtcNow,
            RasterDpi = 150,
        };
        using var document = SKDocument.CreatePdf(output, metadata);
        var count = layout.Pages.Count;
        for (var i = 0; i < count; i++)
        {
            var canvas = document.BeginPage(layout.Width, layout.Height);
            foreach (var draw in layout.Pages[i])
                draw(canvas);
            layout.DrawFooter(canvas, i + 1, count);
            document.EndPage();
        }
        document.Close();
    }
}

/// <summary>Page geometry, fonts and the cursor; one instance per document.</summary>
internal sealed class PdfLayout : IDisposable
{
    // A4 in points (1/72 inch).
    private const float A4Short = 595.28f;
    private const float A4Long = 841.89f;
    private const float Margin = 36f;
    private const float FooterHeight = 30f;
    private const float CellPadding = 3f;

    private static readonly SKColor Ink = new(0x21, 0x25, 0x29);
    private static readonly SKColor Muted = new(0x55, 0x5B, 0x61);
    private static readonly SKColor Rule = new(0xB0, 0xB4, 0xB8);
    private static readonly SKColor HeaderFill = new(0xE2, 0xE4, 0xE6);
    private static readonly SKColor StripeFill = new(0xF5, 0xF6, 0xF7);

    private readonly PdfDocumentSpec spec;
    private readonly SKFont body = Font(PdfFonts.Regular, 8.5f);
    private readonly SKFont bodyBold = Font(PdfFonts.Bold, 8.5f);
    private readonly SKFont small = Font(PdfFonts.Regular, 7.5f);
    private readonly SKFont heading = Font(PdfFonts.Bold, 12f);
    private readonly SKFont title = Font(PdfFonts.Bold, 16f);
    private readonly SKFont subtitle = Font(PdfFonts.Regular, 9.5f);
    private readonly SKFont runningHead = Font(PdfFonts.Regular, 8f);

    /// <summary>
    /// Unhinted, linear metrics: a PDF is scaled by its reader, and hinted advances (rounded to screen
    /// pixels) put gaps between glyphs that text extraction reads as spaces (« C e projet »).
    /// </summary>
    private static SKFont Font(SKTypeface face, float size) =>
        new(face, size) { Hinting = SKFontHinting.None, Subpixel = true, LinearMetrics = true, Edging = SKFontEdging.Antialias };
    private readonly List<IDisposable> owned = [];
    private readonly Paints paints = new();
    private readonly SKImage? logo;
    private List<Action<SKCanvas>> page = [];
    private float y;

    public PdfLayout(PdfDocumentSpec spec)
    {
        this.spec = spec;
        var landscape = spec.Orientation == PdfOrientation.Landscape;
        Width = landscape ? A4Long : A4Short;
        Height = landscape ? A4Short : A4Long;
        if (spec.Logo is { Length: > 0 } bytes)
        {
            logo = SKImage.FromEncodedData(bytes);
            if (logo is not null)
                owned.Add(logo);
        }
        NewPage();
    }

    public float Width { get; }
    public float Height { get; }
    public List<List<Action<SKCanvas>>> Pages { get; } = [];

    private float Left => Margin;
    private float Right => Width - Margin;
    private float ContentWidth => Right - Left;
    private float Bottom => Height - Margin - FooterHeight;

    public void Add(PdfBlock block)
    {
        switch (block)
        {
            case PdfHeading h: AddHeading(h); break;
            case PdfParagraph p: AddParagraph(p); break;
            case PdfTable t: AddTable(t); break;
            case PdfImage i: AddImage(i); break;
            case PdfBarChart c: AddBarChart(c); break;
            case PdfPageBreak: NewPage(); break;
            default: throw new NotSupportedException($"Unknown PDF block {block.GetType().Name}.");
        }
    }

    /// <summary>Drops a trailing page that holds only its header (a page break as the last block).</summary>
    public void Finish()
    {
        if (Pages.Count > 1 && PageIsFresh)
            Pages.RemoveAt(Pages.Count - 1);
    }

    // ---- header and footer ------------------------------------------------------------

    private void NewPage()
    {
        if (Pages.Count > 0 && PageIsFresh)
            return; // already on a fresh page (a page break right after a table's end…)
        page = [];
        Pages.Add(page);
        y = Margin;
        if (Pages.Count == 1)
            LayOutFirstHeader();
        else
            LayOutRunningHead();
        // The header ops are not content: a page holding only them counts as fresh.
        headerOps = page.Count;
    }

    private int headerOps;

    private bool PageIsFresh => page.Count == headerOps;

    private void LayOutFirstHeader()
    {
        var top = y;
        var textLeft = Left;
        var logoHeight = 0f;
        if (logo is not null)
        {
            var scale = Math.Min(120f / logo.Width, 48f / logo.Height);
            var w = logo.Width * scale;
            var h = logo.Height * scale;
            var rect = SKRect.Create(Left, top, w, h);
            var image = logo;
            page.Add(c => c.DrawImage(image, rect, new SKSamplingOptions(SKCubicResampler.Mitchell)));
            textLeft = Left + w + 14f;
            logoHeight = h;
        }
        var textWidth = Right - textLeft;
        var ty = top;
        if (!string.IsNullOrWhiteSpace(spec.StructureName))
        {
            ty += runningHead.Size;
            Text(spec.StructureName!, textLeft, ty, runningHead, Muted);
            ty += 4f;
        }
        foreach (var line in Wrap(spec.Title, title, textWidth))
        {
            ty += title.Size * 1.2f;
            Text(line, textLeft, ty, title, Ink);
        }
        foreach (var sub in spec.Subtitles)
        {
            foreach (var line in Wrap(sub, subtitle, textWidth))
            {
                ty += subtitle.Size * 1.35f;
                Text(line, textLeft, ty, subtitle, Ink);
            }
        }
        y = Math.Max(ty, top + logoHeight) + 8f;
        HorizontalRule(y, 0.8f);
        y += 12f;
    }

    private void LayOutRunningHead()
    {
        var label = string.IsNullOrWhiteSpace(spec.StructureName) ? spec.Title : $"{spec.Title} — {spec.StructureName}";
        var line = Wrap(label, runningHead, ContentWidth)[0];
        Text(line, Left, y + runningHead.Size, runningHead, Muted);
        y += runningHead.Size + 5f;
        HorizontalRule(y, 0.5f);
        y += 10f;
    }

    /// <summary>EU emblem and the FEDER sentence on the left, the edition date, « n / N » on the right.</summary>
    public void DrawFooter(SKCanvas canvas, int number, int count)
    {
        var top = Height - Margin - FooterHeight + 8f;
        using (var rule = new SKPaint { Color = Rule, StrokeWidth = 0.5f, IsStroke = true, IsAntialias = true })
            canvas.DrawLine(Left, top, Right, top, rule);
        const float flagHeight = 16f;
        var flag = SKRect.Create(Left, top + 5f, flagHeight * 1.5f, flagHeight);
        EuEmblem.Draw(canvas, flag);
        using var paint = new SKPaint { Color = Ink, IsAntialias = true };
        var baseline = flag.MidY + small.Size / 2.8f;
        canvas.DrawText(EmailTemplates.FundingNotice, flag.Right + 6f, baseline, SKTextAlign.Left, small, paint);
        var pageText = $"{number} / {count}";
        canvas.DrawText(pageText, Right, baseline, SKTextAlign.Right, small, paint);
        if (spec.GeneratedAtUtc is { } at)
        {
            paint.Color = Muted;
            var edited = $"Édité le {ParisTime.FormatDate(at)} à {ParisTime.ToParis(at):HH:mm}";
            canvas.DrawText(edited, Right - small.MeasureText(pageText) - 18f, baseline, SKTextAlign.Right, small, paint);
        }
    }

    // ---- blocks ------------------------------------------------------------------------

    private void AddHeading(PdfHeading block)
    {
        var lines = Wrap(block.Text, heading, ContentWidth);
        var lineHeight = heading.Size * 1.3f;
        // Keep with next: a title needs room for itself and a few lines after it.
        Ensure(lines.Count * lineHeight + 8f + 50f);
        if (!PageIsFresh)
            y += 6f;
        foreach (var line in lines)
        {
            y += lineHeight;
            Text(line, Left, y, heading, Ink);
        }
        y += 6f;
    }

    private void AddParagraph(PdfParagraph block)
    {
        var font = block.Small ? small : body;
        var lineHeight = font.Size * 1.35f;
        foreach (var line in Wrap(block.Text, font, ContentWidth))
        {
            Ensure(lineHeight);
            y += lineHeight;
            Text(line, Left, y - font.Size * 0.25f, font, block.Small ? Muted : Ink);
        }
        y += 5f;
    }

    private void AddTable(PdfTable table)
    {
        var columns = table.Columns;
        if (columns.Count == 0)
            return;
        var widths = ColumnWidths(columns, ContentWidth);
        var lineHeight = body.Size * 1.25f;
        var edges = new float[columns.Count + 1];
        edges[0] = Left;
        for (var i = 0; i < columns.Count; i++)
            edges[i + 1] = edges[i] + widths[i];

        var headerCells = columns.Select((c, i) => Wrap(c.Header, bodyBold, widths[i] - 2 * CellPadding)).ToArray();
        var headerHeight = headerCells.Max(l => l.Count) * lineHeight + 2 * CellPadding;

        // The grid is drawn per page: one line under each row, and the column rules once for the
        // table's part on that page (thousands of cell rectangles made big, slow PDFs).
        var segmentTop = 0f;
        void HeaderRow()
        {
            segmentTop = y;
            var top = y;
            var blob = RowText(headerCells, columns, edges, top, bodyBold, lineHeight);
            var rect = new SKRect(Left, top, Right, top + headerHeight);
            page.Add(c =>
            {
                c.DrawRect(rect, paints.HeaderFill);
                c.DrawLine(rect.Left, rect.Top, rect.Right, rect.Top, paints.Grid);
                c.DrawLine(rect.Left, rect.Bottom, rect.Right, rect.Bottom, paints.Grid);
                if (blob is not null)
                    c.DrawText(blob, 0, 0, paints.Ink);
            });
            y += headerHeight;
        }
        void CloseSegment(bool allColumns)
        {
            var (top, bottom) = (segmentTop, y);
            var rules = allColumns ? edges : [edges[0], edges[^1]];
            page.Add(c =>
            {
                foreach (var x in rules)
                    c.DrawLine(x, top, x, bottom, paints.Grid);
            });
        }

        Ensure(headerHeight + lineHeight * 2 + 2 * CellPadding);
        HeaderRow();

        var index = 0;
        IReadOnlyList<string?>? pending = null;
        void Emit(IReadOnlyList<string?> row, bool last)
        {
            var font = last && table.BoldLastRow ? bodyBold : body;
            var cells = new List<string>[columns.Count];
            for (var i = 0; i < columns.Count; i++)
                cells[i] = Wrap(i < row.Count ? row[i] ?? "" : "", font, widths[i] - 2 * CellPadding);
            var maxLines = (int)Math.Floor((Bottom - Margin - 60f - headerHeight) / lineHeight);
            var lines = Math.Min(cells.Max(l => l.Count), Math.Max(1, maxLines));
            for (var i = 0; i < cells.Length; i++)
            {
                // A cell taller than a page is cut (never happens with names and figures).
                if (cells[i].Count > lines)
                    cells[i] = [.. cells[i].Take(lines - 1), cells[i][lines - 1] + " …"];
            }
            var height = lines * lineHeight + 2 * CellPadding;
            if (y + height > Bottom)
            {
                CloseSegment(allColumns: true);
                NewPage();
                HeaderRow();
            }
            var top = y;
            var striped = index % 2 == 1;
            var blob = RowText(cells, columns, edges, top, font, lineHeight);
            var rect = new SKRect(Left, top, Right, top + height);
            // The stripe stops short of the rule above it (drawn with the previous row), which it would half cover.
            var stripe = new SKRect(Left, top + 0.3f, Right, top + height);
            page.Add(c =>
            {
                if (striped)
                    c.DrawRect(stripe, paints.StripeFill);
                c.DrawLine(rect.Left, rect.Bottom, rect.Right, rect.Bottom, paints.Grid);
                if (blob is not null)
                    c.DrawText(blob, 0, 0, paints.Ink);
            });
            y += height;
            index++;
        }

        foreach (var row in table.Rows)
        {
            if (pending is not null)
                Emit(pending, last: false);
            pending = row;
        }
        if (pending is not null)
        {
            Emit(pending, last: true);
            CloseSegment(allColumns: true);
        }
        else
        {
            CloseSegment(allColumns: true);
            segmentTop = y;
            var top = y;
            var height = lineHeight + 2 * CellPadding;
            var blob = RowText([[table.EmptyText]], [new PdfColumn("")], [Left, Right], top, body, lineHeight);
            page.Add(c =>
            {
                c.DrawLine(Left, top + height, Right, top + height, paints.Grid);
                if (blob is not null)
                    c.DrawText(blob, 0, 0, paints.Ink);
            });
            y += height;
            CloseSegment(allColumns: false);
        }
        y += 10f;
    }

    /// <summary>
    /// A row's text as one text blob (every line of every cell, placed and aligned): one drawing call per
    /// row instead of one per cell, which is what makes a 3,000-row list fast in Skia's PDF backend.
    /// </summary>
    private SKTextBlob? RowText(IReadOnlyList<List<string>> cells, IReadOnlyList<PdfColumn> columns, float[] edges, float top, SKFont font, float lineHeight)
    {
        using var builder = new SKTextBlobBuilder();
        var any = false;
        for (var i = 0; i < cells.Count; i++)
        {
            var baseline = top + CellPadding + font.Size;
            foreach (var line in cells[i])
            {
                if (line.Length > 0)
                {
                    var glyphs = font.GetGlyphs(line);
                    var x = columns[i].Align switch
                    {
                        PdfAlign.Right => edges[i + 1] - CellPadding - font.MeasureText(glyphs),
                        PdfAlign.Center => (edges[i] + edges[i + 1] - font.MeasureText(glyphs)) / 2,
                        _ => edges[i] + CellPadding,
                    };
                    builder.AddRun(glyphs, font, new SKPoint(x, baseline));
                    any = true;
                }
                baseline += lineHeight;
            }
        }
        if (!any)
            return null;
        var blob = builder.Build();
        if (blob is not null)
            owned.Add(blob);
        return blob;
    }

    /// <summary>Shares of the width, except that a column never gets less than its minimum (the others give it up).</summary>
    internal static float[] ColumnWidths(IReadOnlyList<PdfColumn> columns, float width)
    {
        var widths = new float[columns.Count];
        var pinned = new bool[columns.Count];
        for (var pass = 0; pass <= columns.Count; pass++)
        {
            var free = width - Enumerable.Range(0, widths.Length).Where(i => pinned[i]).Sum(i => widths[i]);
            var weights = Enumerable.Range(0, widths.Length).Where(i => !pinned[i]).Sum(i => Math.Max(0.01f, columns[i].Width));
            var changed = false;
            for (var i = 0; i < widths.Length; i++)
            {
                if (pinned[i])
                    continue;
                widths[i] = free * Math.Max(0.01f, columns[i].Width) / weights;
                if (widths[i] < columns[i].MinWidth)
                {
                    widths[i] = columns[i].MinWidth;
                    pinned[i] = true;
                    changed = true;
                }
            }
            if (!changed)
                break;
        }
        return widths;
    }

    private void AddImage(PdfImage block)
    {
        var image = SKImage.FromEncodedData(block.Bytes);
        if (image is null)
        {
            AddParagraph(new PdfParagraph("(image illisible)", Small: true));
            return;
        }
        owned.Add(image);
        // Pixels at 96 dpi → points, never wider than the page nor taller than asked or than a page.
        var scale = Math.Min(0.75f, ContentWidth / image.Width);
        var maxHeight = Math.Min(block.MaxHeight, Bottom - Margin - 80f);
        scale = Math.Min(scale, maxHeight / image.Height);
        var w = image.Width * scale;
        var h = image.Height * scale;
        var captionHeight = block.Caption is null ? 0 : small.Size * 1.6f;
        Ensure(h + captionHeight + 6f);
        var rect = SKRect.Create(Left + (ContentWidth - w) / 2, y, w, h);
        page.Add(c => c.DrawImage(image, rect, new SKSamplingOptions(SKCubicResampler.Mitchell)));
        y += h;
        if (block.Caption is { } caption)
        {
            y += small.Size * 1.4f;
            var text = Wrap(caption, small, ContentWidth)[0];
            var cx = Left + ContentWidth / 2;
            var baseline = y;
            page.Add(c =>
            {
                using var paint = new SKPaint { Color = Muted, IsAntialias = true };
                c.DrawText(text, cx, baseline, SKTextAlign.Center, small, paint);
            });
        }
        y += 10f;
    }

    private void AddBarChart(PdfBarChart chart)
    {
        const float barRow = 14f;
        var titleHeight = bodyBold.Size * 1.6f;
        Ensure(titleHeight + barRow * Math.Min(chart.Bars.Count, 4) + 8f);
        y += titleHeight;
        Text(chart.Title, Left, y - 3f, bodyBold, Ink);
        var labelWidth = ContentWidth * 0.32f;
        const float valueRoom = 48f;
        var barLeft = Left + labelWidth + 6f;
        var barWidth = ContentWidth - labelWidth - 6f - valueRoom;
        var max = chart.Bars.Count == 0 ? 0 : chart.Bars.Max(b => b.Value);
        var index = 0;
        foreach (var bar in chart.Bars)
        {
            Ensure(barRow);
            var top = y;
            var label = Wrap(bar.Label, small, labelWidth)[0];
            var length = max <= 0 ? 0 : (float)(bar.Value / max) * barWidth;
            var shade = index % 2 == 0 ? new SKColor(0x4A, 0x4F, 0x55) : new SKColor(0x9A, 0xA0, 0xA6);
            var value = bar.Value.ToString("#,0.##", ParisTime.French);
            var labelRight = Left + labelWidth;
            page.Add(c =>
            {
                using var ink = new SKPaint { Color = Ink, IsAntialias = true };
                using var fill = new SKPaint { Color = shade, Style = SKPaintStyle.Fill };
                var baseline = top + barRow / 2 + small.Size / 2.8f;
                c.DrawText(label, labelRight, baseline, SKTextAlign.Right, small, ink);
                c.DrawRect(SKRect.Create(barLeft, top + 2f, Math.Max(length, 0.5f), barRow - 4f), fill);
                c.DrawText(value, barLeft + length + 4f, baseline, SKTextAlign.Left, small, ink);
            });
            y += barRow;
            index++;
        }
        y += 10f;
    }

    // ---- primitives ------------------------------------------------------------------------

    /// <summary>Starts a new page when <paramref name="height"/> does not fit below the cursor.</summary>
    private void Ensure(float height)
    {
        if (y + height > Bottom && !PageIsFresh)
            NewPage();
    }

    private void Text(string text, float x, float baseline, SKFont font, SKColor color) =>
        page.Add(c =>
        {
            using var paint = new SKPaint { Color = color, IsAntialias = true };
            c.DrawText(text, x, baseline, SKTextAlign.Left, font, paint);
        });

    private void HorizontalRule(float at, float width)
    {
        var (left, right) = (Left, Right);
        page.Add(c =>
        {
            using var paint = new SKPaint { Color = Rule, StrokeWidth = width, IsStroke = true };
            c.DrawLine(left, at, right, at, paint);
        });
    }

    /// <summary>Greedy word wrap (explicit line breaks kept); a word wider than the line is cut.</summary>
    internal static List<string> Wrap(string text, SKFont font, float width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r", "").Split('\n'))
        {
            if (font.MeasureText(paragraph) <= width)
            {
                lines.Add(paragraph);
                continue;
            }
            var current = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (font.MeasureText(candidate) <= width)
                {
                    current = candidate;
                    continue;
                }
                if (current.Length > 0)
                    lines.Add(current);
                current = word;
                while (current.Length > 1 && font.MeasureText(current) > width)
                {
                    var fit = current.Length - 1;
                    while (fit > 1 && font.MeasureText(current[..fit]) > width)
                        fit--;
                    lines.Add(current[..fit]);
                    current = current[fit..];
                }
            }
            lines.Add(current);
        }
        return lines.Count == 0 ? [""] : lines;
    }

    /// <summary>The table's paints, made once per document (not per row).</summary>
    private sealed class Paints : IDisposable
    {
        public SKPaint Ink { get; } = new() { Color = PdfLayout.Ink, IsAntialias = true };
        public SKPaint Grid { get; } = new() { Color = PdfLayout.Rule, StrokeWidth = 0.4f, IsStroke = true };
        public SKPaint HeaderFill { get; } = new() { Color = PdfLayout.HeaderFill, Style = SKPaintStyle.Fill };
        public SKPaint StripeFill { get; } = new() { Color = PdfLayout.StripeFill, Style = SKPaintStyle.Fill };

        public void Dispose()
        {
            Ink.Dispose();
            Grid.Dispose();
            HeaderFill.Dispose();
            StripeFill.Dispose();
        }
    }

    public void Dispose()
    {
        paints.Dispose();
        foreach (var font in new[] { body, bodyBold, small, heading, title, subtitle, runningHead })
            font.Dispose();
        foreach (var item in owned)
            item.Dispose();
    }
}
