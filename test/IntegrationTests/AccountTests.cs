using System.Net;
using CentresConnectes.IntegrationTests.Infrastructure;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CentresConnectes.IntegrationTests.Infrastructure.Http;
using static CentresConnectes.TestSupport.TestClient;

namespace CentresConnectes.IntegrationTests;

/// <summary>Sign-in, lockout, password reset by e-mail (through the SMTP sink), password change, sign-out.</summary>
public abstract class AccountTests(AppFactory app) : AppTest(app)
{
    private const string NewPassword = "Une toute nouvelle phrase de passe 2026";

    private async Task<string> StaffAsync()
    {
        var structure = await App.CreateStructureAsync("Comptes");
        return await App.CreateStaffAsync(structure.Id, Roles.Animateur);
    }

    /// <summary>A sign-in from a new browser, at <paramref name="address"/> (default: the test machine's).</summary>
    private async Task<HttpResponseMessage> TrySignInAsync(string email, string password, string? address = null)
    {
        var client = App.CreateTestClient();
        if (address is not null)
            client.Http.DefaultRequestHeaders.Add("X-Test-Client-Address", address);
        return await client.PostFormAsync("/connexion", Form(("Email", email), ("Password", password)));
    }

    [Fact]
    public async Task Five_failed_attempts_lock_the_account_for_their_address_only_and_its_owner_is_told_by_email()
    {
        var email = await StaffAsync();
        const string attacker = "203.0.113.7";

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var failed = await TrySignInAsync(email, "pas le bon mot de passe", attacker);
            failed.ShouldBe(HttpStatusCode.OK);
            (await failed.TextAsync()).ShouldContain(AccountRefusal);
        }

        // Even the right password is refused from that address now, with the same message.
        var right = await TrySignInAsync(email, AppFactory.Password, attacker);
        right.ShouldBe(HttpStatusCode.OK);
        var text = await right.TextAsync();
        text.ShouldContain(AccountRefusal);
        text.ShouldNotContain("verrouillé");

        var userId = (await UserIdAsync(email)).ToString();
        (await App.DbAsync(null, db => db.AuditEntries.AnyAsync(a => a.EntityId == userId && a.Action == "Compte verrouillé"))).ShouldBeTrue();

        // The owner is told, with the address and a way to change the password.
        var mail = await MailSink.WaitForAsync(email, predicate: m => (m.Subject ?? "").Contains("Connexion bloquée"));
        (mail.TextBody ?? "").ShouldContain(attacker);
        MailSink.LinkIn(mail, "/mot-de-passe-oublie").ShouldStartWith("http://localhost/");

