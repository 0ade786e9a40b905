using System.Net;
using System.Net.Http.Json;
using System.Text;
using CentresConnectes.Members.Application;
using CentresConnectes.Members.Application.Import;
using CentresConnectes.Members.Domain;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.ReferenceData.Contracts;
using Microsoft.EntityFrameworkCore;
using CentresConnectes.TestSupport;
using Shouldly;
using Xunit;
using static CentresConnectes.Members.Tests.Integration.MembersTestHelpers;

namespace CentresConnectes.Members.Tests.Integration;

/// <summary>Bulk import end to end: upload → preview (errors, duplicates) → confirm → counts; failures write nothing.</summary>
public abstract class ImportTests(MembersFactory factory)
{
    private const string Header = "Nom;Prénom;Date de naissance;Sexe;Ville;Portable;E-mail;Famille\r\n";

    [Fact]
    public async Task Preview_shows_errors_and_duplicates_then_confirm_registers_the_right_count()
    {
        var (structure, client) = await factory.StructureWithAdminAsync("Import");
        var group = await factory.GroupAsync(structure.Id, 2);
        await client.PostFormAsync("/adherents/nouveau", PersonForm("DÉJÀ", "Inscrite", "1970-01-01"));
        var file = Csv(Header
            + "GRUJIC;Stanko;26/06/1975;Homme;Lille;06 12 34 56 78;stanko@example.org;GRUJIC\r\n"
            + "GRUJIC;Affida;14/02/1978;Femme;Lille;06 12 34 56 79;;GRUJIC\r\n"
            + "GRUJIC;Luka;31/02/2015;Homme;Lille;;;GRUJIC\r\n"            // error: no 31 February
            + "Déjà;inscrite;01/01/1970;;;;;\r\n"                           // already registered
            + "grujic;STANKO;26/06/1975;;;;;\r\n"                           // duplicate of line 2
            + "LAOUAR;Soan;01/01/2019;Homme;Ronchin;061234567812345;;\r\n"); // warning: registered without the 15-digit phone

        var upload = await client.UploadAsync("/adherents/import", "inscriptions.csv", file);
        var sessionUrl = upload.LocationOf();
        sessionUrl.ShouldStartWith("/adherents/import/");
        var preview = await client.GetTextAsync(sessionUrl);
        preview.ShouldContain("3 nouvelle(s) personne(s)");
        preview.ShouldContain("2 doublon(s) ignoré(s)");
        preview.ShouldContain("1 ligne(s) en erreur");
        preview.ShouldContain("Ligne 4 : date de naissance invalide : « 31/02/2015 »");
        preview.ShouldContain("Ligne 6 : Doublon de la ligne 2");
        preview.ShouldContain("Ligne 7 : « 061234567812345 » n'est pas un numéro de téléphone valide");
        (await factory.CountPersonsAsync(structure.Id)).ShouldBe(1, "nothing is written before the confirmation");

        var confirm = await client.PostFormAsync(sessionUrl, new Dictionary<string, string?>
        {
            ["Columns[0]"] = "LastName", ["Columns[1]"] = "FirstName", ["Columns[2]"] = "DateOfBirth", ["Columns[3]"] = "Sexe",
            ["Columns[4]"] = "Ville", ["Columns[5]"] = "Mobile", ["Columns[6]"] = "Email", ["Columns[7]"] = "Household",
            ["GroupIds[0]"] = group.ToString(),
        }, sessionUrl + "?handler=Confirm");
        confirm.LocationOf().ShouldBe("/adherents");
        (await client.GetTextAsync("/adherents")).ShouldContain("Import terminé : 3 personne(s) inscrite(s), 2 doublon(s) ignoré(s), 1 ligne(s) en erreur ignorée(s).");

        var persons = await factory.PersonsAsync(structure.Id);
        persons.Count.ShouldBe(4);
        var soan = persons.Single(p => p.FirstName == "Soan");
        soan.MobileE164.ShouldBeNull();
        soan.Notes.ShouldNotBeNull().ShouldContain("061234567812345");
        var stanko = persons.Single(p => p.FirstName == "Stanko");
        stanko.MobileE164.ShouldBe("+33612345678");
        stanko.HouseholdId.ShouldNotBeNull();
        persons.Single(p => p.FirstName == "Affida").HouseholdId.ShouldBe(stanko.HouseholdId);
        (await factory.DbAsync(structure.Id, db => db.Set<PersonGroup>().CountAsync(g => g.GroupId == group))).ShouldBe(3);
        (await factory.DbAsync(structure.Id, db => db.Set<Household>().CountAsync())).ShouldBe(1);
        var audit = await factory.DbAsync(structure.Id, db => db.AuditEntries.Where(a => a.TenantId == structure.Id && a.Action == "Import d'adhérents").SingleAsync());
        audit.Details.ShouldNotBeNull().ShouldContain("3 inscrite(s)");
        (await factory.DbAsync(structure.Id, db => db.Set<ImportSession>().SingleAsync())).Content.ShouldBeNull("the file is dropped once imported");
    }

