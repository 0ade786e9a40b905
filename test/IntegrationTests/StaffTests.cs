using System.Net;
using CentresConnectes.IntegrationTests.Infrastructure;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CentresConnectes.IntegrationTests.Infrastructure.Http;
using static CentresConnectes.TestSupport.TestClient;

namespace CentresConnectes.IntegrationTests;

/// <summary>The structure admin manages the staff accounts of their structure.</summary>
public abstract class StaffTests(AppFactory app) : AppTest(app)
{
    private static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@structure.test";

    [Fact]
    public async Task The_admin_invites_staff_from_the_page_and_the_api()
    {
        var (structure, admin) = await App.StructureWithAdminAsync("Invitations");

        var fromPage = NewEmail("page");
        (await admin.PostFormAsync("/structure/comptes", Form(("Input.DisplayName", "Nadia Benali"), ("Input.Email", fromPage), ("Input.Role", Roles.TravailleurSocial))))
            .ShouldRedirectTo("/structure/comptes");
        var page = await admin.GetTextAsync("/structure/comptes");
        page.ShouldContain($"Le compte de Nadia Benali est créé ; une invitation a été envoyée à {fromPage}.");
        page.ShouldContain(fromPage);

        var fromApi = NewEmail("api");
        var created = await admin.PostJsonAsync("/api/staff", new { email = fromApi, displayName = "Paul Roche", role = Roles.Animateur });
        created.ShouldBe(HttpStatusCode.Created);
        var result = (await created.Content.ReadFromJsonAsync<StaffCreatedDto>())!;
        result.InvitationSent.ShouldBeTrue();

        var staff = await admin.GetJsonAsync<List<StaffDto>>("/api/staff");
        staff.ShouldContain(s => s.Email == fromPage && s.Role == Roles.TravailleurSocial && s.IsActive && !s.HasPassword);
        staff.ShouldContain(s => s.Id == result.Id && s.Email == fromApi && s.Role == Roles.Animateur);
        (await UserAsync(fromPage)).TenantId.ShouldBe(structure.Id);
        (await UserAsync(fromApi)).TenantId.ShouldBe(structure.Id);
        (await admin.GetJsonAsync<StaffDto>($"/api/staff/{result.Id}")).DisplayName.ShouldBe("Paul Roche");

        // Refusals come back in French, and write nothing.
        var duplicate = await admin.PostJsonAsync("/api/staff", new { email = fromApi, displayName = "Copie", role = Roles.Animateur });
        duplicate.ShouldBe(HttpStatusCode.BadRequest);
        (await duplicate.ProblemTitleAsync()).ShouldBe("Un compte existe déjà avec cette adresse e-mail dans votre structure.");
        var badRole = await admin.PostJsonAsync("/api/staff", new { email = NewEmail("role"), displayName = "Rôle", role = Roles.SuperAdmin });
        badRole.ShouldBe(HttpStatusCode.BadRequest);
        (await badRole.ProblemTitleAsync()).ShouldStartWith("Choisissez un rôle");
        (await admin.GetJsonAsync<List<StaffDto>>("/api/staff")).Count.ShouldBe(staff.Count);
    }

