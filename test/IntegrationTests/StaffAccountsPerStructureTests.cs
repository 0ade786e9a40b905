using System.Net;
using CentresConnectes.IntegrationTests.Infrastructure;
using CentresConnectes.Platform.Application;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CentresConnectes.IntegrationTests.Infrastructure.Http;
using static CentresConnectes.TestSupport.TestClient;

namespace CentresConnectes.IntegrationTests;

/// <summary>
/// Issue 12: one address may have a staff account in several structures (ADR 0020). Inviting it tells
/// the inviter nothing about the other structures; the password says which structure the owner enters.
/// </summary>
public abstract class StaffAccountsPerStructureTests(AppFactory app) : AppTest(app)
{
    private const string SecondPassword = "Une autre phrase pour la seconde structure 7";
    private const string SamePasswordRefused = "Ce mot de passe est déjà celui de votre compte dans une autre structure : choisissez-en un autre, c'est lui qui vous fera entrer dans cette structure-ci.";

    private static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@structure.test";

    /// <summary>A sign-in from a new browser, at <paramref name="address"/> (default: the test machine's).</summary>
    private async Task<HttpResponseMessage> TrySignInAsync(string email, string password, string? address = null)
    {
        var client = App.CreateTestClient();
        if (address is not null)
            client.Http.DefaultRequestHeaders.Add("X-Test-Client-Address", address);
        return await client.PostFormAsync("/connexion", Form(("Email", email), ("Password", password)));
    }

    /// <summary>What the page says after inviting <paramref name="email"/>, the address replaced so two answers compare.</summary>
    private static async Task<(HttpStatusCode Status, string? Location, string Main)> InviteFromPageAsync(TestClient admin, string email)
    {
        var posted = await admin.PostFormAsync("/structure/comptes", Form(("Input.DisplayName", "Même Nom"), ("Input.Email", email), ("Input.Role", Roles.Animateur)));
        var main = MainElement(await admin.GetTextAsync("/structure/comptes"));
        return (posted.StatusCode, posted.Headers.Location?.OriginalString, main);
    }

    private static async Task<(HttpStatusCode Status, string Body)> InviteFromApiAsync(TestClient admin, string email)
    {
        var created = await admin.PostJsonAsync("/api/staff", new { email, displayName = "Même Nom", role = Roles.Animateur });
        var dto = await created.Content.ReadFromJsonAsync<StaffCreatedDto>();
        return (created.StatusCode, $"InvitationSent={dto?.InvitationSent}");
    }

