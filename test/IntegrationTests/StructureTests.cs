using System.Net;
using CentresConnectes.IntegrationTests.Infrastructure;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CentresConnectes.IntegrationTests.Infrastructure.Http;
using static CentresConnectes.TestSupport.TestClient;

namespace CentresConnectes.IntegrationTests;

/// <summary>The super-admin manages structures; invitations really go through SMTP to the sink.</summary>
public abstract class StructureTests(AppFactory app) : AppTest(app)
{
    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}@structure.test";

    [Fact]
    public async Task Created_from_the_page_its_admin_is_invited_sets_a_password_and_signs_in()
    {
        var super = await SignInSuperAdminAsync();
        var adminEmail = Unique("page");
        var name = "Centre social des Lilas " + Guid.NewGuid().ToString("N")[..6];

        var response = await super.PostFormAsync("/admin/structures", Form(
            ("Input.Name", name), ("Input.ContactEmail", "contact@lilas.test"), ("Input.ContactPhone", "01 23 45 67 89"),
            ("Input.AdminName", "Awa Diallo"), ("Input.AdminEmail", adminEmail)));
        response.ShouldRedirectTo("/admin/structures");
        var list = await super.GetTextAsync("/admin/structures");
        list.ShouldContain($"La structure « {name} » est créée ; une invitation a été envoyée à {adminEmail}.");
        list.ShouldContain(name);

        var structure = await App.DbAsync(null, db => db.Structures.AsNoTracking().SingleAsync(s => s.Name == name));
        structure.IsActive.ShouldBeTrue();
        structure.ContactEmail.ShouldBe("contact@lilas.test");
        var admin = await UserAsync(adminEmail);
        admin.TenantId.ShouldBe(structure.Id);
        admin.PasswordHash.ShouldBeNull("no password before the invitation is accepted");

        await AcceptInvitationAsync(adminEmail, name);
        var adminClient = await App.SignInAsync(adminEmail);
        var me = await adminClient.GetJsonAsync<MeDto>("/api/me");
        me.StructureId.ShouldBe(structure.Id);
        me.Permissions.ShouldContain(PlatformPermissions.Staff);
        (await adminClient.GetAsync("/structure/comptes")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Created_through_the_api_then_renamed_suspended_and_reactivated()
    {
        var super = await SignInSuperAdminAsync();
        var adminEmail = Unique("api");
        var name = "Maison de quartier " + Guid.NewGuid().ToString("N")[..6];

        var created = await super.PostJsonAsync("/api/structures", new { name, adminEmail, adminName = "Louis Martin", contactEmail = (string?)null });
        created.ShouldBe(HttpStatusCode.Created);
        var result = (await created.Content.ReadFromJsonAsync<StructureCreatedDto>())!;
        result.InvitationSent.ShouldBeTrue();
        created.Headers.Location!.OriginalString.ShouldBe($"/api/structures/{result.Id}");
        (await super.GetJsonAsync<StructureDto>($"/api/structures/{result.Id}")).Name.ShouldBe(name);

        await AcceptInvitationAsync(adminEmail, name);
        var adminSession = await App.SignInAsync(adminEmail);
        (await adminSession.GetAsync("/structure/comptes")).ShouldBe(HttpStatusCode.OK);

        // Rename from the page, then from the API.
        var renamed = name + " (rénovée)";
        (await super.PostFormAsync($"/admin/structures/{result.Id}", Form(("Name", renamed), ("ContactEmail", "accueil@quartier.test"), ("ContactPhone", ""))))
            .ShouldRedirectTo($"/admin/structures/{result.Id}");
        var stored = await App.DbAsync(null, db => db.Structures.AsNoTracking().SingleAsync(s => s.Id == result.Id));
        stored.Name.ShouldBe(renamed);
        stored.ContactEmail.ShouldBe("accueil@quartier.test");
        (await super.PutJsonAsync($"/api/structures/{result.Id}", new { name = renamed + " 2", contactEmail = "accueil@quartier.test" }))
            .ShouldBe(HttpStatusCode.NoContent);
        (await super.GetJsonAsync<StructureDto>($"/api/structures/{result.Id}")).Name.ShouldBe(renamed + " 2");

        // Suspend (page): the open session ends on its next request, and signing in is refused.
        (await super.PostFormAsync($"/admin/structures/{result.Id}", Form(), $"/admin/structures/{result.Id}?handler=Suspend"))
            .ShouldRedirectTo($"/admin/structures/{result.Id}");
        (await App.DbAsync(null, db => db.Structures.AsNoTracking().SingleAsync(s => s.Id == result.Id))).IsActive.ShouldBeFalse();
        (await adminSession.GetAsync("/structure/comptes")).ShouldRedirectTo("/connexion");
        (await adminSession.GetAsync("/api/me")).ShouldBe(HttpStatusCode.Unauthorized);
        var refused = await App.CreateTestClient().PostFormAsync("/connexion", Form(("Email", adminEmail), ("Password", AppFactory.Password)));
        refused.ShouldBe(HttpStatusCode.OK);
        (await refused.TextAsync()).ShouldContain("Adresse e-mail ou mot de passe incorrect."); // the same refusal as a wrong password (no enumeration)

        // Reactivate (API): signing in works again.
        (await super.PostJsonAsync($"/api/structures/{result.Id}/reactivate", new { })).ShouldBe(HttpStatusCode.NoContent);
        var back = await App.SignInAsync(adminEmail);
        (await back.GetAsync("/structure/comptes")).ShouldBe(HttpStatusCode.OK);

        // Suspend (API) ends that session too.
        (await super.PostJsonAsync($"/api/structures/{result.Id}/suspend", new { })).ShouldBe(HttpStatusCode.NoContent);
        (await back.GetAsync("/structure/comptes")).ShouldRedirectTo("/connexion");
    }

    [Fact]
    public async Task A_duplicate_admin_email_is_refused_in_French_and_nothing_is_written()
    {
        var super = await SignInSuperAdminAsync();
        var existing = await App.CreateStructureAsync("Existante");
        var structuresBefore = await App.DbAsync(null, db => db.Structures.CountAsync());
        var usersBefore = await App.DbAsync(null, db => db.Users.CountAsync());
        var auditBefore = await App.DbAsync(null, db => db.AuditEntries.CountAsync());
        var name = "Doublon " + Guid.NewGuid().ToString("N")[..6];

        var api = await super.PostJsonAsync("/api/structures", new { name, adminEmail = existing.AdminEmail.ToUpperInvariant(), adminName = "Copie" });
        api.ShouldBe(HttpStatusCode.BadRequest);
        (await api.ProblemTitleAsync()).ShouldBe("Un compte existe déjà avec cette adresse e-mail : choisissez-en une autre pour l'administrateur.");

        var page = await super.PostFormAsync("/admin/structures", Form(("Input.Name", name), ("Input.AdminName", "Copie"), ("Input.AdminEmail", existing.AdminEmail)));
        page.ShouldBe(HttpStatusCode.OK);
        (await page.TextAsync()).ShouldContain("Un compte existe déjà avec cette adresse e-mail");

        (await App.DbAsync(null, db => db.Structures.CountAsync())).ShouldBe(structuresBefore);
        (await App.DbAsync(null, db => db.Structures.AnyAsync(s => s.Name == name))).ShouldBeFalse();
        (await App.DbAsync(null, db => db.Users.CountAsync())).ShouldBe(usersBefore);
        (await App.DbAsync(null, db => db.AuditEntries.CountAsync())).ShouldBe(auditBefore);

        // A duplicate name is refused as well.
        var sameName = await super.PostJsonAsync("/api/structures", new { name = existing.Name, adminEmail = Unique("autre"), adminName = "Autre" });
        sameName.ShouldBe(HttpStatusCode.BadRequest);
        (await sameName.ProblemTitleAsync()).ShouldBe($"Une structure s'appelle déjà « {existing.Name} ».");
        (await App.DbAsync(null, db => db.Structures.CountAsync())).ShouldBe(structuresBefore);
    }

    [Fact]
    public async Task A_structure_admin_is_forbidden_the_structures_pages_and_api()
    {
        var (structure, admin) = await App.StructureWithAdminAsync("Interdite");

        await admin.ShouldBeForbiddenAsync(await admin.GetAsync("/admin/structures"));
        await admin.ShouldBeForbiddenAsync(await admin.GetAsync($"/admin/structures/{structure.Id}"));
        (await admin.GetAsync("/api/structures")).ShouldBe(HttpStatusCode.Forbidden);
        (await admin.GetAsync($"/api/structures/{structure.Id}")).ShouldBe(HttpStatusCode.Forbidden);
        var before = await App.DbAsync(null, db => db.Structures.CountAsync());
        (await admin.PostJsonAsync("/api/structures", new { name = "Pirate", adminEmail = Unique("pirate"), adminName = "Pirate" }))
            .ShouldBe(HttpStatusCode.Forbidden);
        (await admin.PostJsonAsync($"/api/structures/{structure.Id}/suspend", new { })).ShouldBe(HttpStatusCode.Forbidden);
        (await App.DbAsync(null, db => db.Structures.CountAsync())).ShouldBe(before);
        (await App.DbAsync(null, db => db.Structures.AsNoTracking().SingleAsync(s => s.Id == structure.Id))).IsActive.ShouldBeTrue();

        // Anonymous: to the sign-in page, or 401 on the API.
        var anonymous = App.CreateTestClient();
        (await anonymous.GetAsync("/admin/structures")).ShouldRedirectTo("/connexion");
        (await anonymous.GetAsync("/api/structures")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    /// <summary>Follows the invitation's link from the SMTP sink and chooses the password.</summary>
    private async Task AcceptInvitationAsync(string adminEmail, string structureName)
    {
        var message = await MailSink.WaitForAsync(adminEmail);
        (message.Subject ?? "").ShouldContain(structureName);
        var link = new Uri(MailSink.LinkIn(message, "/definir-mot-de-passe")).PathAndQuery;
        link.ShouldStartWith("/definir-mot-de-passe?u=");
        link.ShouldContain("&t=");

        var visitor = App.CreateTestClient();
        (await visitor.PostFormAsync(link, Form(("Password", AppFactory.Password), ("Confirm", AppFactory.Password)))).ShouldRedirectTo("/connexion");
        (await UserAsync(adminEmail)).PasswordHash.ShouldNotBeNull();
    }
}

[Collection(Apps.SqliteMail)]
public sealed class StructureTestsOnSqlite(SqliteMailApp app) : StructureTests(app);

[Collection(Apps.PostgreSqlMail)]
public sealed class StructureTestsOnPostgreSql(PostgreSqlMailApp app) : StructureTests(app);
