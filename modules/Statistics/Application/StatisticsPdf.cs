using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;

namespace CentresConnectes.Statistics.Application;

/// <summary>
/// The statistics as a PDF (Platform's documents builder): period, previous period, age date and
/// criteria under the title; every figure beside the previous period's with its definition; each
/// breakdown as a table and a bar chart (greys, readable printed in black and white); presences per
/// month, the register, the messages, and every definition.
/// </summary>
public sealed class StatisticsPdf(StatisticsService statistics, IPdfDocuments documents)
{
    public async Task<(byte[] Bytes, string FileName)> RenderAsync(StatisticsQuery query, CancellationToken ct = default)
    {
        var report = await statistics.ComputeAsync(query, ct);
        var blocks = new List<PdfBlock>
        {
            new PdfHeading("Fréquentation"),
            FigureTable(report.Figures),
        };
        foreach (var section in report.Breakdowns)
        {
            blocks.Add(new PdfHeading(section.Title));
            blocks.Add(new PdfParagraph(section.Definition, Small: true));
            blocks.Add(new PdfTable(
                [new("Valeur", 3), new("Personnes", 1, PdfAlign.Right), new("Présences", 1, PdfAlign.Right), new("Personnes (préc.)", 1.2f, PdfAlign.Right), new("Présences (préc.)", 1.2f, PdfAlign.Right)],
                section.Lines.Select(l => (IReadOnlyList<string?>)[l.Label, Number(l.Persons), Number(l.Presences), Number(l.PreviousPersons), Number(l.PreviousPresences)])));
            blocks.Add(new PdfBarChart($"Présences — {section.Title.ToLowerInvariant()}", [.. section.Lines.Select(l => new PdfBar(l.Label, l.Presences))]));
        }
        blocks.Add(new PdfHeading(FigureDefinitions.Label(FigureKeys.ByMonth)));
        blocks.Add(new PdfTable([new("Mois", 3), new("Présences", 1, PdfAlign.Right)],
            report.ByMonth.Select(m => (IReadOnlyList<string?>)[m.Label, Number(m.Presences)])));
        blocks.Add(new PdfBarChart(FigureDefinitions.Label(FigureKeys.ByMonth), [.. report.ByMonth.Select(m => new PdfBar(m.Label, m.Presences))]));

        blocks.Add(new PdfHeading("Registre des adhérents"));
        blocks.Add(new PdfParagraph("Au dernier jour de la période (et de la période précédente), mêmes critères.", Small: true));
        blocks.Add(FigureTable(report.Register));
        foreach (var section in report.RegisterBreakdowns)
        {
            blocks.Add(new PdfHeading(section.Title));
            blocks.Add(new PdfParagraph(section.Definition, Small: true));
            blocks.Add(new PdfTable([new("Valeur", 3), new("Adhérents", 1, PdfAlign.Right), new("Adhérents (préc.)", 1.2f, PdfAlign.Right)],
                section.Lines.Select(l => (IReadOnlyList<string?>)[l.Label, Number(l.Value), Number(l.Previous)])));
        }
        if (report.Sms.Count > 0)
        {
            blocks.Add(new PdfHeading("Messages (Alertes SMS)"));
            blocks.Add(FigureTable(report.Sms));
        }

        blocks.Add(new PdfHeading("Définitions"));
        foreach (var (_, label, definition) in FigureDefinitions.Every())
            blocks.Add(new PdfParagraph($"{label} : {definition}", Small: true));

        var spec = new PdfDocumentSpec("Statistiques", blocks)
        {
            Subtitles =
            [
                $"Période du {ParisTime.FormatDate(report.From)} au {ParisTime.FormatDate(report.To)} (période précédente : du {ParisTime.FormatDate(report.PreviousFrom)} au {ParisTime.FormatDate(report.PreviousTo)})",
                $"Âges calculés au {ParisTime.FormatDate(report.AgeDate)}",
                .. report.Criteria.Select(c => "Critères : " + c),
            ],
        };
        return (await documents.RenderAsync(spec, ct), $"{FileStem(report)}.pdf");
    }

    private static PdfTable FigureTable(IEnumerable<Figure> figures) => new(
        [new("Indicateur", 4), new("Période", 1.1f, PdfAlign.Right), new("Période précédente", 1.3f, PdfAlign.Right), new("Écart", 1, PdfAlign.Right)],
        figures.Select(f => (IReadOnlyList<string?>)[f.Label, Number(f.Value), Number(f.Previous), Signed(f.Difference)]));

    public static string FileStem(StatisticsReport report) => $"statistiques-{report.From:yyyy-MM-dd}-{report.To:yyyy-MM-dd}";

    public static string Number(decimal value) => value.ToString("#,0.##", ParisTime.French);

    public static string Signed(decimal value) => value > 0 ? "+" + Number(value) : Number(value);
}
