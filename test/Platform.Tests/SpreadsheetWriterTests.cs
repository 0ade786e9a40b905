using System.Text;
using CentresConnectes.Platform.Contracts;
using MiniExcelLibs;

namespace CentresConnectes.Platform.Tests;

/// <summary>The shared spreadsheet writer: every export of every module goes through its formula neutralisation.</summary>
public sealed class SpreadsheetWriterTests
{
    private static readonly string CorpusFile = Path.Combine(AppContext.BaseDirectory, "Corpus", "formula-injection.txt");

    private static List<string> Corpus() =>
        File.ReadAllLines(CorpusFile).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Replace("\\t", "\t").Replace("\\r", "\r").Replace("\\n", "\n")).ToList();

    public static TheoryData<string> Payloads() => [.. Corpus()];

    [Fact]
    public void The_corpus_is_read() => Corpus().Count.ShouldBeGreaterThan(25);

    [Theory, MemberData(nameof(Payloads))]
    public void Every_payload_of_the_corpus_is_neutralised(string payload) =>
        SpreadsheetWriter.Neutralise(payload).ShouldBe("'" + payload);

    [Theory]
    [InlineData("DUPONT")]
    [InlineData("06 12 34 56 78")]
    [InlineData("Jean-Pierre")]
    [InlineData("a@b.fr")]
    [InlineData("  DUPONT")]
    [InlineData("")]
    [InlineData(null)]
    public void Ordinary_values_are_left_as_they_are(string? value) => SpreadsheetWriter.Neutralise(value).ShouldBe(value);

    [Fact]
    public async Task Csv_and_xlsx_cells_of_the_corpus_come_out_neutralised()
    {
        var payloads = Corpus();
        using var csv = new MemoryStream();
        await SpreadsheetWriter.WriteCsvAsync(csv, ["Valeur"], payloads.Select(p => new string?[] { p }), CancellationToken.None);
        var text = Encoding.UTF8.GetString(csv.ToArray());
        foreach (var payload in payloads)
            text.ShouldContain("'" + payload.Replace("\"", "\"\""), customMessage: payload);

        using var xlsx = new MemoryStream();
        await SpreadsheetWriter.WriteXlsxAsync(xlsx, "Feuille", ["Valeur"], payloads.Select(p => new string?[] { p }), CancellationToken.None);
        xlsx.Position = 0;
        var cells = xlsx.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Select(r => r["Valeur"] as string).ToList();
        cells.Count.ShouldBe(payloads.Count);
        cells.ShouldAllBe(c => c != null && c.StartsWith('\''));
    }
}
