using System.Text.RegularExpressions;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CentresConnectes.BrowserTests;

/// <summary>
/// On PostgreSQL, with e-mails kept by the application ("Courriels envoyés") instead of an SMTP server:
/// the super-admin reads the invitation there; the structure is renamed, suspended (its admin is refused)
/// and reactivated; the admin uses "Mot de passe oublié ?" then changes the password on "Mon profil".
/// </summary>
public sealed class LocalMailJourneyTests() : BrowserJourney(DatabaseProvider.PostgreSql, useSmtpSink: false)
{
    private const string SuperName = "Jeanne Roux";
    private const string SuperEmail = "jeanne.roux@reseau-centres.fr";
    private const string StructureName = "EVS Les Lilas";
    private const string NewStructureName = "Espace de vie sociale Les Lilas";
    private const string AdminName = "Sophie Durand";
    private const string AdminEmail = "sophie.durand@evs-leslilas.fr";
    private const string SecondPassword = "Les lilas fleurissent en avril";
    private const string ThirdPassword = "Un goûter partagé chaque mercredi";


    [Fact]
    public async Task Invitation_read_in_sent_mail_suspension_and_forgotten_password()
    {
        var super = await NewPageAsync();
        await super.GotoAsync("/");
        await Expect(super).ToHaveURLAsync(new Regex("/installation$"));
        await super.GotoAsync(App.SetupLink); // the link the console prints, with its one-time token
        await Steps.FillSetupAsync(super, SuperName, SuperEmail);
        await Steps.SubmitSetupAsync(super);
        await Expect(super).ToHaveURLAsync(new Regex("/admin/structures$"));
        await Steps.CreateStructureAsync(super, StructureName, AdminName, AdminEmail);

        // The invitation, kept by the application, read on "Courriels envoyés".
        var invitationLink = await LinkInSentMailAsync(super, AdminEmail, $"Votre compte Centres Connectés – {StructureName}");
        await Screenshots.TakeAsync(super, "courriels-envoyes");
        var admin = await NewPageAsync();
        await admin.GotoAsync(invitationLink);
        await Steps.FillNewPasswordAsync(admin);
        await Steps.SaveNewPasswordAsync(admin);
        await Steps.SignInAsync(admin, BaseUrl, AdminEmail);

        // Renamed: the new name is in the admin's header.
        await super.GotoAsync("/admin/structures");
        await super.GetByRole(AriaRole.Link, new() { Name = StructureName }).ClickAsync();
        await super.GetByLabel("Nom de la structure").FillAsync(NewStructureName);
        await super.GetByLabel("E-mail de contact").FillAsync("contact@evs-leslilas.fr");
        await super.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(super.GetByRole(AriaRole.Status)).ToContainTextAsync("Les informations de la structure sont enregistrées.");
        await Expect(Steps.Heading(super)).ToHaveTextAsync(NewStructureName);
        await admin.ReloadAsync();
        await Expect(admin.GetByTestId("logo-home")).ToContainTextAsync(NewStructureName);

        // Suspended: the admin's session ends and signing in is refused.
        await super.GetByRole(AriaRole.Button, new() { Name = "Suspendre" }).ClickAsync();
        await Expect(super.GetByRole(AriaRole.Status)).ToContainTextAsync("La structure est suspendue : ses utilisateurs ne peuvent plus se connecter.");
        await Expect(super.GetByRole(AriaRole.Button, new() { Name = "Réactiver" })).ToBeVisibleAsync();
        await Screenshots.TakeAsync(super, "structure-suspendue");
        await admin.GotoAsync("/structure/comptes");
        await Expect(admin).ToHaveURLAsync(new Regex("/connexion"));
        await Steps.FillSignInAsync(admin, AdminEmail);
        await Steps.SubmitSignInAsync(admin);
        await Expect(admin.GetByTestId("login-errors")).ToHaveTextAsync("Adresse e-mail ou mot de passe incorrect."); // the same refusal as a wrong password (no enumeration)

        await super.GetByRole(AriaRole.Button, new() { Name = "Réactiver" }).ClickAsync();
        await Expect(super.GetByRole(AriaRole.Status)).ToContainTextAsync("La structure est réactivée.");

        // Forgotten password: the link arrives by e-mail.
        await admin.GotoAsync("/connexion");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Mot de passe oublié ?" }).ClickAsync();
        await Expect(Steps.Heading(admin)).ToHaveTextAsync("Mot de passe oublié");
        await admin.GetByLabel("Adresse e-mail").FillAsync(AdminEmail);
        await Screenshots.TakeAsync(admin, "mot-de-passe-oublie");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Envoyer le lien" }).ClickAsync();
        await Expect(admin.GetByTestId("reset-sent")).ToContainTextAsync("Si un compte existe avec cette adresse, un e-mail vient d'y être envoyé");
        await Screenshots.TakeAsync(admin, "mot-de-passe-oublie-envoye");

        await admin.GotoAsync(await LinkInSentMailAsync(super, AdminEmail, "Réinitialisation de votre mot de passe – Centres Connectés"));
        await Steps.FillNewPasswordAsync(admin, SecondPassword);
        await Steps.SaveNewPasswordAsync(admin);
        await Steps.SignInAsync(admin, BaseUrl, AdminEmail, SecondPassword);

        // "Mon profil", from the account menu: a new password.
        await admin.GetByTestId("account-menu").ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Mon profil" }).ClickAsync();
        await Expect(Steps.Heading(admin)).ToHaveTextAsync("Mon profil");
        await admin.GetByLabel("Mot de passe actuel").FillAsync(SecondPassword);
        await admin.GetByLabel("Nouveau mot de passe").FillAsync(ThirdPassword);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Changer le mot de passe" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Votre mot de passe est changé.");

        await admin.GetByTestId("account-menu").ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await Expect(admin).ToHaveURLAsync(new Regex("/connexion$"));
        await Steps.SignInAsync(admin, BaseUrl, AdminEmail, ThirdPassword);
    }

    /// <summary>Opens "Courriels envoyés", unfolds the newest message with this subject to this person, returns its (clickable) link.</summary>
    private async Task<string> LinkInSentMailAsync(IPage page, string recipient, string subject)
    {
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Courriels envoyés" }).First.ClickAsync();
        await Expect(Steps.Heading(page)).ToHaveTextAsync("Courriels envoyés");
        var item = page.GetByTestId("sent-mail").Locator(".accordion-item")
            .Filter(new() { HasText = recipient }).Filter(new() { HasText = subject }).First;
        await item.GetByRole(AriaRole.Button).ClickAsync();
        var link = item.GetByTestId("mail-link");
        await Expect(link).ToBeVisibleAsync();
        var href = await link.GetAttributeAsync("href") ?? "";
        href.ShouldStartWith(BaseUrl + "/definir-mot-de-passe?u=");
        (await link.InnerTextAsync()).ShouldBe(href);
        return href;
    }
}
