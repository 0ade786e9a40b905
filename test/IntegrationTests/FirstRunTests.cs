using System.Net;
using CentresConnectes.IntegrationTests.Infrastructure;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.TestSupport;
using CentresConnectes.Platform.Application;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CentresConnectes.IntegrationTests.Infrastructure.Http;
using static CentresConnectes.TestSupport.TestClient;

namespace CentresConnectes.IntegrationTests;

/// <summary>
/// First run on a fresh install: the one-time setup page. The whole story is one test because it
/// needs the install to be fresh, and the fixture's factory is used by this class only.
/// </summary>
public abstract class FirstRunTests(AppFactory app) : AppTest(app)
{
    private const string Email = "premiere@plateforme.test";

    [Fact]
    public async Task Setup_page_creates_the_super_admin_once_and_refuses_a_common_password_without_writing_anything()
    {
        var visitor = App.CreateTestClient();

        // A fresh install sends everyone to the setup page, which opens only with the console's link.
        (await visitor.GetAsync("/")).ShouldRedirectTo("/installation");
        (await visitor.GetAsync("/connexion")).ShouldRedirectTo("/installation");
        var withoutToken = await visitor.GetAsync("/installation");
        withoutToken.ShouldBe(HttpStatusCode.Forbidden);
        var explanation = await withoutToken.TextAsync();
        explanation.ShouldContain("Ouvrez le lien d'installation affiché par le serveur.");
        explanation.ShouldNotContain("Input.Password");
        (await visitor.GetAsync("/installation?jeton=devine")).ShouldBe(HttpStatusCode.Forbidden);
        var setup = App.SetupLink;
        (await visitor.GetTextAsync(setup)).ShouldContain("Créer le compte super-administrateur");

        // A stranger who posts the form without the token (or with a wrong one) creates nothing.
        var formPage = await visitor.GetPageAsync(setup);
        foreach (var stolen in new[] { "/installation", "/installation?jeton=devine" })
        {
            var post = await visitor.Http.PostAsync(stolen, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = AntiforgeryToken(formPage),
                ["Input.DisplayName"] = "Intrus", ["Input.Email"] = "intrus@plateforme.test",
                ["Input.Password"] = AppFactory.Password, ["Input.Confirm"] = AppFactory.Password, ["Input.PublicUrl"] = "http://localhost",
            }));
            post.ShouldBe(HttpStatusCode.Forbidden, stolen);
        }
        (await App.DbAsync(null, db => db.Users.CountAsync())).ShouldBe(0);

        // A common password is refused, and nothing is half-written.
        var refused = await visitor.PostFormAsync(setup, Form(
            ("Input.DisplayName", "Première Admin"), ("Input.Email", Email), ("Input.Password", "motdepasse1"), ("Input.Confirm", "motdepasse1"),
            ("Input.PublicUrl", "https://centre-social.test")));
        refused.ShouldBe(HttpStatusCode.OK);
        (await refused.TextAsync()).ShouldContain("Ce mot de passe est trop courant");
        (await App.DbAsync(null, db => db.Installations.CountAsync())).ShouldBe(0);
        (await App.DbAsync(null, db => db.Users.CountAsync())).ShouldBe(0);
        (await App.DbAsync(null, db => db.UserRoles.CountAsync())).ShouldBe(0);
        (await App.DbAsync(null, db => db.AuditEntries.CountAsync())).ShouldBe(0);
        (await visitor.GetAsync("/")).ShouldRedirectTo("/installation");

        // Two different passwords are refused too.
        var mismatch = await visitor.PostFormAsync(setup, Form(
            ("Input.DisplayName", "Première Admin"), ("Input.Email", Email), ("Input.Password", AppFactory.Password), ("Input.Confirm", AppFactory.Password + "x"),
            ("Input.PublicUrl", "https://centre-social.test")));
        (await mismatch.TextAsync()).ShouldContain("Les deux mots de passe ne sont pas identiques.");
        (await App.DbAsync(null, db => db.Users.CountAsync())).ShouldBe(0);

        // A good one creates the super-admin and signs them in.
        // A bad public address is refused in French.
        var badAddress = await visitor.PostFormAsync(setup, Form(
            ("Input.DisplayName", "Première Admin"), ("Input.Email", Email), ("Input.Password", AppFactory.Password), ("Input.Confirm", AppFactory.Password),
            ("Input.PublicUrl", "javascript:alert(1)")));
        (await badAddress.TextAsync()).ShouldContain("L'adresse publique doit être une adresse web complète");
        (await App.DbAsync(null, db => db.Users.CountAsync())).ShouldBe(0);

        var created = await visitor.PostFormAsync(setup, Form(
            ("Input.DisplayName", "Première Admin"), ("Input.Email", Email), ("Input.Password", AppFactory.Password), ("Input.Confirm", AppFactory.Password),
            ("Input.PublicUrl", "https://centre-social.test/")));
        created.ShouldRedirectTo("/admin/structures");
        (await visitor.GetAsync("/admin/structures")).ShouldBe(HttpStatusCode.OK);

        (await App.DbAsync(null, db => db.Installations.CountAsync())).ShouldBe(1);
        // No App:PublicUrl in this host: the confirmed address is recorded and links use it.
        (await App.DbAsync(null, db => db.Installations.Select(i => i.PublicUrl).SingleAsync())).ShouldBe("https://centre-social.test");
        App.Services.GetRequiredService<AppUrls>().Absolute("/connexion").ShouldBe("https://centre-social.test/connexion");
        var user = await UserAsync(Email);
        user.TenantId.ShouldBeNull();
        (await App.InScopeAsync(null, sp => sp.GetRequiredService<UserManager<Platform.Domain.AppUser>>().GetRolesAsync(user)))
            .ShouldBe([Roles.SuperAdmin]);

        // Never again: the page is gone, for a visitor and for a post with a valid token.
        var stranger = App.CreateTestClient();
        (await stranger.GetAsync("/installation")).ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetAsync("/")).ShouldRedirectTo("/connexion");
        var second = await stranger.PostFormAsync("/connexion", Form(
            ("Input.DisplayName", "Intrus"), ("Input.Email", "intrus@plateforme.test"), ("Input.Password", AppFactory.Password), ("Input.Confirm", AppFactory.Password)),
            actionUrl: "/installation");
        second.ShouldBe(HttpStatusCode.NotFound);
        (await App.DbAsync(null, db => db.Users.CountAsync())).ShouldBe(1);
        (await App.DbAsync(null, db => db.Installations.CountAsync())).ShouldBe(1);

        // The super-admin signs in normally.
        await App.SignInAsync(Email);

        // From now on the recorded name is the only one served (with localhost, the machine itself).
        var elsewhere = new HttpRequestMessage(HttpMethod.Get, "/connexion");
        elsewhere.Headers.Host = "evil.example";
        (await stranger.Http.SendAsync(elsewhere)).ShouldBe(HttpStatusCode.BadRequest);
        var ours = new HttpRequestMessage(HttpMethod.Get, "/connexion");
        ours.Headers.Host = "centre-social.test";
        (await stranger.Http.SendAsync(ours)).ShouldBe(HttpStatusCode.OK);
    }
}

