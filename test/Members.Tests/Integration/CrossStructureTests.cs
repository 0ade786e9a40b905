using System.Net;
using System.Text;
using CentresConnectes.Members.Application;
using CentresConnectes.Members.Application.Import;
using CentresConnectes.Members.Contracts;
using CentresConnectes.Members.Domain;
using CentresConnectes.ReferenceData.Contracts;
using CentresConnectes.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Shouldly;
using Xunit;
using static CentresConnectes.Members.Tests.Integration.MembersTestHelpers;

namespace CentresConnectes.Members.Tests.Integration;

/// <summary>
/// The doors <see cref="TenancyTests"/> does not cover: exports (CSV and Excel, API and page), the
/// htmx searches, the family member buttons, the import options, list values in a person's form and
/// the <see cref="IMemberDirectory"/> other modules use. Structure B tries each with structure A's ids
/// and names; it never sees A's data and never changes it (checked in A's own scope).
/// </summary>
public abstract class CrossStructureTests(MembersFactory factory)
{
    private const string SecretName = "SECRETNOM";
    private const string SecretFamily = "SECRETFOYER";

    private sealed record Side(Guid StructureId, TestClient Client, Guid PersonId, Guid HouseholdId, Guid GroupId,
        Guid SexeId, Guid VilleId, Guid StatutId, Guid MinimaId, Guid QuotientId);

    private sealed record World(Side A, Side B);

    /// <summary>Each structure has a family, a person in it with list values and a group.</summary>
    private async Task<World> ArrangeAsync()
    {
        var a = await SideAsync("Structure A", SecretName, "Alice", SecretFamily, "06 01 01 01 01", "alice@a.example");
        var b = await SideAsync("Structure B", "BOBNOM", "Bob", "FOYERB", "06 02 02 02 02", "bob@b.example");
        return new World(a, b);
    }

    private async Task<Side> SideAsync(string structureName, string lastName, string firstName, string family, string mobile, string email)
    {
        var (structure, client) = await factory.StructureWithAdminAsync(structureName);
        async Task<Guid> First(ReferenceListKind kind) => (await factory.ListAsync(structure.Id, kind))[0].Id;
        var sexe = await First(ReferenceListKind.Sexe);
        var ville = await First(ReferenceListKind.Ville);
        var statut = await First(ReferenceListKind.Statut);
        var minima = await First(ReferenceListKind.MinimaSociaux);
        var quotient = await First(ReferenceListKind.QuotientFamilial);
        var group = await factory.GroupAsync(structure.Id);
        var household = await factory.InScopeAsync(structure.Id, sp => sp.GetRequiredService<HouseholdService>().CreateAsync(new HouseholdInput { Name = family }));
        var person = await factory.InScopeAsync(structure.Id, sp => sp.GetRequiredService<PersonService>().CreateAsync(new PersonInput
        {
            LastName = lastName, FirstName = firstName, DateOfBirth = new DateOnly(1980, 1, 1), Mobile = mobile, Email = email,
            SexeId = sexe, VilleId = ville, StatutId = statut, HouseholdId = household, GroupIds = [group],
        }));
        return new Side(structure.Id, client, person, household, group, sexe, ville, statut, minima, quotient);
    }

    // ------------------------------------------------------------------ exports

