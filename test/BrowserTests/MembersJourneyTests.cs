using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CentresConnectes.BrowserTests;

/// <summary>
/// The register as the structure's team uses it, in a real browser: a person registered with her
/// groups, the same person refused (her profile is shown instead), a spreadsheet with mistakes
/// imported after its preview, the list searched as you type. Takes the "Adhérents" screenshots.
/// </summary>
public sealed class MembersJourneyTests : StructureJourney
{
    // A family's spreadsheet as centres keep them: Windows accents, « ; », dates as text, phones in
    // several formats; one line already in the register, one repeated, two impossible.
    private const string ImportFile =
        "Nom;Prénom;Date de naissance;Téléphone portable;Ville;Famille\r\n" +
        "Lefèvre;Inès;04/07/1990;06 11 22 33 44;Lille;Lefèvre\r\n" +
        "Lefèvre;Noé;15/09/2016;;Lille;Lefèvre\r\n" +
        "N'Diaye;Aïssata;21/01/1979;+33 6 55 44 33 22;Ronchin;N'Diaye\r\n" +
        "Éluard;Paul;02/02/1952;07.81.23.45.67;Faches-Thumesnil;\r\n" +
        "Ébrard;Zoé;30/11/2012;;Lille;\r\n" +
        "Bernard;Lucas;31/02/2020;;Lille;\r\n" +
        ";Sans nom;01/01/2000;;Lille;\r\n" +
        "DURAND;élodie;12/03/1985;;Lille;\r\n" +
        "N'DIAYE;Aissata;21/01/1979;;Ronchin;\r\n" +
        "Martin;Jules;08/05/2001;0699887766;Autres;\r\n";