    [Fact]
    public async Task Merge_on_request_completes_registered_persons()
    {
        var (structure, client) = await factory.StructureWithAdminAsync("Fusion");
        await client.PostFormAsync("/adherents/nouveau", PersonForm("MERGE", "Marie", "1980-05-05"));
        var upload = await client.PostAsync("/api/persons/imports", "fusion.csv", Csv(Header + "Merge;Marie;05/05/1980;Femme;Lille;06 55 55 55 55;marie@example.org;\r\n"));
        var id = upload.Id;
        var state = await (await client.PostJsonAsync($"/api/persons/imports/{id}/confirm", new ImportOptions
        {
            Columns = [ImportField.LastName, ImportField.FirstName, ImportField.DateOfBirth, ImportField.Sexe, ImportField.Ville, ImportField.Mobile, ImportField.Email, ImportField.Household],
            MergeDuplicates = true,
        })).Content.ReadFromJsonAsync<ImportState>();
        state!.Status.ShouldBe(ImportStatus.Completed);
        state.MergedCount.ShouldBe(1);
        var p = (await factory.PersonsAsync(structure.Id)).ShouldHaveSingleItem();
        p.MobileE164.ShouldBe("+33655555555");
        p.Email.ShouldBe("marie@example.org");
        p.VilleId.ShouldNotBeNull();
    }

    /// <summary>
    /// One value per column a file can fill, for a person registered with her identity only and for one
    /// registered with every field filled (other values). Adding an importable field fails this test until
    /// it has its values here.
    /// </summary>
    private static readonly Dictionary<ImportField, (string ToEmpty, string ToFull)> Values = new()
    {
        [ImportField.LastName] = ("Vide", "Pleine"),
        [ImportField.FirstName] = ("marie", "jeanne"),
        [ImportField.DateOfBirth] = ("05/05/1980", "06/06/1981"),
        [ImportField.Sexe] = ("Femme", "Homme"),
        [ImportField.Ville] = ("Lille", "Ronchin"),
        [ImportField.Statut] = ("Mère", "Père"),
        [ImportField.MinimaSociaux] = ("RSA", "AAH"),
        [ImportField.QuotientFamilial] = ("0 à 480 €", "Plus de 964 €"),
        [ImportField.Household] = ("VIDE", "AUTRE FAMILLE"),
        [ImportField.Mobile] = ("06 11 11 11 11", "06 22 22 22 22"),
        [ImportField.Landline] = ("03 20 11 11 11", "03 20 22 22 22"),
        [ImportField.Email] = ("vide@example.org", "autre@example.org"),
        [ImportField.ConsentSms] = ("oui", "oui"),
        [ImportField.ConsentEmail] = ("oui", "oui"),
        [ImportField.RegisteredOn] = ("02/03/2021", "02/03/2021"),
        [ImportField.Notes] = ("Suivi de l'import", "Autre suivi"),
    };

