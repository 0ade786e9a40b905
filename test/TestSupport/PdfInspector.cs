using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CentresConnectes.TestSupport;

/// <summary>
/// Reads the PDFs the app produces with poppler's tools (installed by etc/scripts/test.sh): the text
/// of each page, the page count and size, and PNG renderings to look at.
/// </summary>
public static partial class PdfInspector
{
    /// <summary>
    /// The text of every page, in order, pages split on form feeds. With <paramref name="layout"/> the
    /// text is placed as on the page (table rows on one line); without, it comes in drawing order with
    /// whitespace collapsed to single spaces (a header wrapped over two lines reads « Heure d'arrivée »).
    /// </summary>
    public static async Task<IReadOnlyList<string>> PagesAsync(byte[] pdf, bool layout = true)
    {
        var text = await RunAsync("pdftotext", pdf, (layout ? "-layout " : "") + "-enc UTF-8 {in} -");
        if (!layout)
            text = string.Join('\f', text.Split('\f').Select(p => Whitespace().Replace(p, " ").Trim()));
        var pages = text.Split('\f').ToList();
        if (pages.Count > 0 && string.IsNullOrWhiteSpace(pages[^1]))
            pages.RemoveAt(pages.Count - 1);
        return pages;
    }

    public static async Task<PdfInfo> InfoAsync(byte[] pdf)
    {
        var info = await RunAsync("pdfinfo", pdf, "{in}");
        var pages = int.Parse(PagesLine().Match(info).Groups[1].Value);
        var size = SizeLine().Match(info);
        return new PdfInfo(pages, double.Parse(size.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
            double.Parse(size.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), info);
    }

    /// <summary>Renders every page to PNG at <paramref name="dpi"/> into <paramref name="directory"/>; returns the files.</summary>
    public static async Task<IReadOnlyList<string>> RenderPngAsync(byte[] pdf, string directory, string prefix, int dpi = 60)
    {
        Directory.CreateDirectory(directory);
        var target = Path.Combine(directory, prefix);
        await RunAsync("pdftoppm", pdf, $"-png -r {dpi} {{in}} {target}");
        return [.. Directory.GetFiles(directory, prefix + "*.png").Order()];
    }

    private static async Task<string> RunAsync(string tool, byte[] pdf, string arguments)
    {
        var file = Path.Combine(Path.GetTempPath(), $"cc-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var start = new ProcessStartInfo(tool, arguments.Replace("{in}", file))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                throw new InvalidOperationException($"{tool} is missing (poppler-utils). Run the tests with etc/scripts/test.sh, which installs it.");
            }
            using (process)
            {
                var output = process.StandardOutput.ReadToEndAsync();
                var error = process.StandardError.ReadToEndAsync();
                await process.WaitForExitAsync();
                if (process.ExitCode != 0)
                    throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {await error}");
                return await output;
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [GeneratedRegex(@"[ \t\r\n\u00A0\u202F]+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^Pages:\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex PagesLine();

    [GeneratedRegex(@"^Page size:\s+([\d.]+) x ([\d.]+) pts", RegexOptions.Multiline)]
    private static partial Regex SizeLine();
}

/// <summary>Page count and the first page's size in points (A4 portrait ≈ 595 × 842).</summary>
public sealed record PdfInfo(int Pages, double Width, double Height, string Raw)
{
    public bool IsLandscape => Width > Height;
}
