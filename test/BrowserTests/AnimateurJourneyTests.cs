using CentresConnectes.Members.Domain;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.ReferenceData.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CentresConnectes.BrowserTests;

/// <summary>
/// Issue 11 as the « Animateur » the family worker invited meets the application: his home card
/// promises only what he may do; the register shows him no sensitive group (« RSA ») and no notes de
/// suivi, on a laptop and on a phone; the family worker sees both. Also the staff form explaining the
/// roles, the sensitive groups in the settings, and a used invitation link. Takes those screenshots
/// and checks each screen with axe-core.
/// </summary>
public sealed class AnimateurJourneyTests : StructureJourney
{
    private const string Note = "Besoin d'aide pour le dossier CAF";

    [Fact]
    public async Task An_animateur_sees_the_register_without_its_social_data()
    {
        var structureId = await App.DbAsync(null, db => db.Structures.Where(s => s.Name == StructureName).Select(s => s.Id).SingleAsync());
        var animateurEmail = await App.CreateStaffAsync(structureId, Roles.Animateur);
        var groups = await App.InScopeAsync(structureId, sp => sp.GetRequiredService<IReferenceDataQuery>().ListAsync(ReferenceListKind.Groupe));
        var rsa = groups.Single(g => g.Code == "rsa").Id;
        var jeunesse = groups.Single(g => g.Code == "jeunesse").Id;
        // The family worker's register: a mother in « RSA » and « Jeunesse », with a note de suivi.
        var personId = await App.DbAsync(structureId, async db =>
        {
            var person = new Person("Bensaïd", "Nadia", new DateOnly(1984, 5, 2), new DateOnly(2026, 9, 1)) { Notes = Note, CreatedAtUtc = DateTime.UtcNow };
            person.SetContact("nadia.bensaid@exemple.fr", "+33611223344");
            db.Add(person);
            db.Add(new PersonGroup(person.Id, rsa));
            db.Add(new PersonGroup(person.Id, jeunesse));
            await db.SaveChangesAsync();
            return person.Id;
        });

        // 1. The animateur's home: the register's card names only search and registration.
        var animateur = await NewPageAsync();
        await Steps.SignInAsync(animateur, BaseUrl, animateurEmail);
        await Expect(animateur.Locator("main")).ToContainTextAsync("Les familles et les personnes inscrites : recherche et inscription.");
        await Expect(animateur.Locator("main")).Not.ToContainTextAsync("import et export");
        await Screenshots.TakeAsync(animateur, "accueil-animateur");
        await Accessibility.CheckAsync(animateur, "the animateur's home");

        // 2. The register and the file, without « RSA » and without the note.
        await animateur.GotoAsync("/adherents");
        await Expect(animateur.GetByTestId("person-table")).ToContainTextAsync("Jeunesse");
        await Expect(animateur.Locator("main")).Not.ToContainTextAsync("RSA");
        await Expect(animateur.GetByLabel("Groupe").Locator("option")).ToHaveTextAsync(["Tous", "Petite enfance", "Jeunesse", "Culture"]);
        await Screenshots.TakeAsync(animateur, "adherents-liste-animateur");
        await animateur.GotoAsync($"/adherents/{personId}");
        await Expect(animateur.GetByTestId("person-profile")).ToContainTextAsync("Bensaïd Nadia");
        await Expect(animateur.Locator("main")).Not.ToContainTextAsync("RSA");
        await Expect(animateur.Locator("main")).Not.ToContainTextAsync(Note);
        await Expect(animateur.Locator("main")).Not.ToContainTextAsync("Notes de suivi");
        await Expect(animateur.GetByTestId("mailto-link")).ToHaveAttributeAsync("href", "mailto:nadia.bensaid@exemple.fr");
        await Screenshots.TakeAsync(animateur, "adherents-fiche-animateur");
        await Accessibility.CheckAsync(animateur, "a file seen by an animateur");

        // 3. On his phone: the same, as cards.
        var phone = await NewPageAsync(Browser.Mobile);
        await Steps.SignInAsync(phone, BaseUrl, animateurEmail);
        await phone.GotoAsync("/adherents");
        await Expect(phone.GetByTestId("person-cards")).ToContainTextAsync("Jeunesse");
        await Expect(phone.Locator("main")).Not.ToContainTextAsync("RSA");
        await Screenshots.TakeAsync(phone, "adherents-liste-animateur-mobile");
        await phone.GotoAsync($"/adherents/{personId}");
        await Screenshots.TakeAsync(phone, "adherents-fiche-animateur-mobile");

        // 4. The family worker (administrator) sees the sensitive group and the note.
        var admin = await SignedInAdminAsync();
        await admin.GotoAsync($"/adherents/{personId}");
        await Expect(admin.Locator("main")).ToContainTextAsync("RSA");
        await Expect(admin.Locator("main")).ToContainTextAsync(Note);
        await Screenshots.TakeAsync(admin, "adherents-fiche-donnees-sociales");

        // 5. The groups in the settings: « RSA » is marked sensitive (shield), and any group can be.
        await admin.GotoAsync("/parametres/listes/groupes");
        await Expect(admin.GetByTestId("item").Filter(new() { Has = admin.GetByTestId("sensitive-badge") })).ToHaveCountAsync(1);
        await Expect(admin.GetByTestId("item").Filter(new() { Has = admin.GetByTestId("sensitive-badge") })).ToContainTextAsync("Sensible");
        await Screenshots.TakeAsync(admin, "parametres-groupes-sensibles");
        await Accessibility.CheckAsync(admin, "the groups settings");

        // 6. The staff form says what each role sees and does.
        await admin.GotoAsync("/structure/comptes");
        await Expect(admin.GetByTestId("role-descriptions")).ToContainTextAsync("ne voit ni les données sociales");
        await Screenshots.TakeAsync(admin, "comptes-roles");
        await Accessibility.CheckAsync(admin, "the staff accounts page");

        // 7. A used (or forged) invitation link says so before any form, with the ways onward.
        var visitor = await NewPageAsync();
        await visitor.GotoAsync($"/definir-mot-de-passe?u={Guid.NewGuid()}&t=deja-utilise");
        await Expect(visitor.GetByTestId("link-invalid")).ToContainTextAsync("Ce lien n'est plus valable");
        await Expect(visitor.GetByRole(AriaRole.Link, new() { Name = "Se connecter" })).ToBeVisibleAsync();
        await Expect(visitor.GetByRole(AriaRole.Link, new() { Name = "Mot de passe oublié ?" })).ToBeVisibleAsync();
        await Screenshots.TakeAsync(visitor, "lien-invitation-utilise");
        await Accessibility.CheckAsync(visitor, "a used invitation link");

        // 8. The keyboard's first stop skips the header.
        await visitor.Keyboard.PressAsync("Tab");
        await Expect(visitor.GetByTestId("skip-link")).ToBeFocusedAsync();
        await Expect(visitor.GetByTestId("skip-link")).ToHaveTextAsync("Aller au contenu");
    }
}