    [Fact]
    public async Task Inviting_an_address_of_another_structure_answers_as_for_a_new_one_and_the_password_says_which_structure()
    {
        var a = await App.CreateStructureAsync("Une adresse A");
        var b = await App.CreateStructureAsync("Une adresse B");
        var shared = await App.CreateStaffAsync(b.Id, Roles.TravailleurSocial);
        var sharedFromApi = await App.CreateStaffAsync(b.Id, Roles.TravailleurSocial);
        var admin = await App.SignInAsync(a.AdminEmail);

        // The page: same status, same redirect, same flash and list row as for a brand-new address.
        var fresh = NewEmail("neuve");
        var forFresh = await InviteFromPageAsync(admin, fresh);
        var forShared = await InviteFromPageAsync(admin, shared);
        forFresh.Status.ShouldBe(HttpStatusCode.Redirect);
        forShared.Status.ShouldBe(forFresh.Status);
        forShared.Location.ShouldBe(forFresh.Location);
        forFresh.Main.ShouldContain($"une invitation a été envoyée à {fresh}.");
        forShared.Main.ShouldContain($"une invitation a été envoyée à {shared}.");

        // The API: same status and body.
        var freshFromApi = NewEmail("neuve-api");
        var apiForFresh = await InviteFromApiAsync(admin, freshFromApi);
        var apiForShared = await InviteFromApiAsync(admin, sharedFromApi);
        apiForFresh.ShouldBe((HttpStatusCode.Created, "InvitationSent=True"));
        apiForShared.ShouldBe(apiForFresh);

        // The super-admin's address is an account like the others.
        var superEmail = await App.EnsureSuperAdminAsync();
        (await InviteFromApiAsync(admin, superEmail)).ShouldBe(apiForFresh);

        var staff = await admin.GetJsonAsync<List<StaffDto>>("/api/staff");
        foreach (var invited in new[] { fresh, shared, freshFromApi, sharedFromApi, superEmail })
            staff.ShouldContain(s => s.Email == invited && s.DisplayName == "Même Nom" && s.Role == Roles.Animateur && s.IsActive && !s.HasPassword);
        var listPage = await admin.GetTextAsync("/structure/comptes");
        listPage.ShouldContain(shared);
        listPage.ShouldContain(fresh);
        // Only within the structure is the address taken.
        var again = await admin.PostJsonAsync("/api/staff", new { email = shared, displayName = "Copie", role = Roles.Animateur });
        again.ShouldBe(HttpStatusCode.BadRequest);
        (await again.ProblemTitleAsync()).ShouldBe("Un compte existe déjà avec cette adresse e-mail dans votre structure.");

        // The owner gets A's invitation, which tells them (them only) of the other account.
        var invitation = await MailSink.WaitForAsync(shared, predicate: m => (m.Subject ?? "").Contains(a.Name));
        (invitation.TextBody ?? "").ShouldContain("Cette adresse a déjà un compte dans une autre structure");
        (await MailSink.WaitForAsync(fresh, predicate: m => (m.Subject ?? "").Contains(a.Name))).TextBody!.ShouldNotContain("autre structure");
        var link = new Uri(MailSink.LinkIn(invitation, "/definir-mot-de-passe")).PathAndQuery;

        // B's password is refused, in French; another one is taken.
        var visitor = App.CreateTestClient();
        var same = await visitor.PostFormAsync(link, Form(("Password", AppFactory.Password), ("Confirm", AppFactory.Password)));
        same.ShouldBe(HttpStatusCode.OK);
        (await same.TextAsync()).ShouldContain(SamePasswordRefused);
        (await visitor.PostFormAsync(link, Form(("Password", SecondPassword), ("Confirm", SecondPassword)))).ShouldRedirectTo("/connexion");

        // Each password enters its structure, and each session sees only that one.
        var inB = await App.SignInAsync(shared, AppFactory.Password);
        var inA = await App.SignInAsync(shared, SecondPassword);
        var meB = await inB.GetJsonAsync<MeDto>("/api/me");
        var meA = await inA.GetJsonAsync<MeDto>("/api/me");
        meB.StructureId.ShouldBe(b.Id);
        meA.StructureId.ShouldBe(a.Id);
        meA.Email.ShouldBe(shared);
        meB.Email.ShouldBe(shared);
        meA.Id.ShouldNotBe(meB.Id);
        // Made an admin of A, the account lists A's accounts, never B's.
        (await admin.PutJsonAsync($"/api/staff/{meA.Id}/role", new { role = Roles.Admin })).ShouldBe(HttpStatusCode.NoContent);
        var adminInA = await App.SignInAsync(shared, SecondPassword);
        var seen = await adminInA.GetJsonAsync<List<StaffDto>>("/api/staff");
        seen.ShouldContain(s => s.Id == meA.Id);
        seen.ShouldNotContain(s => s.Id == meB.Id);

        // A's audit shows the address of its account (signed in, then signed out through the name claim),
        // never the technical user name that would tell the address has an account elsewhere.
        (await adminInA.PostFormAsync("/profil", Form(), "/deconnexion")).ShouldRedirectTo("/connexion");
        var idInA = meA.Id;
        var auditInA = await App.DbAsync(a.Id, db => db.AuditEntries.Where(e => e.UserId == idInA).Select(e => new { e.UserName, e.Action }).ToListAsync());
        auditInA.ShouldContain(e => e.Action == "Connexion");
        auditInA.ShouldContain(e => e.Action == "Déconnexion");
        auditInA.ShouldAllBe(e => e.UserName == shared);

        // Any other password, or an unknown address, gets the one refusal.
        foreach (var (email, password) in new[] { (shared, "pas le bon mot de passe"), (NewEmail("inconnue"), SecondPassword) })
        {
            var refused = await TrySignInAsync(email, password);
            refused.ShouldBe(HttpStatusCode.OK);
            (await refused.TextAsync()).ShouldContain(AccountService.SignInRefused);
        }
    }