    [Fact]
    public async Task Completing_registered_persons_follows_each_fields_merge_rule()
    {
        var columns = ImportMapping.PersonColumns.Select(f => f.Import!.Field).ToList();
        Values.Keys.ShouldBe(columns, ignoreOrder: true, "give every column a file can fill its values here");
        var (structure, client) = await factory.StructureWithAdminAsync("Compléter");
        async Task<Guid> First(ReferenceListKind kind) => (await factory.ListAsync(structure.Id, kind))[0].Id;
        var household = (await (await client.PostJsonAsync("/api/households", new { name = "PLEINE" })).Content.ReadFromJsonAsync<HouseholdDetails>())!.Id;
        var emptyId = await client.CreatePersonAsync(new PersonInput { LastName = "VIDE", FirstName = "Marie", DateOfBirth = new DateOnly(1980, 5, 5) });
        var fullId = await client.CreatePersonAsync(new PersonInput
        {
            LastName = "PLEINE", FirstName = "Jeanne", DateOfBirth = new DateOnly(1981, 6, 6), RegisteredOn = new DateOnly(2019, 1, 7),
            SexeId = await First(ReferenceListKind.Sexe), VilleId = await First(ReferenceListKind.Ville),
            StatutId = await First(ReferenceListKind.Statut), MinimaSociauxId = await First(ReferenceListKind.MinimaSociaux),
            QuotientFamilialId = await First(ReferenceListKind.QuotientFamilial), HouseholdId = household,
            Mobile = "06 33 33 33 33", Landline = "03 20 33 33 33", Email = "pleine@example.org", Notes = "Suivi d'origine",
        });
        var before = (await factory.PersonsAsync(structure.Id)).ToDictionary(p => p.Id);
        var file = string.Join(";", columns.Select(ImportMapping.Label)) + "\r\n"
            + string.Join(";", columns.Select(c => Values[c].ToEmpty)) + "\r\n"
            + string.Join(";", columns.Select(c => Values[c].ToFull)) + "\r\n";

        var upload = await client.PostAsync("/api/persons/imports", "completer.csv", Csv(file));
        var state = await (await client.PostJsonAsync($"/api/persons/imports/{upload.Id}/confirm", new ImportOptions { Columns = columns, MergeDuplicates = true }))
            .Content.ReadFromJsonAsync<ImportState>();

        state!.MergedCount.ShouldBe(2, state.Message);
        var after = (await factory.PersonsAsync(structure.Id)).ToDictionary(p => p.Id);
        after.Count.ShouldBe(2);
        foreach (var field in ImportMapping.PersonColumns)
        {
            var property = typeof(Person).GetProperty(field.Key)!;
            object? Before(Guid id) => property.GetValue(before[id]);
            object? After(Guid id) => property.GetValue(after[id]);
            switch (field.Merge)
            {
                case MergeRule.FillIfEmpty:
                    After(emptyId).ShouldNotBeNull($"{field.Key} is completed when the record has none");
                    After(emptyId).ShouldNotBe(Before(emptyId), $"{field.Key} is completed when the record has none");
                    After(fullId).ShouldBe(Before(fullId), $"{field.Key} is never overwritten");
                    break;
                case MergeRule.Never:
                    After(emptyId).ShouldBe(Before(emptyId), $"{field.Key} is never taken from a file");
                    After(fullId).ShouldBe(Before(fullId), $"{field.Key} is never taken from a file");
                    break;
                case MergeRule.Add:
                    After(emptyId).ShouldNotBe(Before(emptyId), $"{field.Key} is added from the file");
                    After(fullId).ShouldNotBe(Before(fullId), $"{field.Key} is added from the file");
                    break;
                default:
                    throw new InvalidOperationException($"{field.Merge}: say here what a completing import does");
            }
        }
    }

    [Fact]
    public async Task A_failing_import_writes_nothing()
    {
        var (structure, client) = await factory.StructureWithAdminAsync("Panne");
        await InstallFailureTriggerAsync();
        var sb = new StringBuilder(Header);
        for (var i = 0; i < 300; i++)
            sb.Append($"FAMILLE{i % 40};Enfant{i};01/01/{1950 + i % 60};;;;;FAMILLE{i % 40}\r\n");
        sb.Append("PANNE;Dernier;01/01/2000;;;;;PANNE\r\n");
        var upload = await client.PostAsync("/api/persons/imports", "panne.csv", Csv(sb.ToString()));
        upload.Preview.Analysis!.NewCount.ShouldBe(301);

        var state = await (await client.PostJsonAsync($"/api/persons/imports/{upload.Id}/confirm", upload.Preview.Options)).Content.ReadFromJsonAsync<ImportState>();

        state!.Status.ShouldBe(ImportStatus.Failed);
        state.Message.ShouldNotBeNull().ShouldContain("rien n'a été enregistré");
        (await factory.CountPersonsAsync(structure.Id)).ShouldBe(0);
        (await factory.DbAsync(structure.Id, db => db.Set<Household>().CountAsync())).ShouldBe(0);
        (await factory.DbAsync(structure.Id, db => db.Set<PersonGroup>().CountAsync())).ShouldBe(0);
        (await factory.DbAsync(structure.Id, db => db.AuditEntries.CountAsync(a => a.TenantId == structure.Id && a.Action == "Import d'adhérents"))).ShouldBe(0);
    }