    static MembersJourneyTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public async Task Register_a_person_refuse_her_twice_import_a_file_and_search()
    {
        var page = await SignedInAdminAsync();

        // 1. The empty register invites to register someone or import a file.
        await page.GotoAsync("/adherents");
        await Expect(Steps.Heading(page)).ToHaveTextAsync("Adhérents");
        await Expect(page.GetByTestId("person-count")).ToHaveTextAsync("Aucune personne");

        // 2. A person with two groups, chosen at creation → back to the register with a confirmation.
        await page.GetByTestId("new-person").ClickAsync();
        await Expect(Steps.Heading(page)).ToHaveTextAsync("Inscrire une personne");
        await FillPersonAsync(page, "Durand", "Élodie", "1985-03-12", "06 12 34 56 78");
        await page.GetByLabel("Sexe").SelectOptionAsync(new SelectOptionValue { Label = "Femme" });
        await page.GetByLabel("Ville de résidence").SelectOptionAsync(new SelectOptionValue { Label = "Lille" });
        await page.GetByLabel("Statut").SelectOptionAsync(new SelectOptionValue { Label = "Mère" });
        await page.GetByLabel("Petite enfance").CheckAsync();
        await page.GetByLabel("Culture").CheckAsync();
        await page.GetByLabel("Accepte les SMS").CheckAsync();
        await Screenshots.TakeAsync(page, "adherents-nouvelle-personne");
        await Accessibility.CheckAsync(page, "the person form");
        await page.GetByTestId("save-person").ClickAsync();
        await Expect(page).ToHaveURLAsync(BaseUrl + "/adherents");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("La fiche de Durand Élodie a bien été enregistrée.");
        await Expect(page.GetByTestId("person-count")).ToHaveTextAsync("1 personne");
        var row = page.GetByTestId("person-table").Locator("tbody tr");
        await Expect(row).ToContainTextAsync("Durand Élodie");
        await Expect(row).ToContainTextAsync("06 12 34 56 78");
        await Expect(row).ToContainTextAsync("Petite enfance");
        await Expect(row).ToContainTextAsync("Culture");
        await Screenshots.TakeAsync(page, "adherents-cree");

        // 2b. A form sent with a required field empty: a French message under the field, the cursor in it,
        //     nothing sent; required fields are marked.
        await page.GetByTestId("new-person").ClickAsync();
        await Expect(page.GetByLabel("Nom", new() { Exact = true })).ToBeFocusedAsync();
        await Expect(page.Locator(".required-mark").First).ToHaveTextAsync("* (obligatoire)");
        await FillPersonAsync(page, "Durand", "Léa", "", null);
        await page.GetByTestId("save-person").ClickAsync();
        await Expect(page.GetByTestId("field-error")).ToHaveTextAsync("Indiquez « Date de naissance » (jj/mm/aaaa) : ce champ est obligatoire.");
        await Expect(page.GetByLabel("Date de naissance")).ToBeFocusedAsync();
        await Expect(page).ToHaveURLAsync(BaseUrl + "/adherents/nouveau");
        await Screenshots.TakeAsync(page, "adherents-champ-obligatoire");
        await page.GotoAsync("/adherents");

        // 3. The same person again, typed differently: refused, and her profile is shown.
        await page.GetByTestId("new-person").ClickAsync();
        await FillPersonAsync(page, "  DURAND ", "elodie", "1985-03-12", null);
        await page.GetByTestId("save-person").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/adherents/[0-9a-f-]{36}$"));
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Cette personne est déjà inscrite");
        await Expect(Steps.Heading(page)).ToHaveTextAsync("Durand Élodie");
        await Screenshots.TakeAsync(page, "adherents-deja-inscrite");
        var profileUrl = page.Url;

        // 4. Import: the upload page, then the preview with every line's problem; nothing written yet.
        await page.GotoAsync("/adherents/import");
        await Expect(Steps.Heading(page)).ToHaveTextAsync("Importer des adhérents");
        await Screenshots.TakeAsync(page, "adherents-import");
        await page.GetByLabel("Fichier Excel (.xlsx) ou CSV").SetInputFilesAsync(new FilePayload
        {
            Name = "adherents-2026.csv",
            MimeType = "text/csv",
            Buffer = Encoding.GetEncoding(1252).GetBytes(ImportFile),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer et vérifier" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/adherents/import/[0-9a-f-]{36}$"));
        var sessionUrl = page.Url;
        await Expect(page.GetByTestId("count-new")).ToHaveTextAsync("6 nouvelle(s) personne(s)");
        await Expect(page.GetByTestId("count-duplicates")).ToHaveTextAsync("2 doublon(s) ignoré(s)");
        await Expect(page.GetByTestId("count-errors")).ToHaveTextAsync("2 ligne(s) en erreur");
        var issues = page.GetByTestId("import-issues");
        await Expect(issues).ToContainTextAsync("Ligne 7 :");
        await Expect(issues).ToContainTextAsync("Ligne 8 :");
        await Expect(page.GetByTestId("import-preview")).ToContainTextAsync("Lefèvre");
        await page.GetByLabel("Jeunesse").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Actualiser l'aperçu" }).ClickAsync();
        await Expect(page.GetByLabel("Jeunesse")).ToBeCheckedAsync();
        await Screenshots.TakeAsync(page, "adherents-import-apercu");
        await page.GotoAsync("/adherents");
        await Expect(page.GetByTestId("person-count")).ToHaveTextAsync("1 personne");

        // 5. Confirmed (the options chosen in the preview are kept): the six new persons are registered
        //    and the register shows what was done.
        await page.GotoAsync(sessionUrl);
        await Expect(page.GetByLabel("Jeunesse")).ToBeCheckedAsync();
        await page.GetByTestId("confirm-import").ClickAsync();
        await Expect(page).ToHaveURLAsync(BaseUrl + "/adherents");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(
            "Import terminé : 6 personne(s) inscrite(s), 2 doublon(s) ignoré(s), 2 ligne(s) en erreur ignorée(s).");
        await Screenshots.TakeAsync(page, "adherents-import-termine");

        // 6. The register, alphabetical with accented names among the others (É with E), and searched as you type.
        await page.GotoAsync("/adherents");
        await Expect(page.GetByTestId("person-count")).ToHaveTextAsync("7 personnes");
        var names = await page.GetByTestId("person-table").Locator("tbody tr td:first-child").AllInnerTextsAsync();
        names.Select(n => n.Trim()).ShouldBe(["Durand Élodie", "Ébrard Zoé", "Éluard Paul", "Lefèvre Inès", "Lefèvre Noé", "Martin Jules", "N'Diaye Aïssata"]);
        await page.GetByTestId("person-table").Locator("tbody tr", new() { HasText = "Lefèvre Inès" }).GetByText("Jeunesse").WaitForAsync();
        await Screenshots.TakeAsync(page, "adherents-liste");
        await Accessibility.CheckAsync(page, "the register");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Rechercher" }).PressSequentiallyAsync("lefe", new() { Delay = 40 });
        await Expect(page.GetByTestId("person-count")).ToHaveTextAsync("2 personnes (liste filtrée)");
        await Expect(page).ToHaveURLAsync(new Regex("q=lefe"));

        // 6b. From the searched list to a file, « Modifier », « Valider »: back on the file, whose way back
        //     is the list still searched for « lefe »; the confirmation names the person.
        await page.GetByTestId("person-table").GetByRole(AriaRole.Link, new() { Name = "Lefèvre Inès" }).ClickAsync();
        await page.GetByTestId("edit-person").ClickAsync();
        await page.GetByLabel("Téléphone portable").FillAsync("06 11 22 33 45");
        await page.GetByTestId("save-person").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/adherents/[0-9a-f-]{36}\\?retour="));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("La fiche de Lefèvre Inès a bien été enregistrée.");
        await Expect(page.GetByTestId("tel-link")).ToHaveAttributeAsync("href", "tel:+33611223345");
        await page.GetByTestId("back-link").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/adherents\\?q=lefe$"));
        await Expect(page.GetByTestId("person-count")).ToHaveTextAsync("2 personnes (liste filtrée)");

        // On a phone: one card per person (phone number tappable), the filters folded behind « Filtres »,
        // a long structure name cut in the header, nothing wider than the screen.
        var phone = await SignedInAdminAsync(Browser.Mobile);
        await phone.GotoAsync("/adherents");
        await Expect(phone.GetByTestId("person-count")).ToHaveTextAsync("7 personnes");
        await Expect(phone.GetByTestId("person-table").GetByRole(AriaRole.Columnheader, new() { Name = "Portable" })).ToBeHiddenAsync();
        await Expect(phone.GetByTestId("person-cards").Locator("li")).ToHaveCountAsync(7);
        await Expect(phone.GetByTestId("person-cards").GetByRole(AriaRole.Link, new() { Name = "06 99 88 77 66" })).ToHaveAttributeAsync("href", "tel:0699887766");
        await Expect(phone.GetByLabel("Groupe")).ToBeHiddenAsync();
        var brand = phone.GetByTestId("brand-name");
        (await brand.EvaluateAsync<bool>("e => e.scrollWidth > e.clientWidth")).ShouldBeTrue("the long structure name is cut with « … » on a phone");
        var toggler = await phone.Locator(".navbar-toggler").BoundingBoxAsync();
        var logo = await phone.GetByTestId("logo-home").BoundingBoxAsync();
        toggler!.Y.ShouldBeLessThan(logo!.Y + logo.Height, "the menu button stays beside the logo, not under it");
        await Screenshots.TakeAsync(phone, "adherents-liste-mobile");
        await Accessibility.CheckAsync(phone, "the register on a phone");
        await phone.GetByTestId("filters-toggle").ClickAsync();
        await Expect(phone.GetByLabel("Groupe")).ToBeVisibleAsync();
        await Screenshots.TakeAsync(phone, "adherents-filtres-mobile");

        // The Lefèvre family, as the import made it: its members from the eldest.
        await page.GotoAsync("/familles");
        await Expect(page.GetByTestId("household-list")).ToContainTextAsync("Lefèvre");
        await Expect(page.Locator(".navbar .nav-link.active")).ToHaveTextAsync("Adhérents");
        await Screenshots.TakeAsync(page, "familles-liste");
        await page.GetByTestId("household-list").GetByRole(AriaRole.Link, new() { Name = "Lefèvre" }).First.ClickAsync();
        var members = await page.GetByTestId("household-members").Locator("li").AllInnerTextsAsync();
        members.Select(m => m.Split('\n')[0].Trim()).ShouldBe(["Lefèvre Inès", "Lefèvre Noé"]);
        await Screenshots.TakeAsync(page, "famille-fiche");
        await Accessibility.CheckAsync(page, "a family's page");

        // 7. Her profile: age, groups, consent.
        await page.GotoAsync(profileUrl);
        var profile = page.GetByTestId("person-profile");
        await Expect(profile).ToContainTextAsync("ans");
        await Expect(page.Locator("main")).ToContainTextAsync("Petite enfance");
        await Screenshots.TakeAsync(page, "adherents-fiche");
        await Accessibility.CheckAsync(page, "a person's file");
    }

    private static async Task FillPersonAsync(IPage page, string last, string first, string isoDateOfBirth, string? mobile)
    {
        await page.GetByLabel("Nom", new() { Exact = true }).FillAsync(last);
        await page.GetByLabel("Prénom", new() { Exact = true }).FillAsync(first);
        if (isoDateOfBirth.Length > 0)
            await page.GetByLabel("Date de naissance").FillAsync(isoDateOfBirth);
        if (mobile is not null)
            await page.GetByLabel("Téléphone portable").FillAsync(mobile);
    }
}
