using System.Net;
using System.Net.Http.Json;
using CentresConnectes.Members.Application;
using CentresConnectes.Members.Domain;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.TestSupport;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CentresConnectes.Members.Tests.Integration.MembersTestHelpers;

namespace CentresConnectes.Members.Tests.Integration;

/// <summary>
/// Issue 11, point 1, for families: a family's notes are notes de suivi too — an Animateur (no notes
/// permission) neither reads them (page, API) nor erases them by saving the family.
/// </summary>
public abstract class HouseholdNotesPrivacyTests(MembersFactory factory)
{
    private const string Note = "Expulsion en cours, suivi avec l'assistante sociale";

    [Fact]
    public async Task An_animateur_neither_reads_nor_erases_a_familys_notes()
    {
        var (structure, admin) = await factory.StructureWithAdminAsync("Notes de famille");
        var created = await admin.PostJsonAsync("/api/households", new { name = "MARTIN", address = "3 rue des Lilas", notes = Note });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<HouseholdDetails>())!.Id;
        (await admin.GetTextAsync($"/familles/{id}")).ShouldContain(Note);

        var animateur = await factory.SignInAsync(await factory.CreateStaffAsync(structure.Id, Roles.Animateur));
        var page = await animateur.GetTextAsync($"/familles/{id}");
        page.ShouldContain("MARTIN");
        page.ShouldNotContain(Note);
        (await animateur.GetJsonAsync<HouseholdDetails>($"/api/households/{id}")).Notes.ShouldBeNull();

        // Saving the family (new address) keeps the notes he could not see; creating one ignores notes sent anyway.
        (await animateur.PutJsonAsync($"/api/households/{id}", new { name = "MARTIN", address = "5 rue des Lilas" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var saved = await factory.DbAsync(structure.Id, db => db.Set<Household>().SingleAsync(h => h.Id == id));
        saved.Address.ShouldBe("5 rue des Lilas");
        saved.Notes.ShouldBe(Note);
        var other = await animateur.PostJsonAsync("/api/households", new { name = "DURAND", notes = "écrit par l'animateur" });
        var otherId = (await other.Content.ReadFromJsonAsync<HouseholdDetails>())!.Id;
        (await factory.DbAsync(structure.Id, db => db.Set<Household>().SingleAsync(h => h.Id == otherId))).Notes.ShouldBeNull();
    }
}

[Collection(PostgresCollection.Postgres)]
public sealed class HouseholdNotesPrivacyTestsOnPostgres(PostgresMembersFactory factory) : HouseholdNotesPrivacyTests(factory);

[Collection(SqliteCollection.Sqlite)]
public sealed class HouseholdNotesPrivacyTestsOnSqlite(SqliteMembersFactory factory) : HouseholdNotesPrivacyTests(factory);
