using System.Net;
using System.Net.Http.Json;
using System.Text;
using CentresConnectes.Members.Application;
using CentresConnectes.Members.Domain;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.ReferenceData.Contracts;
using CentresConnectes.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static CentresConnectes.Members.Tests.Integration.MembersTestHelpers;

namespace CentresConnectes.Members.Tests.Integration;

/// <summary>
/// Issue 11, point 1: the sensitive groups (« RSA ») and the notes de suivi reach only the accounts
/// allowed to see social data and notes — by page, API, filter, register export and RGPD export.
/// </summary>
public abstract class SocialPrivacyTests(MembersFactory factory)
{
    private const string Note = "Besoin d'aide pour le dossier CAF";

    private sealed record Seeded(TestStructure Structure, TestClient Admin, Guid PersonId, Guid Rsa, Guid Jeunesse);

    /// <summary>A structure whose admin registers, through the API, a person in « RSA » and « Jeunesse » with a note.</summary>
    private async Task<Seeded> SeedAsync(string name)
    {
        var (structure, admin) = await factory.StructureWithAdminAsync(name);
        var groups = await factory.ListAsync(structure.Id, ReferenceListKind.Groupe);
        var rsa = groups.Single(g => g.Code == "rsa");
        rsa.IsSensitive.ShouldBeTrue("the default « RSA » group is sensitive in a new structure");
        groups.Where(g => g.Code != "rsa").ShouldAllBe(g => !g.IsSensitive);
        var jeunesse = groups.Single(g => g.Code == "jeunesse").Id;
        var created = await admin.PostJsonAsync("/api/persons", new
        {
            lastName = "BENSAÏD", firstName = "Nadia", dateOfBirth = "1984-05-02", notes = Note, groupIds = new[] { rsa.Id, jeunesse },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var person = (await created.Content.ReadFromJsonAsync<PersonDetails>())!;
        person.Groups.Select(g => g.Label).ShouldBe(["Jeunesse", "RSA"], ignoreOrder: true);
        person.Notes.ShouldBe(Note);
        return new Seeded(structure, admin, person.Id, rsa.Id, jeunesse);
    }

    [Fact]
    public async Task An_animateur_sees_no_sensitive_group_and_no_note_on_pages()
    {
        var s = await SeedAsync("Confidentialité pages");
        var animateur = await factory.SignInAsync(await factory.CreateStaffAsync(s.Structure.Id, Roles.Animateur));

        var profile = await animateur.GetTextAsync($"/adherents/{s.PersonId}");
        profile.ShouldContain("Jeunesse");
        profile.ShouldNotNameTheRsaGroup();
        profile.ShouldNotContain(Note);
        profile.ShouldNotContain("Notes de suivi");

        var list = await animateur.GetTextAsync("/adherents");
        list.ShouldContain("BENSAÏD");
        list.ShouldContain("Jeunesse");
        list.ShouldNotNameTheRsaGroup();
        list.ShouldNotContain(s.Rsa.ToString());

        // The group filter on a crafted id finds nobody (it would list the group's members).
        (await animateur.GetTextAsync($"/adherents?groupe={s.Rsa}")).ShouldContain("Aucune personne ne correspond");
        (await animateur.GetTextAsync($"/adherents?groupe={s.Jeunesse}")).ShouldContain("BENSAÏD");

        var form = await animateur.GetTextAsync($"/adherents/{s.PersonId}/modifier");
        form.ShouldNotNameTheRsaGroup();
        form.ShouldNotContain(Note);
        form.ShouldNotContain("Input.Notes");
        (await animateur.GetTextAsync("/adherents/nouveau")).ShouldNotNameTheRsaGroup();

        // What the form does not show is kept when the animateur saves, even if the post claims otherwise.
        var post = PersonForm("BENSAÏD", "Nadia", "1984-05-02", groups: [s.Jeunesse]).With("Input.Notes", "effacé");
        (await animateur.PostFormAsync($"/adherents/{s.PersonId}/modifier", post)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await factory.DbAsync(s.Structure.Id, db => db.Set<PersonGroup>().Where(g => g.PersonId == s.PersonId).Select(g => g.GroupId).ToListAsync());
        saved.ShouldBe([s.Rsa, s.Jeunesse], ignoreOrder: true);
        (await factory.PersonsAsync(s.Structure.Id)).Single().Notes.ShouldBe(Note);

        // A social worker sees both.
        var social = await factory.SignInAsync(await factory.CreateStaffAsync(s.Structure.Id, Roles.TravailleurSocial));
        var full = await social.GetTextAsync($"/adherents/{s.PersonId}");
        full.ShouldContain("RSA");
        full.ShouldContain(Note);
        (await social.GetTextAsync($"/adherents?groupe={s.Rsa}")).ShouldContain("BENSAÏD");
    }

    [Fact]
    public async Task An_animateur_gets_no_sensitive_group_and_no_note_from_the_api()
    {
        var s = await SeedAsync("Confidentialité API");
        var animateur = await factory.SignInAsync(await factory.CreateStaffAsync(s.Structure.Id, Roles.Animateur));

        var details = await animateur.GetJsonAsync<PersonDetails>($"/api/persons/{s.PersonId}");
        details.Groups.Select(g => g.Id).ShouldBe([s.Jeunesse]);
        details.Notes.ShouldBeNull();
        details.NotesVisible.ShouldBeFalse();
        (await animateur.Http.GetStringAsync($"/api/persons/{s.PersonId}")).ShouldNotNameTheRsaGroup();

        var list = await animateur.GetJsonAsync<Page<PersonRow>>("/api/persons");
        list.Items.ShouldHaveSingleItem().Groups.ShouldBe(["Jeunesse"]);
        (await animateur.GetJsonAsync<Page<PersonRow>>($"/api/persons?groupId={s.Rsa}")).TotalCount.ShouldBe(0);

        // Writing through the API: a sensitive group or a note sent anyway changes nothing.
        (await animateur.Http.PutAsJsonAsync($"/api/persons/{s.PersonId}", new
        {
            lastName = "BENSAÏD", firstName = "Nadia", dateOfBirth = "1984-05-02", notes = "", groupIds = Array.Empty<Guid>(),
        })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var kept = await factory.DbAsync(s.Structure.Id, db => db.Set<PersonGroup>().Where(g => g.PersonId == s.PersonId).Select(g => g.GroupId).ToListAsync());
        kept.ShouldBe([s.Rsa]);
        (await factory.PersonsAsync(s.Structure.Id)).Single().Notes.ShouldBe(Note);

        // Exports are not the animateur's: refused by page and API alike.
        (await animateur.GetAsync("/api/persons/export")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await animateur.GetAsync($"/api/persons/{s.PersonId}/rgpd")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await animateur.GetAsync("/adherents/export?format=csv")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await animateur.GetAsync($"/adherents/{s.PersonId}/donnees?format=json")).StatusCode.ShouldNotBe(HttpStatusCode.OK);

        // The admin's API answer has them.
        var admin = await s.Admin.GetJsonAsync<PersonDetails>($"/api/persons/{s.PersonId}");
        admin.Groups.Select(g => g.Id).ShouldBe([s.Rsa]);
        admin.Notes.ShouldBe(Note);
    }

    [Fact]
    public async Task Exports_carry_sensitive_groups_and_notes_only_with_the_permissions()
    {
        var s = await SeedAsync("Confidentialité exports");

        // With the permissions (admin): the register and the RGPD export have them.
        var csv = await s.Admin.GetAsync("/adherents/export?format=csv");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        var adminText = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        adminText.ShouldContain("Notes de suivi");
        adminText.ShouldContain(Note);
        adminText.ShouldContain("RSA");
        (await s.Admin.Http.GetStringAsync($"/api/persons/{s.PersonId}/rgpd")).ShouldContain(Note);

        // The same export services for an account without them (no signed-in user: no permission at all).
        var (register, rgpd) = await factory.InScopeAsync(s.Structure.Id, async sp =>
        {
            var exports = sp.GetRequiredService<ExportService>();
            var (content, _) = await exports.ExportRegisterToTempFileAsync(new PersonFilter(), ExportFormat.Csv);
            await using (content)
            {
                using var reader = new StreamReader(content, Encoding.UTF8);
                var text = await reader.ReadToEndAsync();
                var (_, _, json) = await exports.ExportPersonAsync(s.PersonId, PersonExportFormat.Json);
                return (text, Encoding.UTF8.GetString(json));
            }
        });
        register.ShouldContain("BENSAÏD");
        register.ShouldContain("Jeunesse");
        register.ShouldNotNameTheRsaGroup();
        register.ShouldNotContain("Notes de suivi");
        register.ShouldNotContain(Note);
        register.ShouldNotContain("Minima sociaux");
        rgpd.ShouldContain("Jeunesse");
        rgpd.ShouldNotNameTheRsaGroup();
        rgpd.ShouldNotContain(Note);

        // Filtering the export on the sensitive group finds nobody for such an account.
        var filtered = await factory.InScopeAsync(s.Structure.Id, async sp =>
        {
            var (content, result) = await sp.GetRequiredService<ExportService>().ExportRegisterToTempFileAsync(new PersonFilter { GroupId = s.Rsa }, ExportFormat.Csv);
            await content.DisposeAsync();
            return result.RowCount;
        });
        filtered.ShouldBe(0);
    }

    [Fact]
    public async Task An_admin_marks_a_group_sensitive_by_page_and_api_and_an_animateur_cannot()
    {
        var s = await SeedAsync("Groupes sensibles");
        var animateur = await factory.SignInAsync(await factory.CreateStaffAsync(s.Structure.Id, Roles.Animateur));

        // Through the settings page (plain form): « Jeunesse » becomes sensitive and leaves the animateur's view.
        var marked = await s.Admin.PostFormAsync("/parametres/listes/groupes", new Dictionary<string, string?>(),
            $"/parametres/listes/groupes?handler=Sensitive&id={s.Jeunesse}&sensitive=true");
        marked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await s.Admin.GetTextAsync("/parametres/listes/groupes")).ShouldContain("Le groupe est sensible");
        (await animateur.GetTextAsync($"/adherents/{s.PersonId}")).ShouldNotContain("Jeunesse");

        // Through the API, back again.
        var put = await s.Admin.Http.PutAsJsonAsync($"/api/reference/groupes/{s.Jeunesse}", new { isSensitive = false });
        put.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await put.Content.ReadFromJsonAsync<ReferenceItemDto>())!.IsSensitive.ShouldBeFalse();
        (await animateur.GetTextAsync($"/adherents/{s.PersonId}")).ShouldContain("Jeunesse");

        // Only groups can be sensitive; the animateur may not change it; another structure's group is not found.
        var ville = (await factory.ListAsync(s.Structure.Id, ReferenceListKind.Ville))[0].Id;
        (await s.Admin.Http.PutAsJsonAsync($"/api/reference/villes/{ville}", new { isSensitive = true })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await animateur.Http.PutAsJsonAsync($"/api/reference/groupes/{s.Rsa}", new { isSensitive = false })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var (_, other) = await factory.StructureWithAdminAsync("Autre structure sensible");
        (await other.Http.PutAsJsonAsync($"/api/reference/groupes/{s.Rsa}", new { isSensitive = false })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostFormAsync("/parametres/listes/groupes", new Dictionary<string, string?>(),
            $"/parametres/listes/groupes?handler=Sensitive&id={s.Rsa}&sensitive=false")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await factory.ListAsync(s.Structure.Id, ReferenceListKind.Groupe)).Single(g => g.Id == s.Rsa).IsSensitive.ShouldBeTrue();
    }
}

[Collection(PostgresCollection.Postgres)]
public sealed class SocialPrivacyTestsOnPostgres(PostgresMembersFactory factory) : SocialPrivacyTests(factory);

[Collection(SqliteCollection.Sqlite)]
public sealed class SocialPrivacyTestsOnSqlite(SqliteMembersFactory factory) : SocialPrivacyTests(factory);

internal static class RsaGroupAssertions
{
    /// <summary>
    /// The sensitive group's label, as a word and in its own case: a case-insensitive « rsa » anywhere
    /// also matched the page's random antiforgery token now and then (base64 letters).
    /// </summary>
    public static void ShouldNotNameTheRsaGroup(this string text) =>
        System.Text.RegularExpressions.Regex.IsMatch(text, @"\bRSA\b").ShouldBeFalse("the sensitive group « RSA » is named");
}
