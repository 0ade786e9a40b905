using System.Text.RegularExpressions;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MimeKit;
using static Microsoft.Playwright.Assertions;

namespace CentresConnectes.BrowserTests;

/// <summary>
/// From an empty installation (SQLite, e-mails through the real SMTP sink) to a structure with its staff,
/// clicked through in a real browser: setup page, super-admin, structure, invitation, password, staff
/// invitation, another structure's account refused (404), intervention banner and the way back.
/// Takes the user manual's screenshots on the way.
/// </summary>
public sealed class FirstRunJourneyTests() : BrowserJourney(DatabaseProvider.Sqlite, useSmtpSink: true)
{
    // Readable names: they appear in the manual's screenshots. The SMTP sink's mailbox is shared, so
    // e-mails are picked by recipient AND by this run's address (random port) and start time.
    private const string SuperName = "Camille Martin";
    private const string SuperEmail = "camille.martin@federation-centres.fr";
    private const string StructureName = "Centre social des Tilleuls";
    private const string AdminName = "Nadia Benali";
    private const string AdminEmail = "nadia.benali@cs-tilleuls.fr";
    private const string StaffName = "Lucas Moreau";
    private const string StaffEmail = "lucas.moreau@cs-tilleuls.fr";
    private const string OtherStructureName = "Maison de quartier du Port";
    private const string OtherAdminName = "Yves Le Gall";
    private const string OtherAdminEmail = "yves.legall@mq-port.fr";

    private readonly DateTimeOffset _started = DateTimeOffset.Now.AddSeconds(-2);

    private Task<MimeMessage> MailToAsync(string recipient) =>
        MailSink.WaitForAsync(recipient, TimeSpan.FromSeconds(30), predicate: m => m.Date >= _started && (m.TextBody ?? "").Contains(BaseUrl, StringComparison.Ordinal));

