using System.Globalization;
using CentresConnectes.Platform.Api;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Statistics.Application;
using CentresConnectes.Statistics.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;

namespace CentresConnectes.Statistics.Api;

/// <summary>A drill-down: the form's query, the figure's key (FigureKeys) and, for a breakdown, the line's key.</summary>
public sealed record DrillDownRequest(StatisticsQuery? Query, string? Figure, string? Line);

/// <summary>
/// The form in a query string, for the download links (PDF, XLSX) the pages give: from, to, ageDate,
/// sexes, villes, minimaSociaux, quotientsFamiliaux, statuts (ids, repeated), brackets (« 3-5 », repeated).
/// </summary>
public sealed class StatisticsLink
{
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public DateOnly? AgeDate { get; set; }
    public Guid[]? Sexes { get; set; }
    public Guid[]? Villes { get; set; }
    public Guid[]? MinimaSociaux { get; set; }
    public Guid[]? QuotientsFamiliaux { get; set; }
    public Guid[]? Statuts { get; set; }
    public string[]? Brackets { get; set; }
    /// <summary>Drill-down only: the figure and the breakdown's line.</summary>
    public string? Figure { get; set; }
    public string? Line { get; set; }

    public StatisticsQuery ToQuery() => new()
    {
        From = From, To = To, AgeDate = AgeDate, Sexes = [.. Sexes ?? []], Villes = [.. Villes ?? []], MinimaSociaux = [.. MinimaSociaux ?? []],
        QuotientsFamiliaux = [.. QuotientsFamiliaux ?? []], Statuts = [.. Statuts ?? []], AgeBrackets = [.. (Brackets ?? []).Select(ParseBracket)],
    };

    /// <summary>« 3-5 » → 3 à 5 ans.</summary>
    private static AgeBracketInput ParseBracket(string text)
    {
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length == 2 && int.TryParse(parts[0], out var min) && int.TryParse(parts[1], out var max))
            return new AgeBracketInput { MinAge = min, MaxAge = max };
        throw new BusinessException($"« {text} » n'est pas une tranche d'âge (par exemple 3-5).");
    }

    /// <summary>The address of <paramref name="path"/> (« /api/statistics/pdf »…) for this form.</summary>
    public static string Url(string path, StatisticsQuery q, string? figure = null, string? line = null)
    {
        static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var parameters = new List<KeyValuePair<string, string?>>();
        if (q.From is { } from)
            parameters.Add(new("from", Iso(from)));
        if (q.To is { } to)
            parameters.Add(new("to", Iso(to)));
        if (q.AgeDate is { } ageDate)
            parameters.Add(new("ageDate", Iso(ageDate)));
        foreach (var (name, values) in new[] { ("sexes", q.Sexes), ("villes", q.Villes), ("minimaSociaux", q.MinimaSociaux), ("quotientsFamiliaux", q.QuotientsFamiliaux), ("statuts", q.Statuts) })
            parameters.AddRange(values.Select(v => new KeyValuePair<string, string?>(name, v.ToString())));
        parameters.AddRange(q.AgeBrackets.Select(b => new KeyValuePair<string, string?>("brackets", $"{b.MinAge}-{b.MaxAge}")));
        if (figure is not null)
            parameters.Add(new("figure", figure));
        if (line is not null)
            parameters.Add(new("line", line));
        return QueryHelpers.AddQueryString(path, parameters);
    }
}

/// <summary>Every figure as JSON for a period and criteria, the drill-downs, the PDF and the XLSX: the same services as the pages.</summary>
internal static class StatisticsApi
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var statistics = endpoints.MapApiGroup("statistics", "Statistiques").RequirePermission(StatisticsPermissions.Read);

        statistics.MapPost("/", (StatisticsQuery query, StatisticsService s, CancellationToken ct) => s.ComputeAsync(query, ct));

        // The persons behind one figure (or one line of a breakdown), same period and criteria.
        statistics.MapPost("/drilldown", (DrillDownRequest request, StatisticsService s, CancellationToken ct) =>
            s.DrillDownAsync(request.Query ?? new StatisticsQuery(), request.Figure, request.Line, ct));

        statistics.MapPost("/pdf", async (StatisticsQuery query, StatisticsPdf pdf, CancellationToken ct) => Pdf(await pdf.RenderAsync(query, ct)));

        // The page's « PDF » link: the form's fields in the query string.
        statistics.MapGet("/pdf", async ([AsParameters] StatisticsLink link, StatisticsPdf pdf, CancellationToken ct) => Pdf(await pdf.RenderAsync(link.ToQuery(), ct)));

        statistics.MapPost("/xlsx", async (StatisticsQuery query, StatisticsXlsx xlsx, CancellationToken ct) => Xlsx(await xlsx.RenderAsync(query, ct)));

        statistics.MapGet("/xlsx", async ([AsParameters] StatisticsLink link, StatisticsXlsx xlsx, CancellationToken ct) => Xlsx(await xlsx.RenderAsync(link.ToQuery(), ct)));

        statistics.MapPost("/drilldown/xlsx", async (DrillDownRequest request, StatisticsXlsx xlsx, CancellationToken ct) =>
            Xlsx(await xlsx.DrillDownAsync(request.Query ?? new StatisticsQuery(), request.Figure, request.Line, ct)));

        // The list page's « Excel » link.
        statistics.MapGet("/drilldown/xlsx", async ([AsParameters] StatisticsLink link, StatisticsXlsx xlsx, CancellationToken ct) =>
            Xlsx(await xlsx.DrillDownAsync(link.ToQuery(), link.Figure, link.Line, ct)));
    }

    private static IResult Pdf((byte[] Bytes, string Name) file) => Results.File(file.Bytes, PdfFiles.ContentType, file.Name);

    private static IResult Xlsx((byte[] Bytes, string Name) file) => Results.File(file.Bytes, SpreadsheetWriter.XlsxContentType, file.Name);
}
