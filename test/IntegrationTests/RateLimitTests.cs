using System.Net;
using System.Net.Http.Json;
using CentresConnectes.IntegrationTests.Infrastructure;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.TestSupport;
using static CentresConnectes.IntegrationTests.Infrastructure.Http;
using static CentresConnectes.TestSupport.TestClient;

namespace CentresConnectes.IntegrationTests;

/// <summary>
/// The production limits (the shared hosts lift them): per client address, unsafe requests only,
/// a French 429. The limiter is in memory and the same on both providers, so one host (SQLite) is enough.
/// </summary>
public sealed class RateLimitTests(RateLimitTests.DefaultLimitsApp app) : AppTest(app), IClassFixture<RateLimitTests.DefaultLimitsApp>
{
    /// <summary>An app with the default limits of RateLimitSettings (10 sign-ins, 5 reset requests, 20 bad API keys a minute).</summary>
    public sealed class DefaultLimitsApp() : AppFactory(DatabaseProvider.Sqlite)
    {
        protected override bool LiftRateLimits => false;
    }

    private TestClient ClientAt(string address)
    {
        var client = App.CreateTestClient();
        client.Http.DefaultRequestHeaders.Add("X-Test-Client-Address", address);
        return client;
    }

    [Fact]
    public async Task Kiosk_sign_in_attempts_are_limited_too()
    {
        // Counted before the page runs (these attempts come from no enrolled kiosk and are refused anyway).
        var client = ClientAt("192.0.2.31");
        var limit = new CentresConnectes.Platform.Infrastructure.Security.RateLimitSettings().KioskSignInPerMinute;
        // Posted as a script would (no kiosk page to take a form from): the limiter counts before anything else.
        Task<HttpResponseMessage> AttemptAsync(int i) => client.Http.PostAsync("/ludotheque/borne",
            new FormUrlEncodedContent([new("Identifiant", $"famille{i}"), new("Password", "essai")]));
        for (var i = 1; i <= limit; i++)
            (await AttemptAsync(i)).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests, $"attempt {i}");
        (await AttemptAsync(0)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await client.GetAsync("/ludotheque/borne")).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
    }

    [Theory]
    [InlineData("/ludotheque/borne/inscription", "192.0.2.32")]
    [InlineData("/ludotheque/borne/membres", "192.0.2.33")]
    public async Task Kiosk_self_registration_and_member_edits_are_limited_like_the_sign_in(string page, string address)
    {
        // « Inscription d'une nouvelle famille » tells whether an e-mail is taken: the same per-client limit as the sign-in.
        var client = ClientAt(address);
        var limit = new CentresConnectes.Platform.Infrastructure.Security.RateLimitSettings().KioskSignInPerMinute;
        Task<HttpResponseMessage> AttemptAsync(int i) => client.Http.PostAsync(page,
            new FormUrlEncodedContent([new("Input.Email", $"famille{i}@exemple.fr"), new("Input.Password", "essai")]));
        for (var i = 1; i <= limit; i++)
            (await AttemptAsync(i)).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests, $"attempt {i}");
        (await AttemptAsync(0)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task The_eleventh_sign_in_in_a_minute_from_one_address_gets_a_French_429_page()
    {
        var structure = await App.CreateStructureAsync("Limite connexion");
        var client = ClientAt("192.0.2.11");
        for (var i = 1; i <= 10; i++)
            (await client.PostFormAsync("/connexion", Form(("Email", $"x{i}@inconnu.test"), ("Password", "essai")))).ShouldBe(HttpStatusCode.OK, $"attempt {i}");

        var refused = await client.PostFormAsync("/connexion", Form(("Email", structure.AdminEmail), ("Password", AppFactory.Password)));
        refused.ShouldBe(HttpStatusCode.TooManyRequests);
        var page = await refused.TextAsync();
        page.ShouldContain("Trop de tentatives en peu de temps. Patientez une minute, puis réessayez.");
        page.ShouldContain("Ce projet est cofinancé par l'Union Européenne avec le FEDER");
        // Showing the form stays free, and another address is not concerned.
        (await client.GetAsync("/connexion")).ShouldBe(HttpStatusCode.OK);
        (await ClientAt("192.0.2.12").PostFormAsync("/connexion", Form(("Email", structure.AdminEmail), ("Password", AppFactory.Password))))
            .ShouldRedirectTo("/");
    }

    [Fact]
    public async Task Password_reset_requests_and_set_password_posts_are_limited_per_address()
    {
        var client = ClientAt("192.0.2.21");
        for (var i = 1; i <= 5; i++)
            (await client.PostFormAsync("/mot-de-passe-oublie", Form(("Email", $"r{i}@inconnu.test")))).ShouldBe(HttpStatusCode.OK, $"request {i}");
        (await client.PostFormAsync("/mot-de-passe-oublie", Form(("Email", "r6@inconnu.test")))).ShouldBe(HttpStatusCode.TooManyRequests);

        var setter = ClientAt("192.0.2.22");
        // A made-up link shows no form (the page checks the link first): the posts come as a script would send them.
        var link = $"/definir-mot-de-passe?u={Guid.NewGuid()}&t=invente";
        Task<HttpResponseMessage> PostAsync() => setter.Http.PostAsync(link,
            new FormUrlEncodedContent([new("Password", "Une phrase quelconque 1"), new("Confirm", "Une phrase quelconque 1")]));
        for (var i = 1; i <= 10; i++)
            (await PostAsync()).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests, $"post {i}");
        (await PostAsync()).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Guessing_API_keys_is_cut_short_with_a_French_problem()
    {
        using var guesser = App.CreateBareClient();
        guesser.DefaultRequestHeaders.Add("X-Test-Client-Address", "192.0.2.31");
        for (var i = 1; i <= 20; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
            request.Headers.Add("X-Api-Key", $"cc_{i:D8}_devine");
            (await guesser.SendAsync(request)).ShouldBe(HttpStatusCode.Unauthorized, $"guess {i}");
        }
        using var last = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        last.Headers.Add("X-Api-Key", "cc_00000021_devine");
        var refused = await guesser.SendAsync(last);
        refused.ShouldBe(HttpStatusCode.TooManyRequests);
        (await refused.ProblemTitleAsync()).ShouldBe("Trop de tentatives en peu de temps. Patientez une minute, puis réessayez.");
    }
}
