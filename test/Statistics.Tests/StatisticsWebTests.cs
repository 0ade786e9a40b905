using System.Net;
using System.Net.Http.Json;
using CentresConnectes.Statistics.Application;
using CentresConnectes.TestSupport;

namespace CentresConnectes.Statistics.Tests;

/// <summary>The page, the API and the PDF show the same figures; another structure sees none of them.</summary>
public abstract class StatisticsWebTests(StatisticsApp app)
{
    private const string March = "from=2025-03-01&to=2025-03-31&brackets=0-2&brackets=3-5&brackets=6-11&brackets=18-120";

    [Fact]
    public async Task The_page_shows_every_figure_with_its_definition_and_the_previous_period()
    {
        var data = await app.DatasetAsync();
        using var admin = await app.SignInAsync(data.Structure.AdminEmail);
        var html = await admin.GetTextAsync("/statistiques?Du=2025-03-01&Au=2025-03-31&Mini=0&Maxi=2&Mini=3&Maxi=5&Mini=6&Maxi=11&Mini=18&Maxi=120");
        html.ShouldContain("Du 01/03/2025 au 31/03/2025");
        html.ShouldContain("Période précédente (même durée) : du 01/02/2025 au 28/02/2025");
        html.ShouldContain("Critères : Aucun critère : toutes les personnes");
        html.ShouldContain(FigureDefinitions.Definition(FigureKeys.OpenHours));
        html.ShouldContain("11,5");
        html.ShouldContain("Faches-Thumesnil (désactivé)");
        html.ShouldContain("Hors tranches");
        html.ShouldContain("Ce projet est cofinancé par l'Union Européenne avec le FEDER");

        var bad = await admin.GetTextAsync("/statistiques?Du=2025-03-31&Au=2025-03-01");
        bad.ShouldContain("La date de fin est avant la date de début.");
    }

