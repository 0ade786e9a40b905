using CentresConnectes.Platform.Api;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Statistics.Application;
using CentresConnectes.Statistics.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CentresConnectes.Statistics.Api;

/// <summary>A drill-down: the form's query, the figure's key (FigureKeys) and, for a breakdown, the line's key.</summary>
public sealed record DrillDownRequest(StatisticsQuery? Query, string? Figure, string? Line);

/// <summary>Every figure as JSON for a period and criteria, and the PDF: the same services as the page.</summary>
internal static class StatisticsApi
{
    /// <summary>« 3-5 » → 3 à 5 ans.</summary>
    private static AgeBracketInput ParseBracket(string text)
    {
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length == 2 && int.TryParse(parts[0], out var min) && int.TryParse(parts[1], out var max))
            return new AgeBracketInput { MinAge = min, MaxAge = max };
        throw new BusinessException($"« {text} » n'est pas une tranche d'âge (par exemple 3-5).");
    }

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var statistics = endpoints.MapApiGroup("statistics", "Statistiques").RequirePermission(StatisticsPermissions.Read);

        statistics.MapPost("/", (StatisticsQuery query, StatisticsService s, CancellationToken ct) => s.ComputeAsync(query, ct));

        // The persons behind one figure (or one line of a breakdown), same period and criteria.
        statistics.MapPost("/drilldown", (DrillDownRequest request, StatisticsService s, CancellationToken ct) =>
            s.DrillDownAsync(request.Query ?? new StatisticsQuery(), request.Figure, request.Line, ct));

        statistics.MapPost("/pdf", async (StatisticsQuery query, StatisticsPdf pdf, CancellationToken ct) =>
        {
            var (bytes, name) = await pdf.RenderAsync(query, ct);
            return Results.File(bytes, PdfFiles.ContentType, name);
        });

        // The page's « PDF » link: the form's fields in the query string.
        statistics.MapGet("/pdf", async (DateOnly? from, DateOnly? to, DateOnly? ageDate, Guid[]? sexes, Guid[]? villes, Guid[]? minimaSociaux,
            Guid[]? quotientsFamiliaux, Guid[]? statuts, string[]? brackets, StatisticsPdf pdf, CancellationToken ct) =>
        {
            var (bytes, name) = await pdf.RenderAsync(new StatisticsQuery
            {
                From = from, To = to, AgeDate = ageDate, Sexes = [.. sexes ?? []], Villes = [.. villes ?? []], MinimaSociaux = [.. minimaSociaux ?? []],
                QuotientsFamiliaux = [.. quotientsFamiliaux ?? []], Statuts = [.. statuts ?? []],
                AgeBrackets = [.. (brackets ?? []).Select(ParseBracket)],
            }, ct);
            return Results.File(bytes, PdfFiles.ContentType, name);
        });
    }
}