    [Fact]
    public async Task Register_exports_of_one_structure_never_contain_another_structures_persons()
    {
        var w = await ArrangeAsync();

        var apiCsv = Encoding.UTF8.GetString(await w.B.Client.Http.GetByteArrayAsync("/api/persons/export?format=csv"));
        apiCsv.ShouldContain("BOBNOM");
        ShouldNotLeak(apiCsv);

        var apiXlsx = XlsxCells(await w.B.Client.Http.GetByteArrayAsync("/api/persons/export?format=xlsx"));
        apiXlsx.ShouldContain("BOBNOM");
        ShouldNotLeak(string.Join("\n", apiXlsx));

        var pageXlsx = XlsxCells(await w.B.Client.Http.GetByteArrayAsync("/adherents/export?format=xlsx"));
        pageXlsx.ShouldContain("BOBNOM");
        ShouldNotLeak(string.Join("\n", pageXlsx));

        // Filtering B's export by A's group or family selects nobody (the header row only).
        XlsxRowCount(await w.B.Client.Http.GetByteArrayAsync($"/api/persons/export?format=xlsx&groupId={w.A.GroupId}")).ShouldBe(0);
        XlsxRowCount(await w.B.Client.Http.GetByteArrayAsync($"/api/persons/export?format=xlsx&householdId={w.A.HouseholdId}")).ShouldBe(0);
        XlsxRowCount(await w.B.Client.Http.GetByteArrayAsync($"/adherents/export?format=xlsx&groupe={w.A.GroupId}")).ShouldBe(0);
        XlsxRowCount(await w.B.Client.Http.GetByteArrayAsync($"/adherents/export?format=xlsx&q={SecretName}")).ShouldBe(0);

        // The same exports from A do contain A's person: the assertions above would catch a leak.
        XlsxCells(await w.A.Client.Http.GetByteArrayAsync("/api/persons/export?format=xlsx")).ShouldContain(SecretName);
    }

    private static void ShouldNotLeak(string text)
    {
        foreach (var secret in new[] { SecretName, "Alice", "alice@a.example", "06 01 01 01 01", SecretFamily })
            text.ShouldNotContain(secret, Case.Insensitive);
    }

    /// <summary>Every cell of the first sheet, header included, as text.</summary>
    private static List<string> XlsxCells(byte[] content)
    {
        using var stream = new MemoryStream(content);
        return MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>()
            .SelectMany(row => row.Values)
            .Select(v => v?.ToString() ?? "")
            .ToList();
    }

    private static int XlsxRowCount(byte[] content)
    {
        using var stream = new MemoryStream(content);
        return MiniExcel.Query(stream, useHeaderRow: true, excelType: ExcelType.XLSX).Count();
    }

    // ------------------------------------------------------------------ htmx searches

    [Fact]
    public async Task Htmx_searches_of_persons_and_families_do_not_find_another_structures_names()
    {
        var w = await ArrangeAsync();

        var persons = await HtmxAsync(w.B.Client, $"/adherents?q={SecretName}");
        persons.ShouldNotContain("<html");
        persons.ShouldContain("Aucune personne ne correspond à la recherche.");
        ShouldNotLeak(persons);
        ShouldNotLeak(await HtmxAsync(w.B.Client, "/adherents?q=alice"));
        ShouldNotLeak(await HtmxAsync(w.B.Client, "/adherents?q=06%2001%2001"));

        var families = await HtmxAsync(w.B.Client, $"/familles?q={SecretFamily}");
        families.ShouldContain("Aucune famille");
        ShouldNotLeak(families);

        // Whole pages echo the searched text in the search box: they must show no result and no id of A's.
        var familiesPage = await w.B.Client.GetTextAsync($"/familles?q={SecretFamily}");
        familiesPage.ShouldContain("Aucune famille");
        familiesPage.ShouldNotContain(w.A.HouseholdId.ToString());
        // A family page's "add a registered person" search does not offer A's persons either.
        var candidates = await w.B.Client.GetTextAsync($"/familles/{w.B.HouseholdId}?chercher={SecretName}");
        candidates.ShouldContain("Aucune personne trouvée.");
        candidates.ShouldNotContain(w.A.PersonId.ToString());
        candidates.ShouldNotContain("Alice");

        // A finds its own: the same searches would show a leak.
        (await HtmxAsync(w.A.Client, $"/adherents?q={SecretName}")).ShouldContain(SecretName);
        (await HtmxAsync(w.A.Client, $"/familles?q={SecretFamily}")).ShouldContain(SecretFamily);
    }

    private static async Task<string> HtmxAsync(TestClient client, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("HX-Request", "true");
        var response = await client.Http.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        return await response.TextAsync();
    }

    // ------------------------------------------------------------------ family members