// The fresh hosts have no App:PublicUrl (see SqliteFreshApp): the setup asks for it.
public sealed class FirstRunTestsOnSqlite(SqliteFreshApp app) : FirstRunTests(app), IClassFixture<SqliteFreshApp>;

public sealed class FirstRunTestsOnPostgreSql(PostgreSqlFreshApp app) : FirstRunTests(app), IClassFixture<PostgreSqlFreshApp>;

/// <summary>Scripted installs: Setup:SuperAdminEmail / Setup:SuperAdminPassword create the account at start-up.</summary>
public abstract class ScriptedSetupTests(AppFactory app) : AppTest(app)
{
    [Fact]
    public async Task The_super_admin_from_configuration_exists_at_start_up_and_the_setup_page_is_gone()
    {
        (await App.DbAsync(null, db => db.Installations.CountAsync())).ShouldBe(1);
        var user = await UserAsync(ScriptedSetupFactory.Email);
        user.DisplayName.ShouldBe(ScriptedSetupFactory.Name);
        user.TenantId.ShouldBeNull();

        var visitor = App.CreateTestClient();
        (await visitor.GetAsync("/installation")).ShouldBe(HttpStatusCode.NotFound);
        (await visitor.GetAsync("/")).ShouldRedirectTo("/connexion");

        var admin = await App.SignInAsync(ScriptedSetupFactory.Email, ScriptedSetupFactory.ScriptedPassword);
        (await admin.GetAsync("/admin/structures")).ShouldBe(HttpStatusCode.OK);
        var me = await admin.GetJsonAsync<MeDto>("/api/me");
        me.IsSuperAdmin.ShouldBeTrue();
        me.StructureId.ShouldBeNull();
    }
}

public sealed class ScriptedSetupTestsOnSqlite(SqliteScriptedSetupApp app) : ScriptedSetupTests(app), IClassFixture<SqliteScriptedSetupApp>;

public sealed class ScriptedSetupTestsOnPostgreSql(PostgreSqlScriptedSetupApp app) : ScriptedSetupTests(app), IClassFixture<PostgreSqlScriptedSetupApp>;
