using System.Net;
using CentresConnectes.Members.Application.Import;
using CentresConnectes.Members.Domain;
using CentresConnectes.TestSupport;
using Shouldly;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static CentresConnectes.Members.Tests.Integration.MembersTestHelpers;

namespace CentresConnectes.Members.Tests.Integration;

/// <summary>
/// Files over the import's size limit are refused by the page, in French, and nothing is kept; the
/// API lists a structure's own imports only.
/// </summary>
public abstract class UploadLimitTests(MembersFactory factory)
{
    [Fact]
    public async Task The_api_lists_the_structure_s_recent_imports_and_no_other_s()
    {
        var (_, clientA) = await factory.StructureWithAdminAsync("Imports A");
        var (_, clientB) = await factory.StructureWithAdminAsync("Imports B");
        var file = Csv("Nom;Prénom;Date de naissance\r\nMartin;Jeanne;01/01/1980\r\n");
        (await clientA.UploadAsync("/adherents/import", "liste-a.csv", file)).LocationOf().ShouldStartWith("/adherents/import/");

        var mine = await clientA.GetJsonAsync<List<ImportState>>("/api/persons/imports");
        mine.ShouldHaveSingleItem().FileName.ShouldBe("liste-a.csv");
        mine[0].Status.ShouldBe(ImportStatus.Pending);
        (await clientB.GetJsonAsync<List<ImportState>>("/api/persons/imports")).ShouldBeEmpty();
        (await clientB.Http.GetAsync($"/api/persons/imports/{mine[0].Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_file_over_the_limit_gets_a_French_message_and_leaves_nothing()
    {
        var (structure, client) = await factory.StructureWithAdminAsync("Gros fichier");
        // A real CSV, just too long: header then lines until the limit is passed by a little.
        var line = "Martin;Jeanne;01/01/1980;;Lille;;;\r\n"u8.ToArray();
        var header = Csv("Nom;Prénom;Date de naissance;Sexe;Ville;Portable;E-mail;Famille\r\n");
        var content = new byte[ImportLimits.MaxFileBytes + 1024];
        header.CopyTo(content, 0);
        for (var at = header.Length; at < content.Length; at += line.Length)
            Array.Copy(line, 0, content, at, Math.Min(line.Length, content.Length - at));

        var response = await client.UploadAsync("/adherents/import", "trop-gros.csv", content);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.TextAsync()).ShouldContain("Le fichier dépasse 20 Mo : découpez-le en plusieurs fichiers.");
        (await factory.CountPersonsAsync(structure.Id)).ShouldBe(0);
        (await factory.DbAsync(structure.Id, db => db.Set<ImportSession>().CountAsync())).ShouldBe(0);
    }
}

[Collection(PostgresCollection.Postgres)]
public sealed class UploadLimitTestsOnPostgres(PostgresMembersFactory factory) : UploadLimitTests(factory);

[Collection(SqliteCollection.Sqlite)]
public sealed class UploadLimitTestsOnSqlite(SqliteMembersFactory factory) : UploadLimitTests(factory);
