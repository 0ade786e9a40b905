using System.Net;
using System.Net.Http.Json;
using System.Text;
using CentresConnectes.Members.Application;
using CentresConnectes.Members.Application.Import;
using CentresConnectes.Members.Domain;
using CentresConnectes.Platform.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static CentresConnectes.Members.Tests.Integration.MembersTestHelpers;

namespace CentresConnectes.Members.Tests.Integration;

/// <summary>
/// Structure B never reaches structure A's households, persons, groups or imports: not by the pages,
/// not by the API, not with crafted ids (404), not through search, counts, exports or imports.
/// </summary>
public abstract class TenancyTests(MembersFactory factory)
{
    private sealed record World(Guid StructureA, Guid PersonA, Guid HouseholdA, Guid GroupA, Guid ImportA, TestSupport.TestClient A, Guid StructureB, TestSupport.TestClient B);

    private async Task<World> ArrangeAsync()
    {
        var (a, clientA) = await factory.StructureWithAdminAsync("Structure A");
        var (b, clientB) = await factory.StructureWithAdminAsync("Structure B");
        var groupA = await factory.GroupAsync(a.Id);
        var household = await factory.InScopeAsync(a.Id, sp => sp.GetRequiredService<HouseholdService>().CreateAsync(new HouseholdInput { Name = "SECRETA" }));
        var person = await factory.InScopeAsync(a.Id, sp => sp.GetRequiredService<PersonService>().CreateAsync(new PersonInput
        {
            LastName = "SECRETA", FirstName = "Alice", DateOfBirth = new DateOnly(1980, 1, 1), Mobile = "06 01 01 01 01",
            Email = "alice@a.example", HouseholdId = household, GroupIds = [groupA],
        }));
        var import = (await clientA.PostAsync("/api/persons/imports", "a.csv", Csv("Nom;Prénom;Date de naissance\r\nIMPORTA;Anne;01/01/1990\r\n"))).Id;
        return new World(a.Id, person, household, groupA, import, clientA, b.Id, clientB);
    }