    [Fact]
    public async Task The_admin_changes_a_role_from_the_page_and_the_api_and_it_takes_effect_at_once()
    {
        var structure = await App.CreateStructureAsync("Rôles");
        var staffEmail = await App.CreateStaffAsync(structure.Id, Roles.Animateur);
        var staffId = await UserIdAsync(staffEmail);
        var admin = await App.SignInAsync(structure.AdminEmail);
        var staffSession = await App.SignInAsync(staffEmail);
        (await staffSession.GetAsync("/api/staff")).ShouldBe(HttpStatusCode.Forbidden);

        (await admin.PostFormAsync($"/structure/comptes/{staffId}", Form(("role", Roles.TravailleurSocial)), $"/structure/comptes/{staffId}?handler=Role"))
            .ShouldRedirectTo($"/structure/comptes/{staffId}");
        (await admin.GetJsonAsync<StaffDto>($"/api/staff/{staffId}")).Role.ShouldBe(Roles.TravailleurSocial);

        (await admin.PutJsonAsync($"/api/staff/{staffId}/role", new { role = Roles.Admin })).ShouldBe(HttpStatusCode.NoContent);
        (await admin.GetJsonAsync<StaffDto>($"/api/staff/{staffId}")).Role.ShouldBe(Roles.Admin);

        // The changed role ended the old session (new security stamp); a new one has the new rights.
        (await staffSession.GetAsync("/api/staff")).ShouldBe(HttpStatusCode.Unauthorized);
        var promoted = await App.SignInAsync(staffEmail);
        (await promoted.GetAsync("/api/staff")).ShouldBe(HttpStatusCode.OK);

        var invalid = await admin.PutJsonAsync($"/api/staff/{staffId}/role", new { role = "Pirate" });
        invalid.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.GetJsonAsync<StaffDto>($"/api/staff/{staffId}")).Role.ShouldBe(Roles.Admin);
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_open_sessions_and_signing_in_is_refused()
    {
        var (structure, admin) = await App.StructureWithAdminAsync("Désactivation");

        // From the page.
        var first = await App.CreateStaffAsync(structure.Id, Roles.Animateur);
        var firstId = await UserIdAsync(first);
        var firstPages = await App.SignInAsync(first);
        var firstApi = await App.SignInAsync(first);
        (await firstPages.GetAsync("/profil")).ShouldBe(HttpStatusCode.OK);
        (await firstApi.GetAsync("/api/me")).ShouldBe(HttpStatusCode.OK);

        (await admin.PostFormAsync($"/structure/comptes/{firstId}", Form(), $"/structure/comptes/{firstId}?handler=Disable"))
            .ShouldRedirectTo($"/structure/comptes/{firstId}");
        (await admin.GetTextAsync($"/structure/comptes/{firstId}")).ShouldContain("Le compte est désactivé : ses sessions sont fermées.");
        (await UserAsync(first)).IsActive.ShouldBeFalse();

        (await firstPages.GetAsync("/profil")).ShouldRedirectTo("/connexion");
        (await firstApi.GetAsync("/api/me")).ShouldBe(HttpStatusCode.Unauthorized);
        var refused = await App.CreateTestClient().PostFormAsync("/connexion", Form(("Email", first), ("Password", TestSupport.AppFactory.Password)));
        refused.ShouldBe(HttpStatusCode.OK);
        (await refused.TextAsync()).ShouldContain("Adresse e-mail ou mot de passe incorrect."); // the same refusal as a wrong password (no enumeration)

        // From the API, then enabled again.
        var second = await App.CreateStaffAsync(structure.Id, Roles.TravailleurSocial);
        var secondId = await UserIdAsync(second);
        var secondSession = await App.SignInAsync(second);
        (await admin.PostJsonAsync($"/api/staff/{secondId}/disable", new { })).ShouldBe(HttpStatusCode.NoContent);
        (await secondSession.GetAsync("/profil")).ShouldRedirectTo("/connexion");
        (await admin.GetJsonAsync<StaffDto>($"/api/staff/{secondId}")).IsActive.ShouldBeFalse();

        (await admin.PostJsonAsync($"/api/staff/{secondId}/enable", new { })).ShouldBe(HttpStatusCode.NoContent);
        (await (await App.SignInAsync(second)).GetAsync("/profil")).ShouldBe(HttpStatusCode.OK);

        // The admin's own session is untouched.
        (await admin.GetAsync("/structure/comptes")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_admin_cannot_disable_their_own_account()
    {
        var (structure, admin) = await App.StructureWithAdminAsync("Soi-même");
        var me = await admin.GetJsonAsync<MeDto>("/api/me");

        var api = await admin.PostJsonAsync($"/api/staff/{me.Id}/disable", new { });
        api.ShouldBe(HttpStatusCode.BadRequest);
        (await api.ProblemTitleAsync()).ShouldBe("Vous ne pouvez pas désactiver votre propre compte.");

        (await admin.PostFormAsync($"/structure/comptes/{me.Id}", Form(), $"/structure/comptes/{me.Id}?handler=Disable"))
            .ShouldRedirectTo($"/structure/comptes/{me.Id}");
        (await admin.GetTextAsync($"/structure/comptes/{me.Id}")).ShouldContain("Vous ne pouvez pas désactiver votre propre compte.");

        var demote = await admin.PutJsonAsync($"/api/staff/{me.Id}/role", new { role = Roles.Animateur });
        demote.ShouldBe(HttpStatusCode.BadRequest);
        (await demote.ProblemTitleAsync()).ShouldBe("Vous ne pouvez pas retirer votre propre rôle d'administrateur.");

        (await UserAsync(structure.AdminEmail)).IsActive.ShouldBeTrue();
        (await admin.GetAsync("/structure/comptes")).ShouldBe(HttpStatusCode.OK);
        var userId = me.Id.ToString();
        (await App.DbAsync(null, db => db.AuditEntries.AnyAsync(a => a.EntityId == userId && a.Action == "Compte désactivé"))).ShouldBeFalse();
    }
}

[Collection(Apps.Sqlite)]
public sealed class StaffTestsOnSqlite(SqliteApp app) : StaffTests(app);

[Collection(Apps.PostgreSql)]
public sealed class StaffTestsOnPostgreSql(PostgreSqlApp app) : StaffTests(app);