    [Fact]
    public async Task The_api_returns_every_figure_as_json()
    {
        var data = await app.DatasetAsync();
        using var admin = await app.SignInAsync(data.Structure.AdminEmail);
        var response = await admin.PostJsonAsync("/api/statistics", new { from = "2025-03-01", to = "2025-03-31" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var report = (await response.Content.ReadFromJsonAsync<StatisticsReport>())!;
        report.Figures.Single(f => f.Key == FigureKeys.Present).Value.ShouldBe(7);
        report.Figures.Single(f => f.Key == FigureKeys.OpenHours).Value.ShouldBe(11.5m);
        report.Figures.Single(f => f.Key == FigureKeys.Presences).Previous.ShouldBe(2);

        var bad = await admin.PostJsonAsync("/api/statistics", new { from = "2025-03-31", to = "2025-03-01" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("La date de fin est avant la date de début.");
    }

    [Fact]
    public async Task The_pdf_states_period_and_criteria_and_carries_every_table_and_the_feder_notice()
    {
        var data = await app.DatasetAsync();
        using var admin = await app.SignInAsync(data.Structure.AdminEmail);
        var lille = data.Item(ReferenceData.Contracts.ReferenceListKind.Ville, "lille");
        var response = await admin.GetAsync($"/api/statistics/pdf?{March}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("statistiques-2025-03-01-2025-03-31.pdf");
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var pages = await PdfInspector.PagesAsync(pdf, layout: false);
        var text = string.Join(" ", pages);
        pages.ShouldAllBe(p => p.Contains("Ce projet est cofinancé par l'Union Européenne avec le FEDER"));
        text.ShouldContain(data.Structure.Name);
        text.ShouldContain("Période du 01/03/2025 au 31/03/2025 (période précédente : du 01/02/2025 au 28/02/2025)");
        text.ShouldContain("Critères : Aucun critère : toutes les personnes");
        text.ShouldContain("Nombre d'heures d'ouverture 11,5 4 +7,5");
        text.ShouldContain("Lille 3 5 1 1");
        text.ShouldContain("Hors tranches 1 1 0 0");
        text.ShouldContain(FigureDefinitions.Definition(FigureKeys.RsaChildren));
        await PdfInspector.RenderPngAsync(pdf, Path.Combine(Path.GetTempPath(), "cc-statistics-pdf"), $"stats-{app.Provider}");

        var filtered = string.Join(" ", await PdfInspector.PagesAsync(await (await admin.GetAsync($"/api/statistics/pdf?{March}&villes={lille}")).Content.ReadAsByteArrayAsync(), layout: false));
        filtered.ShouldContain("Critères : Villes : Lille");
        filtered.ShouldContain("Nombre d'inscrits total sur la période 3 1 +2");
    }

    [Fact]
    public async Task A_figure_links_to_its_list_on_the_page_and_in_the_api()
    {
        var data = await app.DatasetAsync();
        using var admin = await app.SignInAsync(data.Structure.AdminEmail);
        var lille = data.Item(ReferenceData.Contracts.ReferenceListKind.Ville, "lille");
        var page = await admin.GetPageAsync("/statistiques?Du=2025-03-01&Au=2025-03-31");
        page.ShouldContain($"/statistiques/liste?Du=2025-03-01&amp;Au=2025-03-31&amp;Chiffre=villes&amp;Ligne={lille}");
        var list = await admin.GetTextAsync($"/statistiques/liste?Du=2025-03-01&Au=2025-03-31&Chiffre=villes&Ligne={lille}");
        list.ShouldContain("Par ville de résidence — Lille");
        list.ShouldContain("3 personnes, 5 présences du 01/03/2025 au 31/03/2025");
        list.ShouldContain("Alice");
        list.ShouldContain("Emma");
        list.ShouldNotContain("Zoé");

        var response = await admin.PostJsonAsync("/api/statistics/drilldown", new { query = new { from = "2025-03-01", to = "2025-03-31" }, figure = "enfants-rsa" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var rows = (await response.Content.ReadFromJsonAsync<DrillDown>())!.Rows;
        rows.Select(r => r.FirstName).ShouldBe(["Emma", "Léo"]);

        // Another structure: this structure's list value is no line of its own (400, nothing listed).
        var (_, other) = await app.StructureWithAdminAsync("Autre liste");
        using (other)
        {
            var refused = await other.PostJsonAsync("/api/statistics/drilldown", new { query = new { from = "2025-03-01", to = "2025-03-31" }, figure = "villes", line = lille.ToString() });
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            var empty = (await (await other.PostJsonAsync("/api/statistics/drilldown", new { query = new { from = "2025-03-01", to = "2025-03-31" }, figure = "inscrits" })).Content.ReadFromJsonAsync<DrillDown>())!;
            empty.Rows.ShouldBeEmpty();
            (await other.GetTextAsync($"/statistiques/liste?Du=2025-03-01&Au=2025-03-31&Chiffre=inscrits")).ShouldNotContain("Alice");
        }
    }

    [Fact]
    public async Task Another_structure_counts_nothing_of_this_one_in_page_api_and_pdf()
    {
        var data = await app.DatasetAsync();
        var (_, other) = await app.StructureWithAdminAsync("Autre statistiques");
        using (other)
        {
            var report = (await (await other.PostJsonAsync("/api/statistics", new { from = "2025-03-01", to = "2025-03-31" })).Content.ReadFromJsonAsync<StatisticsReport>())!;
            report.Figures.ShouldAllBe(f => f.Value == 0 && f.Previous == 0);
            report.Breakdowns.SelectMany(b => b.Lines).ShouldAllBe(l => l.Persons == 0 && l.Presences == 0);
            var text = string.Join(" ", await PdfInspector.PagesAsync(await (await other.GetAsync($"/api/statistics/pdf?{March}")).Content.ReadAsByteArrayAsync(), layout: false));
            text.ShouldContain("Nombre d'inscrits total sur la période 0 0 0");
            text.ShouldNotContain(data.Structure.Name);
            // This structure's list values are not criteria elsewhere: refused, nothing counted.
            var lille = data.Item(ReferenceData.Contracts.ReferenceListKind.Ville, "lille");
            (await other.PostJsonAsync("/api/statistics", new { from = "2025-03-01", to = "2025-03-31", villes = new[] { lille } })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await other.GetTextAsync("/statistiques?Du=2025-03-01&Au=2025-03-31")).ShouldNotContain("Faches-Thumesnil (désactivé)");
        }
    }

    [Fact]
    public async Task Statistics_have_no_id_route_for_the_cross_structure_probe_yet()
    {
        // When drill-down routes with ids arrive, they must be given sample ids here.
        var data = await app.DatasetAsync();
        using var a = await app.SignInAsync(data.Structure.AdminEmail);
        var (_, b) = await app.StructureWithAdminAsync("Sonde statistiques");
        using (b)
        {
            var probe = new CrossStructureProbe(app.Services, "Statistics");
            probe.Routes.ShouldBeEmpty();
            (await probe.CheckAsync(a, b)).ShouldBeEmpty();
        }
    }
}

[Collection(PostgresCollection.Postgres)]
public sealed class PostgresStatisticsWebTests(PostgresStatisticsApp app) : StatisticsWebTests(app);

[Collection(SqliteCollection.Sqlite)]
public sealed class SqliteStatisticsWebTests(SqliteStatisticsApp app) : StatisticsWebTests(app);
