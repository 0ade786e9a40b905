using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;

namespace CentresConnectes.Statistics.Application;

/// <summary>
/// The statistics as an Excel workbook (Platform's spreadsheet writer): a « Période » sheet (period,
/// previous period, age date, criteria), one sheet per section with numbers as numbers, and a
/// « Définitions » sheet. The drill-down lists as one-sheet files.
/// </summary>
public sealed class StatisticsXlsx(StatisticsService statistics)
{
    /// <summary>Short sheet names (Excel: 31 characters at most).</summary>
    private static readonly Dictionary<string, string> SheetNames = new()
    {
        [FigureKeys.ByVille] = "Villes",
        [FigureKeys.ByStatut] = "Statuts",
        [FigureKeys.ByQuotient] = "Quotient familial",
        [FigureKeys.ByAge] = "Tranches d'âge",
        [FigureKeys.MembersByGroup] = "Adhérents par groupe",
        [FigureKeys.MembersByAge] = "Adhérents par âge",
    };

    private static readonly string[] FigureColumns = ["Indicateur", "Période", "Période précédente", "Écart"];

    public async Task<(byte[] Bytes, string FileName)> RenderAsync(StatisticsQuery query, CancellationToken ct = default)
    {
        var report = await statistics.ComputeAsync(query, ct);
        var sheets = new List<SpreadsheetSheet>
        {
            new("Période", ["Élément", "Valeur"],
            [
                ["Période", $"du {ParisTime.FormatDate(report.From)} au {ParisTime.FormatDate(report.To)}"],
                ["Période précédente", $"du {ParisTime.FormatDate(report.PreviousFrom)} au {ParisTime.FormatDate(report.PreviousTo)}"],
                ["Âges calculés au", ParisTime.FormatDate(report.AgeDate)],
                .. report.Criteria.Select(c => new object?[] { "Critères", c }),
            ]),
            new("Fréquentation", FigureColumns, Figures(report.Figures)),
        };
        foreach (var section in report.Breakdowns)
        {
            sheets.Add(new(SheetNames[section.Key], ["Valeur", "Personnes", "Présences", "Personnes (période précédente)", "Présences (période précédente)"],
                section.Lines.Select(l => new object?[] { l.Label, l.Persons, l.Presences, l.PreviousPersons, l.PreviousPresences })));
        }
        sheets.Add(new("Présences par mois", ["Mois", "Présences"], report.ByMonth.Select(m => new object?[] { m.Label, m.Presences })));
        sheets.Add(new("Registre", FigureColumns, Figures(report.Register)));
        foreach (var section in report.RegisterBreakdowns)
        {
            sheets.Add(new(SheetNames[section.Key], ["Valeur", "Adhérents", "Adhérents (période précédente)"],
                section.Lines.Select(l => new object?[] { l.Label, l.Value, l.Previous })));
        }
        if (report.Sms.Count > 0)
            sheets.Add(new("Messages", FigureColumns, Figures(report.Sms)));
        sheets.Add(new("Définitions", ["Indicateur", "Définition"], FigureDefinitions.Every().Select(d => new object?[] { d.Label, d.Definition })));

        using var buffer = new MemoryStream();
        await SpreadsheetWriter.WriteTypedWorkbookAsync(buffer, sheets, ct);
        return (buffer.ToArray(), $"{StatisticsPdf.FileStem(report)}.xlsx");
    }

    private static IEnumerable<object?[]> Figures(IEnumerable<Figure> figures) =>
        figures.Select(f => new object?[] { f.Label, f.Value, f.Previous, f.Difference });

    /// <summary>The persons behind one figure, with the list's columns (social ones only with the permission).</summary>
    public async Task<(byte[] Bytes, string FileName)> DrillDownAsync(StatisticsQuery query, string? figure, string? line, CancellationToken ct = default)
    {
        var list = await statistics.DrillDownAsync(query, figure, line, ct);
        var (from, to) = StatisticsService.Period(query);
        string[] columns = list.SocialDataVisible
            ? ["Nom", "Prénom", "Ville", "Statut", "Minima sociaux", "Quotient familial", "Présences"]
            : ["Nom", "Prénom", "Ville", "Statut", "Présences"];
        var rows = list.Rows.Select(r => list.SocialDataVisible
            ? new object?[] { r.LastName, r.FirstName, r.Ville, r.Statut, r.MinimaSociaux, r.QuotientFamilial, r.Presences }
            : [r.LastName, r.FirstName, r.Ville, r.Statut, r.Presences]);
        using var buffer = new MemoryStream();
        await SpreadsheetWriter.WriteTypedWorkbookAsync(buffer,
        [
            new("Liste", columns, rows),
            new("Chiffre", ["Élément", "Valeur"],
            [
                ["Chiffre", list.Title],
                ["Définition", list.Definition],
                ["Période", $"du {ParisTime.FormatDate(from)} au {ParisTime.FormatDate(to)}"],
                ["Personnes", list.Persons],
                ["Présences", list.Presences],
            ]),
        ], ct);
        return (buffer.ToArray(), $"statistiques-liste-{figure}-{from:yyyy-MM-dd}-{to:yyyy-MM-dd}.xlsx");
    }
}