        // The stranger did not lock the owner out: from another address the right password works.
        (await TrySignInAsync(email, AppFactory.Password, "198.51.100.20")).ShouldRedirectTo("/");
        // Another account is not affected, even from the attacker's address.
        var other = await StaffAsync();
        (await TrySignInAsync(other, AppFactory.Password, attacker)).ShouldRedirectTo("/");
    }

    private const string AccountRefusal = "Adresse e-mail ou mot de passe incorrect.";

    [Fact]
    public async Task Sign_in_refusals_look_the_same_and_each_costs_one_password_hash()
    {
        var structure = await App.CreateStructureAsync("Énumération");
        var active = await App.CreateStaffAsync(structure.Id, Roles.Animateur);
        var disabled = await App.CreateStaffAsync(structure.Id, Roles.Animateur);
        await App.InScopeAsync(structure.Id, async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Platform.Domain.AppUser>>();
            var user = (await users.FindByEmailAsync(disabled))!;
            user.IsActive = false;
            await users.UpdateAsync(user);
        });
        var locked = await App.CreateStaffAsync(structure.Id, Roles.Animateur);
        for (var i = 0; i < 5; i++)
            await TrySignInAsync(locked, "pour verrouiller " + i);
        var unknown = $"inconnu-{Guid.NewGuid():N}@structure.test";

        // Unknown address, wrong password, disabled account, locked account: one answer.
        var cases = new (string Email, string Password)[]
        {
            (unknown, "essai inconnu " + Guid.NewGuid()),
            (active, "essai faux " + Guid.NewGuid()),
            (disabled, AppFactory.Password + " désactivé " + Guid.NewGuid()),
            (locked, "essai verrouillé " + Guid.NewGuid()),
        };
        var answers = new List<string>();
        foreach (var (email, password) in cases)
        {
            var response = await TrySignInAsync(email, password);
            response.ShouldBe(HttpStatusCode.OK, email);
            answers.Add(Comparable(await response.TextAsync(), email));
            // The hasher ran for each, the unknown address included: the time does not tell them apart.
            App.PasswordHashes.VerificationsOf(password).ShouldBe(1, email);
        }
        answers.ShouldAllBe(a => a == answers[0]);
        answers[0].ShouldContain(AccountRefusal);

        // A disabled account with its right password gets the same answer too.
        var right = await TrySignInAsync(disabled, AppFactory.Password);
        Comparable(await right.TextAsync(), disabled).ShouldBe(answers[0]);
    }

    /// <summary>The page's main element without what differs by construction: the address typed, the form's antiforgery token.</summary>
    private static string Comparable(string html, string email) =>
        System.Text.RegularExpressions.Regex.Replace(MainElement(html).Replace(email, "ADRESSE"), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"", "TOKEN");

    [Fact]
    public async Task A_reset_link_goes_to_the_public_address_whatever_Host_the_request_names()
    {
        var email = await StaffAsync();
        var visitor = App.CreateTestClient();
        var page = await visitor.GetPageAsync("/mot-de-passe-oublie");
        var request = new HttpRequestMessage(HttpMethod.Post, "/mot-de-passe-oublie")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = email, ["__RequestVerificationToken"] = AntiforgeryToken(page) }),
        };
        request.Headers.Host = "evil.example";
        (await visitor.Http.SendAsync(request)).ShouldBe(HttpStatusCode.OK);

        var message = await MailSink.WaitForAsync(email);
        var link = MailSink.LinkIn(message, "/definir-mot-de-passe");
        link.ShouldStartWith("http://localhost/definir-mot-de-passe"); // App:PublicUrl of the test hosts
        (message.TextBody ?? "").ShouldNotContain("evil.example");
    }

    [Fact]
    public async Task Forgot_password_answers_the_same_for_known_and_unknown_addresses_and_mails_only_the_known_one()
    {
        var known = await StaffAsync();
        var unknown = $"inconnu-{Guid.NewGuid():N}@structure.test";

        var forUnknown = await App.CreateTestClient().PostFormAsync("/mot-de-passe-oublie", Form(("Email", unknown)));
        var forKnown = await App.CreateTestClient().PostFormAsync("/mot-de-passe-oublie", Form(("Email", known)));

        forKnown.StatusCode.ShouldBe(HttpStatusCode.OK);
        forUnknown.StatusCode.ShouldBe(forKnown.StatusCode);
        var knownMain = MainElement(await forKnown.TextAsync());
        knownMain.ShouldContain("Si un compte existe avec cette adresse, un e-mail vient d'y être envoyé");
        MainElement(await forUnknown.TextAsync()).ShouldBe(knownMain);

        // The known address got its e-mail (sent off the request path, so the answer time is the same); the unknown, none.
        var message = await MailSink.WaitForAsync(known);
        (message.Subject ?? "").ShouldContain("Réinitialisation de votre mot de passe");
        MailSink.LinkIn(message, "/definir-mot-de-passe").ShouldNotBeNullOrEmpty();
        (await MailSink.ForRecipientAsync(unknown)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_reset_link_works_once()
    {
        var email = await StaffAsync();
        await App.CreateTestClient().PostFormAsync("/mot-de-passe-oublie", Form(("Email", email)));
        var link = await MailLinkAsync(email, "/definir-mot-de-passe");

        var visitor = App.CreateTestClient();
        (await visitor.GetAsync(link)).ShouldBe(HttpStatusCode.OK);
        (await visitor.PostFormAsync(link, Form(("Password", NewPassword), ("Confirm", NewPassword)))).ShouldRedirectTo("/connexion");

        // The used link shows no form any more (issue 11); a replayed post (token from another page) is refused too.
        (await App.CreateTestClient().GetTextAsync(link)).ShouldContain("Ce lien n'est plus valable : demandez-en un nouveau.");
        var again = await App.CreateTestClient().PostFormAsync("/mot-de-passe-oublie", Form(("Password", "Encore une autre phrase 99"), ("Confirm", "Encore une autre phrase 99")), link);
        again.ShouldBe(HttpStatusCode.OK);
        (await again.TextAsync()).ShouldContain("Ce lien n'est plus valable : demandez-en un nouveau.");

        (await TrySignInAsync(email, AppFactory.Password)).ShouldBe(HttpStatusCode.OK); // old password: refused (the page again)
        (await TrySignInAsync(email, "Encore une autre phrase 99")).ShouldBe(HttpStatusCode.OK);
        (await TrySignInAsync(email, NewPassword)).ShouldRedirectTo("/");

        // A forged token is refused as well.
        var userId = await UserIdAsync(email);
        var forged = await App.CreateTestClient().PostFormAsync("/mot-de-passe-oublie", Form(("Password", "Phrase de passe pirate 1"), ("Confirm", "Phrase de passe pirate 1")), $"/definir-mot-de-passe?u={userId}&t=invente");
        (await forged.TextAsync()).ShouldContain("Ce lien n'est plus valable");
    }

    [Fact]
    public async Task The_profile_page_changes_the_password_and_keeps_the_session()
    {
        var email = await StaffAsync();
        var client = await App.SignInAsync(email);

        var wrong = await client.PostFormAsync("/profil", Form(("current", "pas le bon"), ("next", NewPassword)), "/profil?handler=Password");
        wrong.ShouldBe(HttpStatusCode.OK);
        (await wrong.TextAsync()).ShouldContain("Mot de passe incorrect.");

        var common = await client.PostFormAsync("/profil", Form(("current", AppFactory.Password), ("next", "azertyuiop")), "/profil?handler=Password");
        (await common.TextAsync()).ShouldContain("Ce mot de passe est trop courant");
        (await TrySignInAsync(email, AppFactory.Password)).ShouldRedirectTo("/");

        (await client.PostFormAsync("/profil", Form(("current", AppFactory.Password), ("next", NewPassword)), "/profil?handler=Password"))
            .ShouldRedirectTo("/profil");
        (await client.GetTextAsync("/profil")).ShouldContain("Votre mot de passe est changé.");

        (await TrySignInAsync(email, AppFactory.Password)).ShouldBe(HttpStatusCode.OK);
        (await TrySignInAsync(email, NewPassword)).ShouldRedirectTo("/");
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        var email = await StaffAsync();
        var client = await App.SignInAsync(email);
        (await client.GetAsync("/profil")).ShouldBe(HttpStatusCode.OK);

        (await client.PostFormAsync("/profil", Form(), "/deconnexion")).ShouldRedirectTo("/connexion");

        (await client.GetAsync("/profil")).ShouldRedirectTo("/connexion");
        (await client.GetAsync("/api/me")).ShouldBe(HttpStatusCode.Unauthorized);
        var userId = await UserIdAsync(email);
        (await App.DbAsync(null, db => db.AuditEntries.AnyAsync(a => a.UserId == userId && a.Action == "Déconnexion"))).ShouldBeTrue();
    }
}

[Collection(Apps.SqliteMail)]
public sealed class AccountTestsOnSqlite(SqliteMailApp app) : AccountTests(app);

[Collection(Apps.PostgreSqlMail)]
public sealed class AccountTestsOnPostgreSql(PostgreSqlMailApp app) : AccountTests(app);
