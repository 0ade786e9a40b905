using System.Text;
using CentresConnectes.Platform.Contracts;
using MiniExcelLibs;
using Shouldly;
using Xunit;

namespace CentresConnectes.Members.Tests.Unit;

public sealed class ExportFormatTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+33612345678", "'+33612345678")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "'\rcmd")]
    [InlineData("DUPONT", "DUPONT")]
    [InlineData("06 12 34 56 78", "06 12 34 56 78")]
    public void Cells_that_would_be_formulas_are_neutralised(string value, string expected) =>
        SpreadsheetWriter.Neutralise(value).ShouldBe(expected);

    [Fact]
    public async Task Csv_is_utf8_with_bom_semicolons_and_crlf_for_french_excel()
    {
        using var stream = new MemoryStream();
        await SpreadsheetWriter.WriteCsvAsync(stream, ["Nom", "Notes"], [["LEFÈVRE", "a;b \"c\""], ["=1+1", null]], CancellationToken.None);
        var bytes = stream.ToArray();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).ShouldBe("Nom;Notes\r\nLEFÈVRE;\"a;b \"\"c\"\"\"\r\n'=1+1;\r\n");
    }

    [Fact]
    public async Task Xlsx_cells_are_neutralised_text()
    {
        using var stream = new MemoryStream();
        await SpreadsheetWriter.WriteXlsxAsync(stream, "Adhérents", ["Nom", "Portable"], [["=CMD()", "06 12 34 56 78"]], CancellationToken.None);
        stream.Position = 0;
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        rows.Count.ShouldBe(1);
        rows[0]["Nom"].ShouldBe("'=CMD()");
        rows[0]["Portable"].ShouldBe("06 12 34 56 78");
    }
}
