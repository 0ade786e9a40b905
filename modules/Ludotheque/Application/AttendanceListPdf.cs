using CentresConnectes.Platform.Contracts;

namespace CentresConnectes.Ludotheque.Application;

/// <summary>A rendered file: its bytes, content type and download name.</summary>
public sealed record AttendanceFile(byte[] Bytes, string ContentType, string FileName);

/// <summary>
/// The « Liste de présence » as a PDF, through Platform's documents builder (structure header,
/// FEDER notice and « n / N » on every page). Landscape as soon as the columns would not fit
/// portrait; the period, the slot choice and the totals are stated under the title.
/// </summary>
public sealed class AttendanceListPdf(AttendanceListService lists, IPdfDocuments documents)
{
    /// <summary>Date and Créneau plus up to this many chosen columns still read well in portrait.</summary>
    public const int PortraitColumns = 4;

    public async Task<AttendanceFile> RenderAsync(AttendanceQuery query, CancellationToken ct = default)
    {
        var list = await lists.BuildAsync(query, ct);
        // Dates and time ranges never wrap: a minimum width in points (DejaVu 8.5 pt), then shares.
        var columns = new List<PdfColumn> { new("Date", 1.1f, MinWidth: 56), new("Créneau", 1.3f, MinWidth: 68) };
        columns.AddRange(list.Columns.Select(Column));
        var spec = new PdfDocumentSpec(list.Title,
        [
            new PdfTable(columns, list.Rows.Select(r => (IReadOnlyList<string?>)[Platform.Infrastructure.ParisTime.FormatDate(r.Date), r.SlotText, .. r.Cells]))
            {
                EmptyText = "Aucune présence sur cette période.",
            },
        ])
        {
            Orientation = list.Columns.Count > PortraitColumns ? PdfOrientation.Landscape : PdfOrientation.Portrait,
            Subtitles =
            [
                $"Créneaux : {list.SlotChoiceText}",
                $"{Count(list.Rows.Count, "présence", "présences")} · {Count(list.PersonCount, "personne", "personnes")} · {Count(list.SlotCount, "créneau", "créneaux")}",
            ],
        };
        var bytes = await documents.RenderAsync(spec, ct);
        return new AttendanceFile(bytes, PdfFiles.ContentType, list.FileStem + ".pdf");
    }

    private static PdfColumn Column(AttendanceColumn column) => column switch
    {
        AttendanceColumn.Nom or AttendanceColumn.Prenom => new(AttendanceColumns.Label(column), 2f),
        AttendanceColumn.Age => new(AttendanceColumns.Label(column), 0.9f, PdfAlign.Right),
        AttendanceColumn.Sexe => new(AttendanceColumns.Label(column), 1f),
        AttendanceColumn.HeureArrivee => new(AttendanceColumns.Label(column), 1.4f, PdfAlign.Center, MinWidth: 48),
        _ => new(AttendanceColumns.Label(column), 1.8f),
    };

    private static string Count(int n, string one, string many) =>
        $"{n.ToString("N0", Platform.Infrastructure.ParisTime.French)} {(n < 2 ? one : many)}";
}
