using System.Net;
using CentresConnectes.ReferenceData.Contracts;
using CentresConnectes.Statistics.Application;
using MiniExcelLibs;

namespace CentresConnectes.Statistics.Tests;

/// <summary>The Excel workbook of the statistics and of a drill-down, opened and checked against the hand-counted figures.</summary>
public abstract class StatisticsXlsxTests(StatisticsApp app)
{
    private const string March = "from=2025-03-01&to=2025-03-31&brackets=0-2&brackets=3-5&brackets=6-11&brackets=18-120";

    private static List<IDictionary<string, object?>> Sheet(byte[] file, string name)
    {
        using var stream = new MemoryStream(file);
        return [.. stream.Query(useHeaderRow: true, sheetName: name).Cast<IDictionary<string, object?>>()];
    }

    private static IDictionary<string, object?> Row(List<IDictionary<string, object?>> sheet, string column, string label) =>
        sheet.Single(r => (r[column] as string) == label);

    [Fact]
    public async Task The_workbook_has_a_sheet_per_section_numbers_as_numbers_and_the_definitions()
    {
        var data = await app.DatasetAsync();
        using var admin = await app.SignInAsync(data.Structure.AdminEmail);
        var response = await admin.GetAsync($"/api/statistics/xlsx?{March}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("statistiques-2025-03-01-2025-03-31.xlsx");
        var file = await response.Content.ReadAsByteArrayAsync();

        using (var stream = new MemoryStream(file))
        {
            stream.GetSheetNames().ShouldBe(["Période", "Fréquentation", "Villes", "Statuts", "Quotient familial", "Tranches d'âge", "Présences par mois",
                "Registre", "Adhérents par groupe", "Adhérents par âge", "Messages", "Définitions"]);
        }

        var period = Sheet(file, "Période");
        Row(period, "Élément", "Période")["Valeur"].ShouldBe("du 01/03/2025 au 31/03/2025");
        Row(period, "Élément", "Période précédente")["Valeur"].ShouldBe("du 01/02/2025 au 28/02/2025");
        Row(period, "Élément", "Critères")["Valeur"].ShouldBe("Aucun critère : toutes les personnes");

        var figures = Sheet(file, "Fréquentation");
        figures[0].Keys.ShouldBe(["Indicateur", "Période", "Période précédente", "Écart"]);
        var hours = Row(figures, "Indicateur", "Nombre d'heures d'ouverture");
        hours["Période"].ShouldBeOfType<double>().ShouldBe(11.5);
        hours["Période précédente"].ShouldBe(4d);
        hours["Écart"].ShouldBe(7.5);
        Row(figures, "Indicateur", "Nombre d'inscrits total sur la période")["Période"].ShouldBe(7d);
        Row(figures, "Indicateur", "Nombre total de présences")["Période précédente"].ShouldBe(2d);
        Row(figures, "Indicateur", "Nombre d'enfants dont les parents sont bénéficiaires du RSA")["Période"].ShouldBe(2d);

        var lille = Row(Sheet(file, "Villes"), "Valeur", "Lille");
        (lille["Personnes"], lille["Présences"], lille["Personnes (période précédente)"], lille["Présences (période précédente)"]).ShouldBe((3d, 5d, 1d, 1d));
        var outside = Row(Sheet(file, "Tranches d'âge"), "Valeur", "Hors tranches");
        (outside["Personnes"], outside["Présences"]).ShouldBe((1d, 1d));
        Row(Sheet(file, "Présences par mois"), "Mois", "mars 2025")["Présences"].ShouldBe(10d);

        Row(Sheet(file, "Registre"), "Indicateur", "Adhérents au registre")["Période"].ShouldBe(8d);
        Row(Sheet(file, "Registre"), "Indicateur", "Taux de consentement SMS (%)")["Période précédente"].ShouldBe(16.7);
        Row(Sheet(file, "Adhérents par groupe"), "Valeur", "RSA")["Adhérents"].ShouldBe(1d);
        Row(Sheet(file, "Adhérents par âge"), "Valeur", "6 à 11 ans")["Adhérents"].ShouldBe(2d);
        Row(Sheet(file, "Messages"), "Indicateur", "Messages envoyés")["Période"].ShouldBe(6d);

        var definitions = Sheet(file, "Définitions");
        Row(definitions, "Indicateur", "Nombre d'enfants dont les parents sont bénéficiaires du RSA")["Définition"].ShouldBe(FigureDefinitions.Definition(FigureKeys.RsaChildren));
        Row(definitions, "Indicateur", "Adhérents par groupe")["Définition"].ShouldBe(FigureDefinitions.Definition(FigureKeys.MembersByGroup));

        // The page links to it with the same form.
        (await admin.GetPageAsync("/statistiques?Du=2025-03-01&Au=2025-03-31")).ShouldContain("/api/statistics/xlsx?from=2025-03-01&amp;to=2025-03-31");
    }

    [Fact]
    public async Task A_criterion_in_the_link_restricts_the_workbook()
    {
        var data = await app.DatasetAsync();
        using var admin = await app.SignInAsync(data.Structure.AdminEmail);
        var lille = data.Item(ReferenceListKind.Ville, "lille");
        var file = await (await admin.GetAsync($"/api/statistics/xlsx?{March}&villes={lille}")).Content.ReadAsByteArrayAsync();
        Row(Sheet(file, "Période"), "Élément", "Critères")["Valeur"].ShouldBe("Villes : Lille");
        var present = Row(Sheet(file, "Fréquentation"), "Indicateur", "Nombre d'inscrits total sur la période");
        (present["Période"], present["Période précédente"], present["Écart"]).ShouldBe((3d, 1d, 2d));
    }

    [Fact]
    public async Task A_drill_down_list_downloads_with_the_figure_count_and_social_columns_for_the_permitted()
    {
        var data = await app.DatasetAsync();
        using var admin = await app.SignInAsync(data.Structure.AdminEmail);
        var lille = data.Item(ReferenceListKind.Ville, "lille");
        var page = await admin.GetPageAsync($"/statistiques/liste?Du=2025-03-01&Au=2025-03-31&Chiffre=villes&Ligne={lille}");
        page.ShouldContain($"/api/statistics/drilldown/xlsx?from=2025-03-01&amp;to=2025-03-31&amp;figure=villes&amp;line={lille}");

        var response = await admin.GetAsync($"/api/statistics/drilldown/xlsx?from=2025-03-01&to=2025-03-31&figure=villes&line={lille}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("statistiques-liste-villes-2025-03-01-2025-03-31.xlsx");
        var file = await response.Content.ReadAsByteArrayAsync();
        var rows = Sheet(file, "Liste");
        rows[0].Keys.ShouldBe(["Nom", "Prénom", "Ville", "Statut", "Minima sociaux", "Quotient familial", "Présences"]);
        // Lille in March: 3 persons, 5 presences (Alice 2, Léo 2, Emma 1).
        rows.Select(r => ((string?)r["Prénom"], r["Présences"])).ShouldBe([("Alice", 2d), ("Emma", 1d), ("Léo", 2d)]);
        rows[0]["Quotient familial"].ShouldBe("0 à 480 €");
        var summary = Sheet(file, "Chiffre");
        Row(summary, "Élément", "Personnes")["Valeur"].ShouldBe(3d);
        Row(summary, "Élément", "Présences")["Valeur"].ShouldBe(5d);

        var refused = await admin.GetAsync("/api/statistics/drilldown/xlsx?from=2025-03-01&to=2025-03-31&figure=jours-ouverture");
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Ce chiffre n'a pas de liste de personnes");
    }

    [Fact]
    public async Task Another_structure_downloads_none_of_this_one()
    {
        var data = await app.DatasetAsync();
        var (_, other) = await app.StructureWithAdminAsync("Autre classeur");
        using (other)
        {
            var file = await (await other.GetAsync($"/api/statistics/xlsx?{March}")).Content.ReadAsByteArrayAsync();
            Sheet(file, "Fréquentation").ShouldAllBe(r => (double)r["Période"]! == 0 && (double)r["Période précédente"]! == 0);
            Sheet(file, "Registre").ShouldAllBe(r => (double)r["Période"]! == 0);
            var lines = Sheet(file, "Villes");
            lines.ShouldAllBe(r => (double)r["Personnes"]! == 0 && (double)r["Présences"]! == 0);
            lines.ShouldNotContain(r => (string?)r["Valeur"] == "Faches-Thumesnil (désactivé)");
            var list = Sheet(await (await other.GetAsync("/api/statistics/drilldown/xlsx?from=2025-03-01&to=2025-03-31&figure=inscrits")).Content.ReadAsByteArrayAsync(), "Liste");
            list.ShouldAllBe(r => r["Nom"] == null);
            // This structure's list value is no line elsewhere.
            var lille = data.Item(ReferenceListKind.Ville, "lille");
            (await other.GetAsync($"/api/statistics/drilldown/xlsx?from=2025-03-01&to=2025-03-31&figure=villes&line={lille}")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }
    }
}

[Collection(PostgresCollection.Postgres)]
public sealed class PostgresStatisticsXlsxTests(PostgresStatisticsApp app) : StatisticsXlsxTests(app);

[Collection(SqliteCollection.Sqlite)]
public sealed class SqliteStatisticsXlsxTests(SqliteStatisticsApp app) : StatisticsXlsxTests(app);