    [Fact]
    public async Task Forgot_password_sends_one_link_per_structure_and_no_account_takes_the_password_of_another()
    {
        var a = await App.CreateStructureAsync("Oubli A");
        var b = await App.CreateStructureAsync("Oubli B");
        var shared = await App.CreateStaffAsync(a.Id, Roles.Animateur);
        await App.CreateStaffAsync(b.Id, Roles.Animateur, shared, SecondPassword);
        var idInA = await App.DbAsync(null, db => db.Users.Where(u => u.TenantId == a.Id && u.NormalizedEmail == shared.ToUpperInvariant()).Select(u => u.Id).SingleAsync());
        var idInB = await App.DbAsync(null, db => db.Users.Where(u => u.TenantId == b.Id && u.NormalizedEmail == shared.ToUpperInvariant()).Select(u => u.Id).SingleAsync());

        (await App.CreateTestClient().PostFormAsync("/mot-de-passe-oublie", Form(("Email", shared)))).ShouldBe(HttpStatusCode.OK);
        var forA = await MailSink.WaitForAsync(shared, predicate: m => (m.TextBody ?? "").Contains($"« {a.Name} »"));
        var forB = await MailSink.WaitForAsync(shared, predicate: m => (m.TextBody ?? "").Contains($"« {b.Name} »"));
        (await MailSink.ForRecipientAsync(shared)).Count.ShouldBe(2);
        MailSink.LinkIn(forA, "/definir-mot-de-passe").ShouldContain($"u={idInA}");
        MailSink.LinkIn(forB, "/definir-mot-de-passe").ShouldContain($"u={idInB}");

        // A reset to the other structure's password is refused; so is a change on « Mon profil ».
        var visitor = App.CreateTestClient();
        var resetLink = new Uri(MailSink.LinkIn(forA, "/definir-mot-de-passe")).PathAndQuery;
        (await (await visitor.PostFormAsync(resetLink, Form(("Password", SecondPassword), ("Confirm", SecondPassword)))).TextAsync()).ShouldContain(SamePasswordRefused);
        var inA = await App.SignInAsync(shared, AppFactory.Password);
        var change = await inA.PostFormAsync("/profil", Form(("current", AppFactory.Password), ("next", SecondPassword)), "/profil?handler=Password");
        change.ShouldBe(HttpStatusCode.OK);
        (await change.TextAsync()).ShouldContain(SamePasswordRefused);
        (await inA.GetJsonAsync<MeDto>("/api/me")).StructureId.ShouldBe(a.Id);
        (await (await App.SignInAsync(shared, SecondPassword)).GetJsonAsync<MeDto>("/api/me")).StructureId.ShouldBe(b.Id);
    }

    [Fact]
    public async Task Failed_attempts_on_an_address_of_two_structures_lock_each_account_for_that_source_only()
    {
        var a = await App.CreateStructureAsync("Verrou A");
        var b = await App.CreateStructureAsync("Verrou B");
        var shared = await App.CreateStaffAsync(a.Id, Roles.Animateur);
        await App.CreateStaffAsync(b.Id, Roles.Animateur, shared, SecondPassword);
        const string attacker = "203.0.113.77";

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var failed = await TrySignInAsync(shared, "pas le bon mot de passe", attacker);
            (await failed.TextAsync()).ShouldContain(AccountService.SignInRefused);
        }

        // From the attacker's address neither password enters, with the same message; from another, each enters its structure.
        foreach (var password in new[] { AppFactory.Password, SecondPassword })
            (await (await TrySignInAsync(shared, password, attacker)).TextAsync()).ShouldContain(AccountService.SignInRefused);
        (await App.DbAsync(null, db => db.AuditEntries.CountAsync(e => e.Action == "Compte verrouillé" && e.Details == $"Adresse {attacker}"))).ShouldBe(2);
        (await (await App.SignInAsync(shared, AppFactory.Password)).GetJsonAsync<MeDto>("/api/me")).StructureId.ShouldBe(a.Id);
        (await (await App.SignInAsync(shared, SecondPassword)).GetJsonAsync<MeDto>("/api/me")).StructureId.ShouldBe(b.Id);
    }

    /// <summary>Two invitations of one address at the same instant pass the service's check together: the database keeps one.</summary>
    [Fact]
    public async Task An_address_has_at_most_one_account_per_structure_even_past_the_services_check()
    {
        var a = await App.CreateStructureAsync("Index A");
        var b = await App.CreateStructureAsync("Index B");
        var shared = await App.CreateStaffAsync(a.Id, Roles.Animateur);
        await App.CreateStaffAsync(b.Id, Roles.Animateur, shared, SecondPassword); // another structure: allowed

        // CreateStaffAsync goes straight to Identity, as the second of two racing invitations would.
        var again = await Should.ThrowAsync<DbUpdateException>(() => App.CreateStaffAsync(a.Id, Roles.TravailleurSocial, shared, "Encore une autre phrase 12"));
        CentresConnectes.Platform.Infrastructure.UniqueViolation.Is(again).ShouldBeTrue();
        (await App.DbAsync(null, db => db.Users.CountAsync(u => u.Email == shared))).ShouldBe(2);
    }
}

[Collection(Apps.SqliteMail)]
public sealed class StaffAccountsPerStructureTestsOnSqlite(SqliteMailApp app) : StaffAccountsPerStructureTests(app);

[Collection(Apps.PostgreSqlMail)]
public sealed class StaffAccountsPerStructureTestsOnPostgreSql(PostgreSqlMailApp app) : StaffAccountsPerStructureTests(app);