    [Fact]
    public async Task Pages_answer_404_for_another_structures_ids()
    {
        var w = await ArrangeAsync();
        foreach (var url in new[]
                 {
                     $"/adherents/{w.PersonA}", $"/adherents/{w.PersonA}/modifier", $"/adherents/{w.PersonA}/donnees?format=json",
                     $"/familles/{w.HouseholdA}", $"/adherents/import/{w.ImportA}", $"/adherents/import/{w.ImportA}?handler=Progress",
                     $"/adherents/nouveau?famille={w.HouseholdA}",
                 })
            (await w.B.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, url);

        var token = TestSupport.TestClient.AntiforgeryToken(await w.B.GetPageAsync("/adherents/nouveau"));
        foreach (var url in new[]
                 {
                     $"/adherents/{w.PersonA}/modifier", $"/adherents/{w.PersonA}/supprimer", $"/adherents/{w.PersonA}/anonymiser",
                     $"/familles/{w.HouseholdA}/supprimer", $"/familles/{w.HouseholdA}?handler=Update", $"/adherents/import/{w.ImportA}?handler=Confirm",
                     $"/adherents/import/{w.ImportA}?handler=Cancel",
                 })
        {
            var response = await w.B.Http.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Input.LastName"] = "PIRATE", ["Input.FirstName"] = "B", ["Input.DateOfBirth"] = "1990-01-01",
                ["Input.Name"] = "PIRATE",
            }));
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        }
        await AssertAUntouchedAsync(w);
    }

    [Fact]
    public async Task Api_answers_404_for_another_structures_ids()
    {
        var w = await ArrangeAsync();
        foreach (var url in new[]
                 {
                     $"/api/persons/{w.PersonA}", $"/api/persons/{w.PersonA}/rgpd", $"/api/households/{w.HouseholdA}",
                     $"/api/persons/imports/{w.ImportA}", $"/api/persons/imports/{w.ImportA}/state",
                 })
            (await w.B.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, url);

        (await w.B.PutJsonAsync($"/api/persons/{w.PersonA}", new { lastName = "PIRATE", firstName = "B", dateOfBirth = "1990-01-01" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await w.B.Http.DeleteAsync($"/api/persons/{w.PersonA}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await w.B.Http.PostAsync($"/api/persons/{w.PersonA}/anonymise", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await w.B.PutJsonAsync($"/api/households/{w.HouseholdA}", new { name = "PIRATE" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await w.B.Http.DeleteAsync($"/api/households/{w.HouseholdA}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await w.B.PostJsonAsync($"/api/persons/imports/{w.ImportA}/confirm", new ImportOptions())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await w.B.PostJsonAsync($"/api/persons/imports/{w.ImportA}/preview", new ImportOptions())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await w.B.Http.DeleteAsync($"/api/persons/imports/{w.ImportA}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // B's own person cannot join A's household, nor A's person B's household; A's group is unknown to B.
        var personB = await (await w.B.PostJsonAsync("/api/persons", new { lastName = "BOB", firstName = "B", dateOfBirth = "1991-01-01" })).Content.ReadFromJsonAsync<PersonDetails>();
        var householdB = await (await w.B.PostJsonAsync("/api/households", new { name = "FAMILLEB" })).Content.ReadFromJsonAsync<HouseholdDetails>();
        (await w.B.Http.PostAsync($"/api/households/{w.HouseholdA}/members/{personB!.Id}", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await w.B.Http.PostAsync($"/api/households/{householdB!.Id}/members/{w.PersonA}", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await w.B.PostJsonAsync("/api/persons", new { lastName = "CAROL", firstName = "C", dateOfBirth = "1992-01-01", householdId = w.HouseholdA })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await w.B.PostJsonAsync("/api/persons", new { lastName = "DAN", firstName = "D", dateOfBirth = "1993-01-01", groupIds = new[] { w.GroupA } })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await AssertAUntouchedAsync(w);
    }

    [Fact]
    public async Task Lists_counts_searches_and_exports_show_only_the_own_structure()
    {
        var w = await ArrangeAsync();
        var listB = await w.B.GetJsonAsync<Page<PersonRow>>("/api/persons?q=secreta");
        listB.TotalCount.ShouldBe(0);
        (await w.B.GetJsonAsync<Page<PersonRow>>("/api/persons?q=06%2001")).TotalCount.ShouldBe(0);
        (await w.B.GetJsonAsync<Page<PersonRow>>("/api/persons?q=alice%40a")).TotalCount.ShouldBe(0);
        (await w.B.GetJsonAsync<Page<PersonRow>>($"/api/persons?groupId={w.GroupA}")).TotalCount.ShouldBe(0);
        (await w.B.GetJsonAsync<Page<PersonRow>>($"/api/persons?householdId={w.HouseholdA}")).TotalCount.ShouldBe(0);
        (await w.B.GetJsonAsync<Page<HouseholdRow>>("/api/households")).TotalCount.ShouldBe(0);
        (await w.B.GetTextAsync("/adherents")).ShouldNotContain("SECRETA");
        (await w.B.GetTextAsync("/familles")).ShouldNotContain("SECRETA");
        (await w.B.GetTextAsync("/adherents/import")).ShouldNotContain("a.csv");
        var export = Encoding.UTF8.GetString(await w.B.Http.GetByteArrayAsync("/adherents/export?format=csv"));
        export.ShouldNotContain("SECRETA");
        (await w.A.GetJsonAsync<Page<PersonRow>>("/api/persons?q=secreta")).TotalCount.ShouldBe(1);

        // Counting through the context in B's scope sees none of A's rows, whatever the table.
        (await factory.DbAsync(w.StructureB, db => db.Set<Person>().CountAsync())).ShouldBe(0);
        (await factory.DbAsync(w.StructureB, db => db.Set<Household>().CountAsync())).ShouldBe(0);
        (await factory.DbAsync(w.StructureB, db => db.Set<PersonGroup>().CountAsync())).ShouldBe(0);
        (await factory.DbAsync(w.StructureB, db => db.Set<ImportSession>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task The_host_overview_counts_each_structures_persons_apart()
    {
        var w = await ArrangeAsync();
        var overview = await factory.InScopeAsync(null, sp => sp.GetRequiredService<Platform.Application.StructureService>().ListAsync());
        overview.Single(s => s.Id == w.StructureA).Usage["Adhérents"].ShouldBe(1);
        overview.Single(s => s.Id == w.StructureB).Usage["Adhérents"].ShouldBe(0);
        overview.Single(s => s.Id == w.StructureA).Accounts.ShouldBe(1);
        overview.Single(s => s.Id == w.StructureB).Accounts.ShouldBe(1);
        // Every module's counter (persons, SMS…) answers for each structure apart, nothing sent yet.
        overview.Single(s => s.Id == w.StructureB).Usage.Keys.ShouldBe(overview.Single(s => s.Id == w.StructureA).Usage.Keys, ignoreOrder: true);
        overview.Single(s => s.Id == w.StructureB).Usage.Where(u => u.Key != "Adhérents").ShouldAllBe(u => u.Value == 0);
    }

    [Fact]
    public async Task Importing_into_one_structure_neither_sees_nor_touches_the_other()
    {
        var w = await ArrangeAsync();
        // The same persons as A's are new in B (duplicate keys are per structure), and A's family is not reused.
        var upload = await w.B.PostAsync("/api/persons/imports", "b.csv",
            Csv("Nom;Prénom;Date de naissance;Portable;E-mail;Famille\r\nSECRETA;Alice;01/01/1980;06 01 01 01 01;alice@a.example;SECRETA\r\n"));
        upload.Preview.Analysis!.NewCount.ShouldBe(1);
        upload.Preview.Analysis.DuplicateCount.ShouldBe(0);
        var state = await (await w.B.PostJsonAsync($"/api/persons/imports/{upload.Id}/confirm", upload.Preview.Options)).Content.ReadFromJsonAsync<ImportState>();
        state!.ImportedCount.ShouldBe(1);
        var b = (await factory.PersonsAsync(w.StructureB)).ShouldHaveSingleItem();
        b.HouseholdId.ShouldNotBe(w.HouseholdA);
        (await factory.DbAsync(w.StructureB, db => db.Set<Household>().CountAsync())).ShouldBe(1);
        await AssertAUntouchedAsync(w);
    }

    [Fact]
    public async Task The_cross_structure_probe_gets_404_on_every_members_id_route()
    {
        var w = await ArrangeAsync();
        var probe = new TestSupport.CrossStructureProbe(factory.Services, "Members")
            .Sample("/adherents", new { id = w.PersonA })
            .Sample("/adherents/import", new { id = w.ImportA })
            .Sample("/api/persons", new { id = w.PersonA })
            .Sample("/api/persons/imports", new { id = w.ImportA })
            .Sample("/familles", new { id = w.HouseholdA })
            .Sample("/api/households", new { id = w.HouseholdA, personId = w.PersonA })
            .Body("PUT", "/api/persons/{id:guid}", new { lastName = "PIRATE", firstName = "B", dateOfBirth = "1990-01-01" })
            .Body("PUT", "/api/households/{id:guid}", new { name = "PIRATE" })
            .Body("POST", "/api/persons/imports/{id:guid}/confirm", new ImportOptions())
            .Body("POST", "/api/persons/imports/{id:guid}/preview", new ImportOptions())
            .Form("/adherents/{id:guid}/modifier", null, new Dictionary<string, string>
            {
                ["Input.LastName"] = "PIRATE", ["Input.FirstName"] = "B", ["Input.DateOfBirth"] = "1990-01-01",
            })
            .Form("/familles/{id:guid}", "Update", new Dictionary<string, string> { ["Input.Name"] = "PIRATE" });
        var requests = await probe.CheckAsync(w.A, w.B);
        requests.ShouldContain(r => r.StartsWith("DELETE /api/persons/", StringComparison.Ordinal));
        requests.ShouldContain(r => r.StartsWith("POST /adherents/", StringComparison.Ordinal) && r.Contains("/supprimer"));
        requests.ShouldContain(r => r.StartsWith("GET /adherents/import/", StringComparison.Ordinal) && r.Contains("handler=Progress"));
        await AssertAUntouchedAsync(w);
    }

    private async Task AssertAUntouchedAsync(World w)
    {
        var persons = await factory.PersonsAsync(w.StructureA);
        var alice = persons.ShouldHaveSingleItem();
        alice.LastName.ShouldBe("SECRETA");
        alice.IsAnonymised.ShouldBeFalse();
        alice.HouseholdId.ShouldBe(w.HouseholdA);
        (await factory.DbAsync(w.StructureA, db => db.Set<Household>().SingleAsync())).Name.ShouldBe("SECRETA");
        (await factory.DbAsync(w.StructureA, db => db.Set<PersonGroup>().CountAsync())).ShouldBe(1);
        (await factory.DbAsync(w.StructureA, db => db.Set<ImportSession>().SingleAsync())).Status.ShouldBe(ImportStatus.Pending);
    }
}

[Collection(PostgresCollection.Postgres)]
public sealed class TenancyTestsOnPostgres(PostgresMembersFactory factory) : TenancyTests(factory);

[Collection(SqliteCollection.Sqlite)]
public sealed class TenancyTestsOnSqlite(SqliteMembersFactory factory) : TenancyTests(factory);
