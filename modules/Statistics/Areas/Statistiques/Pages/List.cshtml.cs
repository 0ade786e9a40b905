using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using CentresConnectes.Statistics.Api;
using CentresConnectes.Statistics.Application;
using CentresConnectes.Statistics.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.Statistics.Areas.Statistiques.Pages;

/// <summary>The persons a figure counts (drill-down), with the same form fields as the statistics page.</summary>
[RequirePermission(StatisticsPermissions.Read)]
public sealed class ListModel(StatisticsService statistics) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? Du { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Au { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? DateAge { get; set; }
    [BindProperty(SupportsGet = true)] public List<Guid> Sexe { get; set; } = [];
    [BindProperty(SupportsGet = true)] public List<Guid> Ville { get; set; } = [];
    [BindProperty(SupportsGet = true)] public List<Guid> Minima { get; set; } = [];
    [BindProperty(SupportsGet = true)] public List<Guid> Qf { get; set; } = [];
    [BindProperty(SupportsGet = true)] public List<Guid> Statut { get; set; } = [];
    [BindProperty(SupportsGet = true)] public List<int?> Mini { get; set; } = [];
    [BindProperty(SupportsGet = true)] public List<int?> Maxi { get; set; } = [];
    [BindProperty(SupportsGet = true)] public string? Chiffre { get; set; }
    [BindProperty(SupportsGet = true)] public string? Ligne { get; set; }

    public DrillDown? Result { get; private set; }
    public StatisticsQuery? Query { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var brackets = Mini.Zip(Maxi).Where(b => b.First is not null && b.Second is not null)
            .Select(b => new AgeBracketInput { MinAge = b.First!.Value, MaxAge = b.Second!.Value }).ToList();
        var query = Query = new StatisticsQuery
        {
            From = Du, To = Au, AgeDate = DateAge, Sexes = Sexe, Villes = Ville, MinimaSociaux = Minima, QuotientsFamiliaux = Qf, Statuts = Statut, AgeBrackets = brackets,
        };
        if (!await TryAsync(async () => Result = await statistics.DrillDownAsync(query, Chiffre, Ligne, ct)))
            Error = ErrorText;
    }

    /// <summary>The list as an Excel file (the API's parameter names).</summary>
    public string XlsxUrl() => StatisticsLink.Url("/api/statistics/drilldown/xlsx", Query!, Chiffre, Ligne);

    /// <summary>Back to the figures with the same form.</summary>
    public string BackUrl => "/statistiques" + Microsoft.AspNetCore.Http.QueryString.Create(
        Request.Query.Where(q => q.Key is not ("Chiffre" or "Ligne")).SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))).ToUriComponent();
}
