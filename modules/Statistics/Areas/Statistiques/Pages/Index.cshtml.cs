using System.Globalization;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using CentresConnectes.ReferenceData.Contracts;
using CentresConnectes.Statistics.Api;
using CentresConnectes.Statistics.Application;
using CentresConnectes.Statistics.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace CentresConnectes.Statistics.Areas.Statistiques.Pages;

/// <summary>
/// « Statistiques »: the form (period, criteria, age brackets and their date) read from the query
/// string, so a result can be bookmarked, printed and exported with the same address.
/// </summary>
[RequirePermission(StatisticsPermissions.Read)]
public sealed class IndexModel(StatisticsService statistics, IReferenceDataQuery references, TimeProvider clock) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? Du { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Au { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? DateAge { get; set; }
    [BindProperty(SupportsGet = true)] public List<Guid> Sexe { get; set; } = [];
    [BindProperty(SupportsGet = true)] public List<Guid> Ville { get; set; } = [];
    [BindProperty(SupportsGet = true)] public List<Guid> Minima { get; set; } = [];
    [BindProperty(SupportsGet = true)] public List<Guid> Qf { get; set; } = [];
    [BindProperty(SupportsGet = true)] public List<Guid> Statut { get; set; } = [];
    /// <summary>Bracket rows « 0-2 »; an emptied row is dropped.</summary>
    [BindProperty(SupportsGet = true)] public List<int?> Mini { get; set; } = [];
    [BindProperty(SupportsGet = true)] public List<int?> Maxi { get; set; } = [];

    public IReadOnlyList<ReferenceItemDto> Items { get; private set; } = [];
    public List<(int? Min, int? Max)> BracketRows { get; } = [];
    public StatisticsReport? Report { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Items = await references.ListAllAsync(includeInactive: false, ct);
        var submitted = Du is not null || Au is not null;
        if (!submitted)
        {
            // First visit: the current calendar year so far, the structure's brackets.
            var today = ParisTime.Today(clock);
            Du = new DateOnly(today.Year, 1, 1);
            Au = today;
        }
        for (var i = 0; i < Math.Max(Mini.Count, Maxi.Count); i++)
        {
            var (min, max) = (Mini.ElementAtOrDefault(i), Maxi.ElementAtOrDefault(i));
            if (min is not null || max is not null)
                BracketRows.Add((min, max));
        }
        if (BracketRows.Count == 0)
            BracketRows.AddRange((await references.AgeBracketsAsync(false, ct)).Select(b => ((int?)b.MinAge, (int?)b.MaxAge)));

        if (BracketRows.Any(r => r.Min is null || r.Max is null))
        {
            Error = "Chaque tranche d'âge a un âge mini et un âge maxi (videz les deux cases pour retirer une tranche).";
            return;
        }
        if (!await TryAsync(async () => Report = await statistics.ComputeAsync(Query(), ct)))
            Error = ErrorText;
    }

    public StatisticsQuery Query() => new()
    {
        From = Du, To = Au, AgeDate = DateAge, Sexes = Sexe, Villes = Ville, MinimaSociaux = Minima, QuotientsFamiliaux = Qf, Statuts = Statut,
        AgeBrackets = [.. BracketRows.Select(r => new AgeBracketInput { MinAge = r.Min!.Value, MaxAge = r.Max!.Value })],
    };

    /// <summary>The PDF and Excel links: the same form, in the API's parameter names.</summary>
    public string PdfUrl() => StatisticsLink.Url("/api/statistics/pdf", Query());

    public string XlsxUrl() => StatisticsLink.Url("/api/statistics/xlsx", Query());

    /// <summary>The drill-down of a figure (or of a breakdown's line), with this form.</summary>
    public string ListUrl(string figure, string? line = null)
    {
        var parameters = new List<KeyValuePair<string, string?>>
        {
            new("Du", Du?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("Au", Au?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("Chiffre", figure),
        };
        if (line is not null)
            parameters.Add(new("Ligne", line));
        if (DateAge is { } ageDate)
            parameters.Add(new("DateAge", ageDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        foreach (var (name, values) in new[] { ("Sexe", Sexe), ("Ville", Ville), ("Minima", Minima), ("Qf", Qf), ("Statut", Statut) })
            parameters.AddRange(values.Select(v => new KeyValuePair<string, string?>(name, v.ToString())));
        foreach (var (min, max) in BracketRows)
        {
            parameters.Add(new("Mini", min?.ToString(CultureInfo.InvariantCulture)));
            parameters.Add(new("Maxi", max?.ToString(CultureInfo.InvariantCulture)));
        }
        return QueryHelpers.AddQueryString("/statistiques/liste", parameters);
    }

    /// <summary>A chart's data for statistics.js (a data- attribute: no inline script under the CSP).</summary>
    public string ChartJson(IEnumerable<(string Label, int Value)> bars)
    {
        var list = bars.ToList();
        return System.Text.Json.JsonSerializer.Serialize(new { labels = list.Select(b => b.Label), values = list.Select(b => b.Value) });
    }

    public bool IsChecked(ReferenceListKind kind, Guid id) => kind switch
    {
        ReferenceListKind.Sexe => Sexe.Contains(id),
        ReferenceListKind.Ville => Ville.Contains(id),
        ReferenceListKind.MinimaSociaux => Minima.Contains(id),
        ReferenceListKind.QuotientFamilial => Qf.Contains(id),
        _ => Statut.Contains(id),
    };
}

/// <summary>A table of figures beside the previous period's (fréquentation, registre, messages).</summary>
public sealed record FiguresTable(string Caption, IReadOnlyList<Figure> Figures, IndexModel Page);