    [Fact]
    public async Task From_the_setup_page_to_a_structure_with_staff()
    {
        // 1. First run: the home page leads to the setup page; the FEDER notice is on every page.
        var super = await NewPageAsync();
        await super.GotoAsync("/");
        await Expect(super).ToHaveURLAsync(new Regex("/installation$"));
        await Expect(super.Locator("footer")).ToContainTextAsync("Ce projet est cofinancé par l'Union Européenne avec le FEDER");
        await Expect(super.Locator("footer svg.eu-emblem")).ToBeVisibleAsync();
        // Without the console's link (its one-time token) the page only explains where to find it.
        await Expect(super.GetByTestId("setup-token-missing")).ToContainTextAsync("Ouvrez le lien d'installation affiché par le serveur.");
        await super.GotoAsync(App.SetupLink);
        await Expect(super.GetByLabel("Adresse publique de l'application")).ToHaveValueAsync(BaseUrl);
        await Steps.FillSetupAsync(super, SuperName, SuperEmail);
        await Screenshots.TakeAsync(super, "installation");
        await Steps.SubmitSetupAsync(super);

        // 2. The super-admin lands on the structures page, signed in.
        await Expect(super).ToHaveURLAsync(new Regex("/admin/structures$"));
        await Expect(super.GetByRole(AriaRole.Status)).ToContainTextAsync("Le compte super-administrateur est créé");
        await Expect(super.Locator(".navbar .nav-link.active")).ToHaveTextAsync("Structures");
        await Screenshots.TakeAsync(super, "structures-vide");

        // 3. Two structures, each with its administrator invited by e-mail.
        await Steps.CreateStructureAsync(super, StructureName, AdminName, AdminEmail);
        await Steps.CreateStructureAsync(super, OtherStructureName, OtherAdminName, OtherAdminEmail);
        await Expect(super.GetByTestId("structures-table")).ToContainTextAsync(StructureName);
        await Expect(super.GetByTestId("structures-table")).ToContainTextAsync(OtherStructureName);
        await Screenshots.TakeAsync(super, "structure-creee");

        // 4. The invitation reached the real SMTP server; its link opens the password page.
        var invitation = await MailToAsync(AdminEmail);
        invitation.Subject.ShouldBe($"Votre compte Centres Connectés – {StructureName}");
        var admin = await NewPageAsync();
        await admin.GotoAsync(MailSink.LinkIn(invitation, "/definir-mot-de-passe"));
        await Expect(Steps.Heading(admin)).ToHaveTextAsync("Choisir un mot de passe");
        await Steps.FillNewPasswordAsync(admin);
        await Screenshots.TakeAsync(admin, "invitation-mot-de-passe");
        await Steps.SaveNewPasswordAsync(admin);

        // 5. The structure admin signs in (after one typing mistake).
        await Steps.FillSignInAsync(admin, AdminEmail, "pas le bon mot de passe");
        await Steps.SubmitSignInAsync(admin);
        await Expect(admin.GetByTestId("login-errors")).ToHaveTextAsync("Adresse e-mail ou mot de passe incorrect.");
        await Screenshots.TakeAsync(admin, "connexion-erreur");
        await Steps.FillSignInAsync(admin, AdminEmail);
        await Screenshots.TakeAsync(admin, "connexion");
        await Steps.SubmitSignInAsync(admin);
        await Expect(admin).ToHaveURLAsync(BaseUrl + "/");
        await Expect(Steps.Heading(admin)).ToHaveTextAsync($"Bonjour {AdminName}");
        await Expect(admin.GetByTestId("account-menu")).ToContainTextAsync(AdminName);
        await Expect(admin.GetByTestId("logo-home")).ToContainTextAsync(StructureName);
        await Screenshots.TakeAsync(admin, "accueil-structure");

        // 6. ... and invites an animateur.
        await admin.GetByRole(AriaRole.Link, new() { Name = "Comptes du personnel" }).First.ClickAsync();
        await Expect(admin).ToHaveURLAsync(new Regex("/structure/comptes$"));
        await admin.GetByLabel("Nom", new() { Exact = true }).FillAsync(StaffName);
        await admin.GetByLabel("Adresse e-mail").FillAsync(StaffEmail);
        await admin.GetByLabel("Rôle").SelectOptionAsync(new SelectOptionValue { Label = "Animateur" });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Créer le compte et envoyer l'invitation" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"Le compte de {StaffName} est créé ; une invitation a été envoyée à {StaffEmail}.");
        var staffRow = admin.GetByTestId("staff-table").Locator("tr", new() { HasText = StaffEmail });
        await Expect(staffRow).ToContainTextAsync("Animateur");
        await Expect(staffRow).ToContainTextAsync("Invitation envoyée");
        await Screenshots.TakeAsync(admin, "comptes-personnel");

        var staffInvitation = await MailToAsync(StaffEmail);
        staffInvitation.Subject.ShouldBe($"Votre compte Centres Connectés – {StructureName}");
        MailSink.LinkIn(staffInvitation, "/definir-mot-de-passe").ShouldContain("t=");

        await staffRow.GetByRole(AriaRole.Link, new() { Name = StaffName }).ClickAsync();
        await Expect(Steps.Heading(admin)).ToHaveTextAsync(StaffName);
        await Expect(admin.GetByRole(AriaRole.Button, new() { Name = "Renvoyer l'invitation" })).ToBeVisibleAsync();
        await Screenshots.TakeAsync(admin, "fiche-compte");

        // 7. An account of ANOTHER structure, even with its exact address, is "not found".
        var otherAdminId = await App.DbAsync(null, db => db.Users.Where(u => u.Email == OtherAdminEmail).Select(u => u.Id).SingleAsync());
        var response = await admin.GotoAsync($"/structure/comptes/{otherAdminId}");
        response!.Status.ShouldBe(404);
        await Expect(Steps.Heading(admin)).ToHaveTextAsync("Page introuvable");
        await Expect(admin.Locator("body")).Not.ToContainTextAsync(OtherAdminName);
        await Screenshots.TakeAsync(admin, "page-introuvable");

        // 8. The logo always leads home.
        await admin.GetByTestId("logo-home").ClickAsync();
        await Expect(admin).ToHaveURLAsync(BaseUrl + "/");

        await admin.GotoAsync("/structure/journal");
        await Expect(admin.GetByTestId("audit-table")).ToContainTextAsync("Compte créé");
        await Screenshots.TakeAsync(admin, "journal-audit");

        // 9. The super-admin enters the structure: yellow banner, then back to their own account.
        await super.GotoAsync("/admin/structures");
        await super.GetByTestId("structures-table").Locator("tr", new() { HasText = StructureName })
            .GetByRole(AriaRole.Button, new() { Name = "Entrer dans la structure" }).ClickAsync();
        await Expect(super).ToHaveURLAsync(BaseUrl + "/");
        var banner = super.GetByTestId("impersonation-banner");
        await Expect(banner).ToBeVisibleAsync();
        await Expect(banner).ToContainTextAsync($"{SuperName} agit pour le compte de {AdminName} dans la structure « {StructureName} »");
        (await banner.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor")).ShouldBe("rgb(255, 243, 205)"); // Bootstrap's warning yellow
        await Expect(super.GetByTestId("account-menu")).ToContainTextAsync(AdminName);
        await Screenshots.TakeAsync(super, "intervention-bandeau");
        await banner.GetByRole(AriaRole.Button, new() { Name = "Revenir à mon compte" }).ClickAsync();
        await Expect(super.GetByRole(AriaRole.Status)).ToContainTextAsync("Vous êtes revenu à votre compte.");
        await Expect(super.GetByTestId("impersonation-banner")).ToHaveCountAsync(0);
        await Expect(super.GetByTestId("account-menu")).ToContainTextAsync(SuperName);
        await Screenshots.TakeAsync(super, "accueil-super-admin");

        // The structure admin sees who came in, in the structure's journal.
        await admin.GotoAsync("/structure/journal");
        await Expect(admin.GetByTestId("audit-table").Locator("tr", new() { HasText = "Intervention pour un compte" }).Last).ToContainTextAsync($"par {SuperName}");

        await super.GotoAsync("/admin/structures");
        await super.GetByRole(AriaRole.Link, new() { Name = StructureName }).ClickAsync();
        await Expect(Steps.Heading(super)).ToHaveTextAsync(StructureName);
        await Screenshots.TakeAsync(super, "structure-fiche");

        await super.GotoAsync("/admin/journal");
        await Expect(super.GetByTestId("audit-table")).ToContainTextAsync("Installation terminée");
        await Screenshots.TakeAsync(super, "journal-plateforme");

        await super.GotoAsync("/profil");
        await super.GetByLabel("Nom de la clé").FillAsync("Tableur de suivi");
        await super.GetByRole(AriaRole.Button, new() { Name = "Créer une clé" }).ClickAsync();
        await Expect(super.GetByTestId("new-api-key")).ToBeVisibleAsync();
        await Screenshots.TakeAsync(super, "profil");

        // 10. The sign-in page on a phone.
        var phone = await NewPageAsync(Browser.Mobile);
        await phone.GotoAsync("/connexion");
        await Expect(phone.GetByRole(AriaRole.Button, new() { Name = "Se connecter" })).ToBeInViewportAsync();
        await Expect(phone.Locator("footer")).ToContainTextAsync("FEDER");
        (await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("no horizontal scrolling on a phone");
        await Screenshots.TakeAsync(phone, "connexion-mobile");
    }
}