    [Fact]
    public async Task Large_files_run_in_the_background_with_a_progress_bar()
    {
        var (structure, client) = await factory.StructureWithAdminAsync("Gros import");
        var other = await factory.CreateStructureAsync("Voisine du gros import");
        var sb = new StringBuilder(Header);
        for (var i = 0; i < 5100; i++)
            sb.Append($"NOM{i:D5};Prénom;{1 + i % 28:D2}/{1 + i % 12:D2}/{1940 + i % 80};;;;;\r\n");
        sb.Append("NOM00000;Prénom;01/01/1940;;;;;\r\n");   // duplicate of line 2
        sb.Append("SANSDATE;Prénom;;;;;;\r\n");             // error
        var sessionUrl = (await client.UploadAsync("/adherents/import", "gros.csv", Csv(sb.ToString()))).LocationOf();
        var options = await client.GetTextAsync(sessionUrl);
        options.ShouldContain("5100 nouvelle(s) personne(s)");

        var confirm = await client.PostFormAsync(sessionUrl, new Dictionary<string, string?>
        {
            ["Columns[0]"] = "LastName", ["Columns[1]"] = "FirstName", ["Columns[2]"] = "DateOfBirth",
        }, sessionUrl + "?handler=Confirm");
        confirm.LocationOf().ShouldBe(sessionUrl);
        var page = await client.GetTextAsync(sessionUrl);
        page.ShouldContain("data-testid=\"import-progress\"");

        var deadline = DateTime.UtcNow.AddSeconds(60);
        string progress;
        do
        {
            await Task.Delay(250);
            progress = await (await client.GetHtmxAsync(sessionUrl + "?handler=Progress")).Content.ReadAsStringAsync();
        } while (progress.Contains("data-status=\"Running\"") && DateTime.UtcNow < deadline);

        progress.ShouldContain("Import terminé : 5100 personne(s) inscrite(s), 1 doublon(s) ignoré(s), 1 ligne(s) en erreur ignorée(s).");
        (await factory.CountPersonsAsync(structure.Id)).ShouldBe(5100);
        // The job switched to the confirming structure, and to it only.
        (await factory.CountPersonsAsync(other.Id)).ShouldBe(0);
    }

    [Theory]
    [InlineData("empty.csv", "Le fichier est vide.")]
    [InlineData("header-only.csv", "aucune personne à importer")]
    [InlineData("broken.xlsx", "illisible ou endommagé")]
    public async Task Bad_files_are_refused_with_a_clear_message_and_nothing_kept(string fixture, string message)
    {
        var (structure, client) = await factory.StructureWithAdminAsync("Mauvais fichier");
        var content = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture));
        var response = await client.UploadAsync("/adherents/import", fixture, content);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            (await response.TextAsync()).ShouldContain(message);
        }
        else
        {
            response.LocationOf().ShouldBe("/adherents/import");
            (await client.GetTextAsync("/adherents/import")).ShouldContain(message);
        }
        (await factory.DbAsync(structure.Id, db => db.Set<ImportSession>().CountAsync())).ShouldBe(0);
        (await factory.CountPersonsAsync(structure.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task Libreoffice_xlsx_imports_through_the_api()
    {
        var (structure, client) = await factory.StructureWithAdminAsync("LibreOffice");
        var upload = await client.PostAsync("/api/persons/imports", "libreoffice.xlsx", File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "libreoffice.xlsx")));
        upload.Preview.Analysis!.NewCount.ShouldBe(3);
        var state = await (await client.PostJsonAsync($"/api/persons/imports/{upload.Id}/confirm", upload.Preview.Options)).Content.ReadFromJsonAsync<ImportState>();
        state!.ImportedCount.ShouldBe(3);
        (await factory.PersonsAsync(structure.Id)).Single(p => p.FirstName == "Léonie").ConsentSms.ShouldBeTrue();
    }

    private async Task InstallFailureTriggerAsync() =>
        await factory.DbAsync(null, async db =>
        {
            if (factory.Provider == DatabaseProvider.PostgreSql)
            {
                await db.Database.ExecuteSqlRawAsync("""
                    CREATE OR REPLACE FUNCTION mbr_test_failure() RETURNS trigger AS $$
                    BEGIN IF NEW."LastName" = 'PANNE' THEN RAISE EXCEPTION 'panne simulée'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql;
                    DROP TRIGGER IF EXISTS mbr_test_failure ON "Mbr_Persons";
                    CREATE TRIGGER mbr_test_failure BEFORE INSERT ON "Mbr_Persons" FOR EACH ROW EXECUTE FUNCTION mbr_test_failure();
                    """);
            }
            else
            {
                await db.Database.ExecuteSqlRawAsync("""
                    CREATE TRIGGER IF NOT EXISTS mbr_test_failure BEFORE INSERT ON "Mbr_Persons"
                    WHEN NEW."LastName" = 'PANNE' BEGIN SELECT RAISE(ABORT, 'panne simulée'); END;
                    """);
            }
            return 0;
        });
}

internal static class ImportApiExtensions
{
    public sealed record Upload(Guid Id, ImportPreview Preview);

    public static async Task<Upload> PostAsync(this TestSupport.TestClient client, string url, string fileName, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(content), "file", fileName);
        var response = await client.Http.PostAsync(url, form);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<Upload>())!;
    }
}

[Collection(PostgresCollection.Postgres)]
public sealed class ImportTestsOnPostgres(PostgresMembersFactory factory) : ImportTests(factory);

[Collection(SqliteCollection.Sqlite)]
public sealed class ImportTestsOnSqlite(SqliteMembersFactory factory) : ImportTests(factory);
