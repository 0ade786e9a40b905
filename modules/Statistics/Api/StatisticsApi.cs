using CentresConnectes.Platform.Api;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Statistics.Application;
using CentresConnectes.Statistics.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CentresConnectes.Statistics.Api;

/// <summary>Every figure as JSON for a period and criteria, and the PDF: the same services as the page.</summary>
internal static class StatisticsApi
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var statistics = endpoints.MapApiGroup("statistics", "Statistiques").RequirePermission(StatisticsPermissions.Read);

        statistics.MapPost("/", (StatisticsQuery query, StatisticsService s, CancellationToken ct) => s.ComputeAsync(query, ct));

        statistics.MapPost("/pdf", async (StatisticsQuery query, StatisticsPdf pdf, CancellationToken ct) =>
        {
            var (bytes, name) = await pdf.RenderAsync(query, ct);
            return Results.File(bytes, PdfFiles.ContentType, name);
        });

        // The page's « PDF » link: the form's fields in the query string.
        statistics.MapGet("/pdf", async (DateOnly? from, DateOnly? to, DateOnly? ageDate, Guid[]? sexes, Guid[]? villes, Guid[]? minimaSociaux,
            Guid[]? quotientsFamiliaux, Guid[]? statuts, StatisticsPdf pdf, CancellationToken ct) =>
        {
            var (bytes, name) = await pdf.RenderAsync(new StatisticsQuery
            {
                From = from, To = to, AgeDate = ageDate, Sexes = [.. sexes ?? []], Villes = [.. villes ?? []], MinimaSociaux = [.. minimaSociaux ?? []],
                QuotientsFamiliaux = [.. quotientsFamiliaux ?? []], Statuts = [.. statuts ?? []],
            }, ct);
            return Results.File(bytes, PdfFiles.ContentType, name);
        });
    }
}
