using System.Net;
using CentresConnectes.IntegrationTests.Infrastructure;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.TestSupport;
using static CentresConnectes.IntegrationTests.Infrastructure.Http;
using static CentresConnectes.TestSupport.TestClient;

namespace CentresConnectes.IntegrationTests;

/// <summary>
/// Issue 11, points 8 and 9: the invitation names the address to sign in with, the link is checked
/// before the form is shown (a used one offers « Se connecter » / « Mot de passe oublié ? »), the
/// sign-in page comes pre-filled; the staff form explains each role; home cards promise only what
/// the user may do.
/// </summary>
public abstract class InvitationLinkTests(AppFactory app) : AppTest(app)
{
    private const string NewPassword = "Une phrase de passe pour Nadia 2026";

    [Fact]
    public async Task An_invitation_names_the_address_and_its_link_is_checked_before_the_form()
    {
        var (_, admin) = await App.StructureWithAdminAsync("Invitation claire");
        var staffForm = await admin.GetTextAsync("/structure/comptes");
        staffForm.ShouldContain("ne voit ni les données sociales (minima sociaux, quotient familial, groupes sensibles) ni les notes de suivi");
        staffForm.ShouldContain(Roles.Description(Roles.TravailleurSocial));
        staffForm.ShouldContain(Roles.Description(Roles.Admin));

        var email = $"nadia-{Guid.NewGuid():N}@structure.test";
        (await admin.PostFormAsync("/structure/comptes", Form(("Input.DisplayName", "Nadia Benali"), ("Input.Email", email), ("Input.Role", Roles.Animateur))))
            .ShouldRedirectTo("/structure/comptes");
        var message = await MailSink.WaitForAsync(email);
        (message.TextBody ?? "").ShouldContain($"Vous vous connecterez avec cette adresse e-mail : {email}.");
        var link = await MailLinkAsync(email, "/definir-mot-de-passe");

        // A valid link shows the form with the account's address.
        var visitor = App.CreateTestClient();
        var form = await visitor.GetTextAsync(link);
        form.ShouldContain(email);
        form.ShouldContain("name=\"Password\"");
        (await visitor.PostFormAsync(link, Form(("Password", NewPassword), ("Confirm", NewPassword)))).ShouldRedirectTo("/connexion");

        // The sign-in page that follows has the address filled in (not in the URL) and says which one.
        var signIn = await visitor.GetTextAsync("/connexion");
        signIn.ShouldContain($"connectez-vous avec votre adresse {email}");
        signIn.ShouldContain($"value=\"{email}\"");
        (await App.CreateTestClient().GetTextAsync("/connexion")).ShouldNotContain(email);

        // The used link says so at once, with the ways onward, and no form to fill in vain.
        var used = await App.CreateTestClient().GetAsync(link);
        used.ShouldBe(HttpStatusCode.OK);
        var usedText = await used.TextAsync();
        usedText.ShouldContain("Ce lien n'est plus valable");
        usedText.ShouldContain("href=\"/connexion\"");
        usedText.ShouldContain("Mot de passe oublié ?");
        usedText.ShouldNotContain("name=\"Password\"");
        usedText.ShouldNotContain(email);

        // A forged token: the same answer.
        var userId = await UserIdAsync(email);
        (await (await App.CreateTestClient().GetAsync($"/definir-mot-de-passe?u={userId}&t=invente")).TextAsync()).ShouldContain("Ce lien n'est plus valable");
    }

    [Fact]
    public async Task Home_cards_promise_only_what_the_user_may_do()
    {
        var structure = await App.CreateStructureAsync("Cartes d'accueil");
        var animateur = await App.SignInAsync(await App.CreateStaffAsync(structure.Id, Roles.Animateur));
        var social = await App.SignInAsync(await App.CreateStaffAsync(structure.Id, Roles.TravailleurSocial));

        var home = await animateur.GetTextAsync("/");
        home.ShouldContain("Les familles et les personnes inscrites : recherche et inscription.");
        home.ShouldNotContain("import et export");
        (await social.GetTextAsync("/")).ShouldContain("Les familles et les personnes inscrites : recherche, inscription, import et export.");
    }
}

[Collection(Apps.SqliteMail)]
public sealed class InvitationLinkTestsOnSqlite(SqliteMailApp app) : InvitationLinkTests(app);

[Collection(Apps.PostgreSqlMail)]
public sealed class InvitationLinkTestsOnPostgreSql(PostgreSqlMailApp app) : InvitationLinkTests(app);