    [Fact]
    public async Task Family_member_buttons_on_the_pages_refuse_another_structures_person_or_family()
    {
        var w = await ArrangeAsync();
        var token = TestClient.AntiforgeryToken(await w.B.Client.GetPageAsync($"/familles/{w.B.HouseholdId}"));

        foreach (var (url, personId) in new[]
                 {
                     ($"/familles/{w.B.HouseholdId}?handler=AddMember", w.A.PersonId),     // A's person into B's family
                     ($"/familles/{w.A.HouseholdId}?handler=AddMember", w.B.PersonId),     // B's person into A's family
                     ($"/familles/{w.A.HouseholdId}?handler=RemoveMember", w.A.PersonId),  // A's person out of A's family
                     ($"/familles/{w.B.HouseholdId}?handler=RemoveMember", w.A.PersonId),  // A's person out of B's family
                 })
        {
            var response = await w.B.Client.Http.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["personId"] = personId.ToString(),
            }));
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        }

        await AssertFamiliesUnchangedAsync(w);
    }

    [Fact]
    public async Task Family_member_endpoints_of_the_api_refuse_another_structures_person_or_family()
    {
        var w = await ArrangeAsync();

        (await w.B.Client.Http.DeleteAsync($"/api/households/{w.A.HouseholdId}/members/{w.A.PersonId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await w.B.Client.Http.DeleteAsync($"/api/households/{w.B.HouseholdId}/members/{w.A.PersonId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await w.B.Client.Http.DeleteAsync($"/api/households/{w.A.HouseholdId}/members/{w.B.PersonId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await w.B.Client.Http.PostAsync($"/api/households/{w.A.HouseholdId}/members/{w.A.PersonId}", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await AssertFamiliesUnchangedAsync(w);
    }

    private async Task AssertFamiliesUnchangedAsync(World w)
    {
        // Checked in each structure's own scope: the rows are there, with their family.
        foreach (var side in new[] { w.A, w.B })
        {
            var person = (await factory.PersonsAsync(side.StructureId)).ShouldHaveSingleItem();
            person.Id.ShouldBe(side.PersonId);
            person.HouseholdId.ShouldBe(side.HouseholdId);
            (await factory.DbAsync(side.StructureId, db => db.Set<Household>().CountAsync())).ShouldBe(1);
            var members = await factory.InScopeAsync(side.StructureId, sp => sp.GetRequiredService<IMemberDirectory>().FindHouseholdAsync(side.HouseholdId));
            members.ShouldNotBeNull().MemberIds.ShouldBe([side.PersonId]);
        }
    }

    // ------------------------------------------------------------------ imports

    [Fact]
    public async Task Import_options_of_the_api_with_another_structures_group_are_refused_and_nothing_is_written()
    {
        var w = await ArrangeAsync();
        var upload = await w.B.Client.PostAsync("/api/persons/imports", "b.csv", Csv("Nom;Prénom;Date de naissance\r\nIMPORTB;Ines;02/02/1990\r\n"));
        var foreign = new ImportOptions
        {
            Columns = [ImportField.LastName, ImportField.FirstName, ImportField.DateOfBirth], GroupIds = [w.A.GroupId],
        };

        var preview = await w.B.Client.PostJsonAsync($"/api/persons/imports/{upload.Id}/preview", foreign);
        preview.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await preview.Content.ReadAsStringAsync()).ShouldContain("Un des groupes choisis n'existe pas (ou plus) dans les listes de la structure.");

        var confirm = await w.B.Client.PostJsonAsync($"/api/persons/imports/{upload.Id}/confirm", foreign);
        confirm.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await confirm.Content.ReadAsStringAsync()).ShouldContain("Un des groupes choisis n'existe pas");

        // B's import is still waiting (not run with A's group), its options never took A's group.
        var saved = await w.B.Client.GetJsonAsync<ImportPreview>($"/api/persons/imports/{upload.Id}");
        saved.Status.ShouldBe(ImportStatus.Pending);
        saved.Options.GroupIds.ShouldNotContain(w.A.GroupId);
        await AssertNothingImportedAsync(w);
    }

    [Fact]
    public async Task Import_options_of_the_pages_with_another_structures_group_are_refused_and_nothing_is_written()
    {
        var w = await ArrangeAsync();
        var sessionUrl = (await w.B.Client.UploadAsync("/adherents/import", "b.csv", Csv("Nom;Prénom;Date de naissance\r\nIMPORTB;Ines;02/02/1990\r\n"))).LocationOf();
        var foreign = new Dictionary<string, string?>
        {
            ["Columns[0]"] = "LastName", ["Columns[1]"] = "FirstName", ["Columns[2]"] = "DateOfBirth", ["GroupIds[0]"] = w.A.GroupId.ToString(),
        };

        var confirm = await w.B.Client.PostFormAsync(sessionUrl, foreign, sessionUrl + "?handler=Confirm");
        confirm.StatusCode.ShouldBe(HttpStatusCode.OK, "the page is shown again with the refusal");
        var confirmPage = await confirm.TextAsync();
        confirmPage.ShouldContain("Un des groupes choisis n'existe pas (ou plus) dans les listes de la structure.");
        confirmPage.ShouldNotContain(w.A.GroupId.ToString());
        await AssertNothingImportedAsync(w);

        var preview = await w.B.Client.PostFormAsync(sessionUrl, foreign, sessionUrl + "?handler=Preview");
        preview.StatusCode.ShouldBe(HttpStatusCode.OK, "the refused groups do not cost the upload: the preview is shown again");
        var previewPage = await preview.TextAsync();
        previewPage.ShouldContain("Un des groupes choisis n'existe pas (ou plus) dans les listes de la structure.");
        previewPage.ShouldContain("1 nouvelle(s) personne(s)");
        previewPage.ShouldNotContain(w.A.GroupId.ToString());
        await AssertNothingImportedAsync(w);
    }

    private async Task AssertNothingImportedAsync(World w)
    {
        (await factory.PersonsAsync(w.B.StructureId)).ShouldHaveSingleItem().Id.ShouldBe(w.B.PersonId);
        (await factory.DbAsync(w.B.StructureId, db => db.Set<ImportSession>().CountAsync(s => s.Status != ImportStatus.Pending))).ShouldBe(0);
        (await factory.PersonsAsync(w.A.StructureId)).ShouldHaveSingleItem().Id.ShouldBe(w.A.PersonId);
        (await factory.DbAsync(w.A.StructureId, db => db.Set<PersonGroup>().Select(g => g.PersonId).ToListAsync())).ShouldBe([w.A.PersonId]);
        (await factory.DbAsync(w.A.StructureId, db => db.Set<ImportSession>().CountAsync())).ShouldBe(0);
    }

    // ------------------------------------------------------------------ list values of a person

    public static TheoryData<string> ForeignListFields => ["sexeId", "villeId", "statutId", "minimaSociauxId", "quotientFamilialId", "groupIds"];

    [Theory]
    [MemberData(nameof(ForeignListFields))]
    public async Task Registering_or_editing_with_another_structures_list_value_answers_400_in_french(string field)
    {
        var w = await ArrangeAsync();
        object foreign = field switch
        {
            "sexeId" => w.A.SexeId, "villeId" => w.A.VilleId, "statutId" => w.A.StatutId,
            "minimaSociauxId" => w.A.MinimaId, "quotientFamilialId" => w.A.QuotientId, _ => new[] { w.A.GroupId },
        };
        var expected = field switch
        {
            "sexeId" => "La valeur choisie pour « Sexe » n'existe pas (ou plus) dans les listes de la structure.",
            "villeId" => "La valeur choisie pour « Ville de résidence » n'existe pas (ou plus) dans les listes de la structure.",
            "statutId" => "La valeur choisie pour « Statut » n'existe pas (ou plus) dans les listes de la structure.",
            "minimaSociauxId" => "La valeur choisie pour « Minima sociaux » n'existe pas (ou plus) dans les listes de la structure.",
            "quotientFamilialId" => "La valeur choisie pour « Quotient familial » n'existe pas (ou plus) dans les listes de la structure.",
            _ => "Un des groupes choisis n'existe pas (ou plus) dans les listes de la structure.",
        };
        Dictionary<string, object?> Body(string lastName) => new()
        {
            ["lastName"] = lastName, ["firstName"] = "Eve", ["dateOfBirth"] = "1995-05-05", [field] = foreign,
        };

        var create = await w.B.Client.PostJsonAsync("/api/persons", Body("PIRATE"));
        create.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await create.Content.ReadAsStringAsync()).ShouldContain(expected);

        var update = await w.B.Client.PutJsonAsync($"/api/persons/{w.B.PersonId}", Body("BOBNOM"));
        update.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await update.Content.ReadAsStringAsync()).ShouldContain(expected);

        // Nothing written in B (no new person, B's person unchanged) nor in A.
        var b = (await factory.PersonsAsync(w.B.StructureId)).ShouldHaveSingleItem();
        b.FirstName.ShouldBe("Bob");
        (b.SexeId, b.VilleId, b.StatutId).ShouldBe((w.B.SexeId, w.B.VilleId, w.B.StatutId));
        (await factory.DbAsync(w.B.StructureId, db => db.Set<PersonGroup>().Select(g => g.GroupId).ToListAsync())).ShouldBe([w.B.GroupId]);
        var a = (await factory.PersonsAsync(w.A.StructureId)).ShouldHaveSingleItem();
        a.Id.ShouldBe(w.A.PersonId);
        (await factory.DbAsync(w.A.StructureId, db => db.Set<PersonGroup>().CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task The_person_form_page_refuses_another_structures_list_values_with_a_french_message()
    {
        var w = await ArrangeAsync();
        var form = PersonForm("PIRATE", "Eve", "1995-05-05", groups: [w.A.GroupId]);
        form["Input.SexeId"] = w.A.SexeId.ToString();

        var response = await w.B.Client.PostFormAsync("/adherents/nouveau", form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, "the form is shown again");
        (await response.TextAsync()).ShouldContain("La valeur choisie pour « Sexe » n'existe pas (ou plus) dans les listes de la structure.");
        (await factory.PersonsAsync(w.B.StructureId)).ShouldHaveSingleItem().Id.ShouldBe(w.B.PersonId);
    }

    // ------------------------------------------------------------------ the contract other modules use

    [Fact]
    public async Task Member_directory_in_one_structure_finds_nothing_with_another_structures_ids()
    {
        var w = await ArrangeAsync();

        var (person, persons, households, household, family, byGroups, byBothGroups) = await factory.InScopeAsync(w.B.StructureId, async sp =>
        {
            var directory = sp.GetRequiredService<IMemberDirectory>();
            return (await directory.FindPersonAsync(w.A.PersonId),
                await directory.GetPersonsAsync([w.A.PersonId, w.B.PersonId]),
                await directory.GetHouseholdsOfAsync([w.A.PersonId, w.B.PersonId]),
                await directory.FindHouseholdAsync(w.A.HouseholdId),
                await directory.FindFamilyAsync(w.A.HouseholdId),
                await directory.ListByGroupsAsync([w.A.GroupId]),
                await directory.ListByGroupsAsync([w.A.GroupId, w.B.GroupId]));
        });

        person.ShouldBeNull();
        persons.Select(p => p.Id).ShouldBe([w.B.PersonId]);
        households.Select(p => p.Id).ShouldBe([w.B.PersonId]);
        household.ShouldBeNull();
        family.ShouldBeNull();
        byGroups.ShouldBeEmpty();
        byBothGroups.Select(p => p.Id).ShouldBe([w.B.PersonId]);

        // In A's own scope the same calls find A's person: the empty answers above are the tenancy's.
        var own = await factory.InScopeAsync(w.A.StructureId, async sp =>
        {
            var directory = sp.GetRequiredService<IMemberDirectory>();
            return (await directory.FindPersonAsync(w.A.PersonId), await directory.ListByGroupsAsync([w.A.GroupId]),
                await directory.GetHouseholdsOfAsync([w.A.PersonId]), await directory.FindFamilyAsync(w.A.HouseholdId));
        });
        own.Item1.ShouldNotBeNull().LastName.ShouldBe(SecretName);
        own.Item2.Select(p => p.Id).ShouldBe([w.A.PersonId]);
        own.Item3.ShouldHaveSingleItem().ShouldBe(new PersonHouseholdDto(w.A.PersonId, w.A.HouseholdId, false));
        own.Item4.ShouldNotBeNull().Members.Select(m => m.Id).ShouldContain(w.A.PersonId);
    }
}

[Collection(PostgresCollection.Postgres)]
public sealed class CrossStructureTestsOnPostgres(PostgresMembersFactory factory) : CrossStructureTests(factory);

[Collection(SqliteCollection.Sqlite)]
public sealed class CrossStructureTestsOnSqlite(SqliteMembersFactory factory) : CrossStructureTests(factory);
