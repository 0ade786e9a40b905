using CentresConnectes.Members.Application.Import;
using CentresConnectes.Members.Domain;
using CentresConnectes.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static CentresConnectes.Members.Tests.Integration.MembersTestHelpers;

namespace CentresConnectes.Members.Tests.Integration;

/// <summary>
/// Issue 12, point 12: files of abandoned import sessions and imports stuck « en cours » are cleaned by
/// a recurring job, in every structure; showing an import's page (a GET) changes nothing.
/// </summary>
public abstract class ImportCleanupTests(MembersFactory factory)
{
    private const string File = "Nom;Prénom;Date de naissance\r\nMARTIN;Léa;01/02/2015\r\n";

    private static async Task<Guid> UploadAsync(TestClient client)
    {
        var url = (await client.UploadAsync("/adherents/import", "liste.csv", Csv(File))).LocationOf();
        return Guid.Parse(url["/adherents/import/".Length..]);
    }

    private Task<ImportSession?> SessionAsync(Guid structureId, Guid id) =>
        factory.DbAsync(structureId, db => db.Set<ImportSession>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id));

    [Fact]
    public async Task Abandoned_import_files_and_stuck_imports_are_cleaned_in_every_structure()
    {
        var (a, clientA) = await factory.StructureWithAdminAsync("Nettoyage A");
        var (b, clientB) = await factory.StructureWithAdminAsync("Nettoyage B");
        Guid oldA, oldB, stuckB;
        try
        {
            factory.Clock.Set(DateTime.UtcNow.AddHours(-25));
            oldA = await UploadAsync(clientA);
            oldB = await UploadAsync(clientB);
            stuckB = await UploadAsync(clientB);
        }
        finally
        {
            factory.Clock.Reset();
        }
        // The server stopped while writing: the session stays « en cours » with its file.
        await factory.DbAsync(b.Id, db => db.Set<ImportSession>().Where(s => s.Id == stuckB).ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, ImportStatus.Running)));
        var freshA = await UploadAsync(clientA);

        await factory.InScopeAsync(null, sp => sp.GetRequiredService<ImportCleanupJob>().RunAsync(CancellationToken.None));

        (await SessionAsync(a.Id, oldA)).ShouldBeNull("a file left at the preview for more than 24 h is deleted");
        (await SessionAsync(b.Id, oldB)).ShouldBeNull("in every structure");
        var fresh = (await SessionAsync(a.Id, freshA)).ShouldNotBeNull("a file uploaded today waits for its user");
        fresh.Content.ShouldNotBeNull();
        var stuck = (await SessionAsync(b.Id, stuckB)).ShouldNotBeNull();
        stuck.Status.ShouldBe(ImportStatus.Failed);
        stuck.Content.ShouldBeNull();
        stuck.Message.ShouldBe(ImportCleanupJob.StuckMessage);
        (await clientB.GetTextAsync("/adherents/import")).ShouldContain("L'import a été interrompu");
    }

    [Fact]
    public async Task Showing_an_import_page_changes_nothing()
    {
        var (structure, client) = await factory.StructureWithAdminAsync("Import sans effet");
        var id = await UploadAsync(client);
        var before = await SessionAsync(structure.Id, id);

        (await client.GetTextAsync($"/adherents/import/{id}")).ShouldContain("MARTIN");
        (await client.Http.GetAsync($"/api/persons/imports/{id}")).EnsureSuccessStatusCode();

        var after = (await SessionAsync(structure.Id, id)).ShouldNotBeNull();
        after.OptionsJson.ShouldBe(before!.OptionsJson);
        after.TotalRows.ShouldBe(before.TotalRows);
        after.Status.ShouldBe(ImportStatus.Pending);
    }
}

[Collection(PostgresCollection.Postgres)]
public sealed class ImportCleanupTestsOnPostgres(PostgresMembersFactory factory) : ImportCleanupTests(factory);

[Collection(SqliteCollection.Sqlite)]
public sealed class ImportCleanupTestsOnSqlite(SqliteMembersFactory factory) : ImportCleanupTests(factory);
