using System.Net;
using CentresConnectes.IntegrationTests.Infrastructure;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.TestSupport;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static CentresConnectes.IntegrationTests.Infrastructure.Http;
using static CentresConnectes.TestSupport.TestClient;

namespace CentresConnectes.IntegrationTests;

/// <summary>What every page shares: error pages, FEDER notice, logo link, security headers, antiforgery; and the jobs dashboard.</summary>
public abstract class ShellTests(AppFactory app) : AppTest(app)
{
    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : throw new ShouldAssertException($"{name} is missing on {response.RequestMessage?.RequestUri}");

    private const string FundingNotice = "Ce projet est cofinancé par l'Union Européenne avec le FEDER";

    [Fact]
    public void The_log_goes_to_the_data_folder_at_Serilog_s_levels_with_one_logger_per_category()
    {
        var factory = App.Services.GetRequiredService<ILoggerFactory>();
        // One logger per category, however often it is asked for (authentication handlers ask on every request).
        factory.CreateLogger("CentresConnectes.Sonde").ShouldBeSameAs(factory.CreateLogger("CentresConnectes.Sonde"));
        var framework = factory.CreateLogger("Microsoft.AspNetCore.Sonde");
        framework.IsEnabled(LogLevel.Information).ShouldBeFalse();
        framework.IsEnabled(LogLevel.Warning).ShouldBeTrue();

        var probe = Guid.NewGuid().ToString("N");
        factory.CreateLogger("CentresConnectes.Sonde").LogInformation("Sonde {Probe}", probe);
        var logs = Directory.GetFiles(Path.Combine(App.DataDirectory, "logs"), "app-*.log");
        logs.ShouldNotBeEmpty();
        logs.Any(path =>
        {
            using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
            return reader.ReadToEnd().Contains(probe, StringComparison.Ordinal);
        }).ShouldBeTrue();
    }

    [Fact]
    public async Task The_jobs_dashboard_is_for_the_super_admin_only()
    {
        var super = await SignInSuperAdminAsync();
        var dashboard = await super.GetAsync("/hangfire");
        if (dashboard.StatusCode != HttpStatusCode.OK)
        {
            ((int)dashboard.StatusCode).ShouldBeInRange(301, 302);
            dashboard.Headers.Location!.OriginalString.ShouldStartWith("/hangfire");
            dashboard = await super.GetAsync(dashboard.Headers.Location!.OriginalString);
        }
        dashboard.ShouldBe(HttpStatusCode.OK);
        (await dashboard.Content.ReadAsStringAsync()).ShouldContain("Hangfire");

        var (structure, admin) = await App.StructureWithAdminAsync("Tâches");
        await admin.ShouldBeForbiddenAsync(await admin.GetAsync("/hangfire"));
        await admin.ShouldBeForbiddenAsync(await admin.GetAsync("/hangfire/jobs/enqueued"));
        var staff = await App.SignInAsync(await App.CreateStaffAsync(structure.Id, Roles.Animateur));
        await staff.ShouldBeForbiddenAsync(await staff.GetAsync("/hangfire"));

        var anonymous = App.CreateTestClient();
        (await anonymous.GetAsync("/hangfire")).ShouldRedirectTo("/connexion");
        (await anonymous.GetAsync("/hangfire/jobs/enqueued")).ShouldRedirectTo("/connexion");
    }

    [Fact]
    public async Task The_job_store_is_ready_after_start_up()
    {
        // Hangfire swallows a failed schema set-up (after ~30 s of retries) when its database is
        // missing at start-up: the app must create the database before Hangfire's storage exists.
        var storage = App.Services.GetRequiredService<JobStorage>();
        if (Provider == DatabaseProvider.PostgreSql)
        {
            storage.ShouldBeOfType<PostgreSqlStorage>();
            var tables = await App.DbAsync(null, db => db.Database.SqlQueryRaw<int>(
                "SELECT COUNT(*)::int AS \"Value\" FROM information_schema.tables WHERE table_schema = 'hangfire' AND table_name IN ('job', 'server', 'lock')").SingleAsync());
            tables.ShouldBe(3);
        }
        else
        {
            storage.GetType().Name.ShouldBe("InMemoryStorage");
        }
        storage.GetMonitoringApi().GetStatistics().ShouldNotBeNull();
    }

