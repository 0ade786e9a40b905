using System.Net;
using CentresConnectes.IntegrationTests.Infrastructure;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.TestSupport;
using Microsoft.EntityFrameworkCore;
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

    private async Task<HttpResponseMessage> TrySignInAsync(string email, string password) =>
        await App.CreateTestClient().PostFormAsync("/connexion", Form(("Email", email), ("Password", password)));

    [Fact]
    public async Task Five_failed_attempts_lock_the_account_with_a_French_message()
    {
        var email = await StaffAsync();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var failed = await TrySignInAsync(email, "pas le bon mot de passe");
            failed.ShouldBe(HttpStatusCode.OK);
            (await failed.TextAsync()).ShouldContain("Adresse e-mail ou mot de passe incorrect.");
        }
        var fifth = await TrySignInAsync(email, "pas le bon mot de passe");
        (await fifth.TextAsync()).ShouldContain("Trop d'essais infructueux : le compte est verrouillé pendant 15 minutes.");

        // Even the right password is refused now.
        var right = await TrySignInAsync(email, AppFactory.Password);
        right.ShouldBe(HttpStatusCode.OK);
        (await right.TextAsync()).ShouldContain("le compte est verrouillé");
        (await UserAsync(email)).LockoutEnd.ShouldNotBeNull().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(10));

        var userId = (await UserIdAsync(email)).ToString();
        (await App.DbAsync(null, db => db.AuditEntries.AnyAsync(a => a.EntityId == userId && a.Action == "Compte verrouillé"))).ShouldBeTrue();

        // Another account is not affected.
        var other = await StaffAsync();
        (await TrySignInAsync(other, AppFactory.Password)).ShouldRedirectTo("/");
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

        // The known address got its e-mail (sent in the request, before the answer); the unknown, none.
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
