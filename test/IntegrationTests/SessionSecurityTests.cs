using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CentresConnectes.IntegrationTests.Infrastructure;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.TestSupport;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CentresConnectes.IntegrationTests.Infrastructure.Http;

namespace CentresConnectes.IntegrationTests;

/// <summary>
/// Sessions and cross-site requests: absolute lifetime, __Host- cookie and HSTS over HTTPS, the
/// antiforgery header on cookie-authenticated API writes, the closed-by-default authorization,
/// API keys' expiry.
/// </summary>
public abstract class SessionSecurityTests(AppFactory app) : AppTest(app)
{
    [Fact]
    public async Task A_session_ends_twelve_hours_after_sign_in_however_active()
    {
        var structure = await App.CreateStructureAsync("Durée de session");
        var client = await App.SignInAsync(structure.AdminEmail);
        try
        {
            // Active every three hours: the sliding (idle) expiry never comes, the absolute one does.
            for (var hours = 3; hours <= 9; hours += 3)
            {
                App.Clock.Advance(TimeSpan.FromHours(3));
                (await client.GetAsync("/profil")).ShouldBe(HttpStatusCode.OK, $"after {hours} h");
            }
            App.Clock.Advance(TimeSpan.FromHours(3.2));
            (await client.GetAsync("/profil")).ShouldRedirectTo("/connexion");
            (await client.GetAsync("/api/me")).ShouldBe(HttpStatusCode.Unauthorized);
        }
        finally
        {
            App.Clock.Reset();
        }
        // Signing in again starts a new session.
        (await (await App.SignInAsync(structure.AdminEmail)).GetAsync("/profil")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Over_HTTPS_the_session_cookie_is_Host_prefixed_and_Secure_and_HSTS_is_sent()
    {
        var structure = await App.CreateStructureAsync("Cookie sécurisé");
        var https = new TestClient(App.CreateDefaultClient(new Uri("https://centre.test"), new AntiforgeryHeaderHandler(), new CookieContainerHandler()));
        var signIn = await https.PostFormAsync("/connexion", TestClient.Form(("Email", structure.AdminEmail), ("Password", AppFactory.Password)));
        signIn.ShouldRedirectTo("/");
        var session = signIn.Headers.GetValues("Set-Cookie").Single(c => c.Contains("cc.session", StringComparison.Ordinal));
        session.ShouldStartWith("__Host-cc.session=");
        session.ShouldContain("secure", Case.Insensitive);
        session.ShouldContain("path=/", Case.Insensitive);
        session.ShouldNotContain("domain=", Case.Insensitive);
        session.ShouldContain("httponly", Case.Insensitive);
        (await https.GetAsync("/profil")).ShouldBe(HttpStatusCode.OK);
        var hsts = (await https.GetAsync("/connexion")).Headers.GetValues("Strict-Transport-Security").Single();
        hsts.ShouldContain("max-age=31536000");

        // Over plain HTTP (a local install on http://localhost) the name stays plain: a browser drops a __Host- cookie there.
        var http = App.CreateTestClient();
        var plain = await http.PostFormAsync("/connexion", TestClient.Form(("Email", structure.AdminEmail), ("Password", AppFactory.Password)));
        plain.Headers.GetValues("Set-Cookie").Single(c => c.Contains("cc.session", StringComparison.Ordinal)).ShouldStartWith("cc.session=");
        (await http.GetAsync("/connexion")).Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }

    [Fact]
    public async Task A_cross_site_post_to_the_API_with_the_session_cookie_is_refused_but_the_page_header_and_API_keys_pass()
    {
        var (structure, animateur, _) = await StructureWithStaffAsync("CSRF");
        var animateurId = await UserIdAsync(animateur);
        var admin = await App.SignInAsync(structure.AdminEmail);

        // What a form on another site makes the browser send: the cookie, no antiforgery header.
        foreach (var body in new HttpContent[] { JsonContent.Create(new { }), new FormUrlEncodedContent(new Dictionary<string, string>()), new StringContent("") })
        {
            var forged = new HttpRequestMessage(HttpMethod.Post, $"/api/staff/{animateurId}/disable") { Content = body };
            forged.Options.Set(AntiforgeryHeaderHandler.WithoutAntiforgery, true);
            var refused = await admin.Http.SendAsync(forged);
            refused.ShouldBe(HttpStatusCode.BadRequest, body.GetType().Name);
            (await refused.ProblemTitleAsync()).ShouldStartWith("Requête refusée : le jeton anti-falsification est absent ou invalide.");
        }
        var deleteWithoutHeader = new HttpRequestMessage(HttpMethod.Delete, $"/api/me/api-keys/{Guid.NewGuid()}");
        deleteWithoutHeader.Options.Set(AntiforgeryHeaderHandler.WithoutAntiforgery, true);
        (await admin.Http.SendAsync(deleteWithoutHeader)).ShouldBe(HttpStatusCode.BadRequest);
        (await UserAsync(animateur)).IsActive.ShouldBeTrue();

        // A token of another session does not pass either.
        var otherToken = TestClient.AntiforgeryToken(await App.CreateTestClient().GetPageAsync("/connexion"));
        var stolen = new HttpRequestMessage(HttpMethod.Post, $"/api/staff/{animateurId}/disable") { Content = JsonContent.Create(new { }) };
        stolen.Headers.Add(AntiforgeryHeaderHandler.Header, otherToken);
        (await admin.Http.SendAsync(stolen)).ShouldBe(HttpStatusCode.BadRequest);
        (await UserAsync(animateur)).IsActive.ShouldBeTrue();

        // The page's own token (what htmx sends) passes.
        (await admin.PostJsonAsync($"/api/staff/{animateurId}/disable", new { })).ShouldBe(HttpStatusCode.NoContent);
        (await UserAsync(animateur)).IsActive.ShouldBeFalse();

        // An API key is no ambient credential: no header needed.
        var key = (await (await admin.PostJsonAsync("/api/me/api-keys", new { name = "Intégration CSRF" })).Content.ReadFromJsonAsync<ApiKeyCreatedDto>())!.Key;
        using var integration = App.CreateBareClient();
        integration.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        (await integration.PostAsJsonAsync($"/api/staff/{animateurId}/enable", new { })).ShouldBe(HttpStatusCode.NoContent);
        (await UserAsync(animateur)).IsActive.ShouldBeTrue();
    }

    [Fact]
    public async Task Authorization_is_closed_by_default_and_the_anonymous_pages_are_the_listed_ones()
    {
        var fallback = await App.Services.GetRequiredService<IAuthorizationPolicyProvider>().GetFallbackPolicyAsync();
        fallback.ShouldNotBeNull("an endpoint without attribute must require a signed-in user");
        fallback.Requirements.ShouldContain(r => r is Microsoft.AspNetCore.Authorization.Infrastructure.DenyAnonymousAuthorizationRequirement);

        // The anonymous pages still open without an account (explicitly [AllowAnonymous]).
        var anonymous = App.CreateTestClient();
        foreach (var page in new[] { "/connexion", "/mot-de-passe-oublie", "/erreur/404" })
            (await anonymous.GetAsync(page)).ShouldBe(page == "/erreur/404" ? HttpStatusCode.NotFound : HttpStatusCode.OK, page);
        (await anonymous.GetAsync("/css/site.css")).ShouldBe(HttpStatusCode.OK, "static files");
        (await anonymous.GetAsync("/profil")).ShouldRedirectTo("/connexion");
    }

    [Fact]
    public async Task An_API_key_may_expire_and_its_last_use_shows_on_the_profile()
    {
        var structure = await App.CreateStructureAsync("Clé expirante");
        var admin = await App.SignInAsync(structure.AdminEmail);
        var created = await admin.PostJsonAsync("/api/me/api-keys", new { name = "Trente jours", expiresInDays = 30 });
        created.ShouldBe(HttpStatusCode.OK);
        var key = (await created.Content.ReadFromJsonAsync<ApiKeyCreatedDto>())!.Key;
        (await admin.PostJsonAsync("/api/me/api-keys", new { name = "Trop longue", expiresInDays = 5000 })).ShouldBe(HttpStatusCode.BadRequest);

        using var integration = App.CreateBareClient();
        integration.DefaultRequestHeaders.Add("X-Api-Key", key);
        (await integration.GetAsync("/api/staff")).ShouldBe(HttpStatusCode.OK);
        var profile = await admin.GetTextAsync("/profil");
        profile.ShouldContain("Trente jours");
        profile.ShouldContain(ParisDate(DateTime.UtcNow.AddDays(30)));   // expiry
        profile.ShouldContain(ParisDate(DateTime.UtcNow) + " ");          // last use, date and time

        try
        {
            App.Clock.Advance(TimeSpan.FromDays(31));
            (await integration.GetAsync("/api/staff")).ShouldBe(HttpStatusCode.Unauthorized);
        }
        finally
        {
            App.Clock.Reset();
        }
    }

    private static string ParisDate(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).ToString("dd/MM/yyyy");
}

[Collection(Apps.Sqlite)]
public sealed class SessionSecurityTestsOnSqlite(SqliteApp app) : SessionSecurityTests(app);

[Collection(Apps.PostgreSql)]
public sealed class SessionSecurityTestsOnPostgreSql(PostgreSqlApp app) : SessionSecurityTests(app);