    [Fact]
    public async Task An_unknown_url_answers_404_with_a_French_page()
    {
        var anonymous = App.CreateTestClient();
        var response = await anonymous.GetAsync("/cette-page-n-existe-pas");
        response.ShouldBe(HttpStatusCode.NotFound);
        var text = await response.TextAsync();
        text.ShouldContain("Page introuvable");
        text.ShouldContain(FundingNotice);
        HasLogoLinkToHome(text).ShouldBeTrue();

        var (_, admin) = await App.StructureWithAdminAsync("Erreurs");
        var signedIn = await admin.GetAsync("/structure/pas-de-page-ici");
        signedIn.ShouldBe(HttpStatusCode.NotFound);
        (await signedIn.TextAsync()).ShouldContain("Page introuvable");
        (await admin.GetAsync($"/structure/comptes/{Guid.NewGuid()}")).ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetAsync($"/api/staff/{Guid.NewGuid()}")).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Every_page_carries_the_FEDER_notice_and_the_logo_link_home()
    {
        var super = await SignInSuperAdminAsync();
        var (structure, admin) = await App.StructureWithAdminAsync("Pages");
        var anonymous = App.CreateTestClient();
        var staffId = await UserIdAsync(structure.AdminEmail);

        var pages = new (TestClient Client, string Url, HttpStatusCode Status)[]
        {
            (anonymous, "/connexion", HttpStatusCode.OK),
            (anonymous, "/mot-de-passe-oublie", HttpStatusCode.OK),
            (anonymous, "/erreur/403", HttpStatusCode.Forbidden),
            (anonymous, "/erreur/500", HttpStatusCode.InternalServerError),
            (admin, "/", HttpStatusCode.OK),
            (admin, "/structure/comptes", HttpStatusCode.OK),
            (admin, $"/structure/comptes/{staffId}", HttpStatusCode.OK),
            (admin, "/structure/journal", HttpStatusCode.OK),
            (admin, "/profil", HttpStatusCode.OK),
            (super, "/", HttpStatusCode.OK),
            (super, "/admin/structures", HttpStatusCode.OK),
            (super, $"/admin/structures/{structure.Id}", HttpStatusCode.OK),
        };
        foreach (var (client, url, status) in pages)
        {
            var response = await client.GetAsync(url);
            response.ShouldBe(status);
            var html = await response.TextAsync();
            html.ShouldContain(FundingNotice, customMessage: url);
            HasLogoLinkToHome(html).ShouldBeTrue($"{url} has no logo link to /");
            html.ShouldContain("<html lang=\"fr\">", customMessage: url);
        }
    }

    [Fact]
    public async Task Security_headers_are_sent_on_pages_and_api()
    {
        var anonymous = App.CreateTestClient();
        foreach (var url in new[] { "/connexion", "/cette-page-n-existe-pas" })
        {
            var response = await anonymous.GetAsync(url);
            Header(response, "X-Content-Type-Options").ShouldBe("nosniff", url);
            Header(response, "X-Frame-Options").ShouldBe("DENY", url);
            var csp = Header(response, "Content-Security-Policy");
            csp.ShouldContain("default-src 'self'");
            csp.ShouldContain("frame-ancestors 'none'");
            csp.ShouldNotContain("unsafe-eval");
            // No inline style either (issue 12, point 10): the one <style> the pages need carries the
            // request's nonce, published to the page (Trix reads it) and new on every request.
            csp.ShouldNotContain("unsafe-inline", customMessage: url);
            var nonce = NonceOf(csp);
            (await response.Content.ReadAsStringAsync()).ShouldContain($"<meta name=\"csp-nonce\" content=\"{nonce}\"", customMessage: url);
            NonceOf(Header(await anonymous.GetAsync(url), "Content-Security-Policy")).ShouldNotBe(nonce, url);
            Header(response, "Referrer-Policy").ShouldBe("same-origin", url);
        }

        var api = await anonymous.GetAsync("/api/me");
        api.ShouldBe(HttpStatusCode.Unauthorized);
        Header(api, "X-Content-Type-Options").ShouldBe("nosniff");

        // The session cookie is not readable by scripts.
        var structure = await App.CreateStructureAsync("Cookies");
        var signIn = await App.CreateTestClient().PostFormAsync("/connexion", Form(("Email", structure.AdminEmail), ("Password", AppFactory.Password)));
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cc.session=", StringComparison.Ordinal));
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("samesite=lax", Case.Insensitive);
    }

