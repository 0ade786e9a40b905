using CentresConnectes.Platform.Contracts;
using System.Net;
using System.Text;
using CentresConnectes.Members.Application;
using CentresConnectes.Members.Domain;
using CentresConnectes.Platform.Infrastructure;
using CentresConnectes.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace CentresConnectes.Members.Tests.Integration;

/// <summary>Excel exports carry real dates and numbers (sorting by birth date or age works); the CSV stays text; the landline is exported.</summary>
public abstract class ExportValueTests(MembersFactory factory)
{
    [Fact]
    public async Task The_xlsx_export_has_real_dates_and_ages_and_the_csv_keeps_french_text()
    {
        var (structure, client) = await factory.StructureWithAdminAsync("Export typé");
        await factory.InScopeAsync(structure.Id, sp => sp.GetRequiredService<PersonService>().CreateAsync(new PersonInput
        {
            LastName = "TYPÉ", FirstName = "Rose", DateOfBirth = new DateOnly(1985, 3, 14), RegisteredOn = new DateOnly(2024, 9, 2),
            Mobile = "06 12 34 56 78", Landline = "04 91 12 34 56",
        }));
        var age = Ages.Years(new DateOnly(1985, 3, 14), ParisTime.Today(TimeProvider.System));

        var xlsx = await client.GetAsync("/adherents/export?format=xlsx");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        var row = MiniExcelLibs.MiniExcel.Query(await xlsx.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object?>>().ShouldHaveSingleItem();
        row["Date de naissance"].ShouldBe(new DateTime(1985, 3, 14));
        row["Date d'inscription"].ShouldBe(new DateTime(2024, 9, 2));
        Convert.ToInt32(row["Âge"]).ShouldBe(age);
        row["Âge"].ShouldNotBeOfType<string>();
        row["Portable"].ShouldBe("06 12 34 56 78", "a phone stays text, with its leading zero");
        row["Téléphone fixe"].ShouldBe("04 91 12 34 56");

        var csv = await client.GetAsync("/adherents/export?format=csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        var line = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n")[1];
        line.ShouldStartWith($"TYPÉ;Rose;;14/03/1985;{age} ans;");
        line.ShouldContain(";06 12 34 56 78;04 91 12 34 56;");
        line.ShouldContain(";02/09/2024;");
    }

    [Fact]
    public async Task The_register_and_rgpd_exports_carry_every_field_the_catalogue_exports()
    {
        var (structure, client) = await factory.StructureWithAdminAsync("Export catalogue");
        var id = await factory.InScopeAsync(structure.Id, sp => sp.GetRequiredService<PersonService>().CreateAsync(new PersonInput
        {
            LastName = "CATALOGUE", FirstName = "Anne", DateOfBirth = new DateOnly(1990, 1, 1),
        }));
        var csv = await client.GetAsync("/adherents/export?format=csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        var header = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n")[0].Split(';');
        header.Where(h => h is not ("Âge" or "Groupes")).ShouldBe(PersonFields.ExportedLabels(socialData: true));

        var rgpd = await client.GetAsync($"/api/persons/{id}/rgpd");
        using var document = System.Text.Json.JsonDocument.Parse(await rgpd.Content.ReadAsStringAsync());
        var keys = document.RootElement.GetProperty("personne").EnumerateObject().Select(p => p.Name).ToList();
        // Exactly the catalogue's RGPD fields, in its order (groups beside the family), nothing hand-written beside it.
        var expected = PersonFields.All.Where(f => f.InRgpdExport)
            .SelectMany(f => f.Key == nameof(Person.HouseholdId) ? new[] { f.Label, "Groupes" } : [f.Label]).ToList();
        keys.ShouldBe(expected);
    }
}

[Collection(PostgresCollection.Postgres)]
public sealed class ExportValueTestsOnPostgres(PostgresMembersFactory factory) : ExportValueTests(factory);

[Collection(SqliteCollection.Sqlite)]
public sealed class ExportValueTestsOnSqlite(SqliteMembersFactory factory) : ExportValueTests(factory);