    private static string NonceOf(string csp)
    {
        var nonce = System.Text.RegularExpressions.Regex.Match(csp, "style-src 'self' 'nonce-([0-9A-F]+)'").Groups[1].Value;
        nonce.ShouldNotBeNullOrEmpty(csp);
        return nonce;
    }

    [Fact]
    public async Task The_API_reference_and_the_jobs_dashboard_have_a_content_security_policy_too()
    {
        var super = await SignInSuperAdminAsync();
        foreach (var url in new[] { "/scalar/v1", "/hangfire" })
        {
            var response = await super.GetAsync(url);
            response.ShouldBe(HttpStatusCode.OK, url);
            var csp = Header(response, "Content-Security-Policy");
            csp.ShouldContain("default-src 'self'", customMessage: url);
            csp.ShouldContain("frame-ancestors 'none'", customMessage: url);
            csp.ShouldContain("connect-src 'self'", customMessage: url);
            csp.ShouldNotContain("unsafe-eval", customMessage: url);
            csp.ShouldNotContain("https:", customMessage: url);
        }
    }

    [Fact]
    public void The_data_folder_is_readable_by_its_owner_only()
    {
        if (OperatingSystem.IsWindows())
            return;
        File.GetUnixFileMode(App.DataDirectory).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused_with_400()
    {
        var structure = await App.CreateStructureAsync("Antiforgery");

        // Anonymous form: sign-in.
        using var bare = App.CreateBareClient();
        var signIn = await bare.PostAsync("/connexion", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = structure.AdminEmail, ["Password"] = AppFactory.Password,
        }));
        signIn.ShouldBe(HttpStatusCode.BadRequest);
        (signIn.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : []).ShouldNotContain(c => c.StartsWith("cc.session=", StringComparison.Ordinal));

        // Signed-in form: creating a staff account, with a cookie but no token.
        var admin = await App.SignInAsync(structure.AdminEmail);
        var email = $"csrf-{Guid.NewGuid():N}@structure.test";
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Faux", ["Input.Email"] = email, ["Input.Role"] = Roles.Admin,
        });
        var post = await admin.Http.PostAsync("/structure/comptes", form);
        post.ShouldBe(HttpStatusCode.BadRequest);
        (await App.DbAsync(null, db => db.Users.AnyAsync(u => u.Email == email))).ShouldBeFalse();

        // A token from another session does not count either.
        var (_, other) = await App.StructureWithAdminAsync("Autre session");
        var foreignToken = TestClient.AntiforgeryToken(await other.GetPageAsync("/structure/comptes"));
        var forged = await admin.Http.PostAsync("/structure/comptes", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Faux", ["Input.Email"] = email, ["Input.Role"] = Roles.Admin, ["__RequestVerificationToken"] = foreignToken,
        }));
        forged.ShouldBe(HttpStatusCode.BadRequest);
        (await App.DbAsync(null, db => db.Users.AnyAsync(u => u.Email == email))).ShouldBeFalse();

        // The same form with its token works (the refusal above was the token's, not the form's).
        (await admin.PostFormAsync("/structure/comptes", Form(("Input.DisplayName", "Vrai"), ("Input.Email", email), ("Input.Role", Roles.Animateur))))
            .ShouldRedirectTo("/structure/comptes");
        (await App.DbAsync(null, db => db.Users.AnyAsync(u => u.Email == email))).ShouldBeTrue();
    }
}

[Collection(Apps.Sqlite)]
public sealed class ShellTestsOnSqlite(SqliteApp app) : ShellTests(app);

[Collection(Apps.PostgreSql)]
public sealed class ShellTestsOnPostgreSql(PostgreSqlApp app) : ShellTests(app);
