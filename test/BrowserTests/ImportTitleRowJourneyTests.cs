using System.Text.RegularExpressions;
using CentresConnectes.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CentresConnectes.BrowserTests;

/// <summary>
/// A member list as centres keep them — saved by LibreOffice, a merged title and a date above the
/// header, a blank line, a total below — imported without touching any setting: the header is found
/// on line 4, the total is ignored, the eight persons are registered. Takes the manual's
/// « adherents-import-titre » screenshot.
/// </summary>
public sealed class ImportTitleRowJourneyTests : StructureJourney
{
    [Fact]
    public async Task A_file_with_a_title_row_is_imported_without_help()
    {
        var page = await SignedInAdminAsync();
        var file = Path.Combine(TestEnvironment.RepositoryRoot.FullName, "test", "Members.Tests", "Fixtures", "real", "titre-et-total.xlsx");

        await page.GotoAsync("/adherents/import");
        await page.GetByLabel("Fichier Excel (.xlsx) ou CSV").SetInputFilesAsync(new FilePayload
        {
            Name = "liste-adherents-oliviers.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = await File.ReadAllBytesAsync(file),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer et vérifier" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/adherents/import/[0-9a-f-]{36}$"));

        await Expect(page.GetByTestId("header-found")).ToContainTextAsync("En-tête trouvé à la ligne 4.");
        await Expect(page.GetByTestId("header-choice")).ToHaveValueAsync("4");
        await Expect(page.GetByTestId("count-new")).ToHaveTextAsync("8 nouvelle(s) personne(s)");
        await Expect(page.GetByTestId("count-errors")).ToHaveTextAsync("0 ligne(s) en erreur");
        await Expect(page.GetByTestId("count-summary")).ToHaveTextAsync("1 ligne(s) de total ignorée(s)");
        await Expect(page.GetByLabel("« Nom »", new() { Exact = true })).ToHaveValueAsync("LastName");
        await Expect(page.GetByTestId("import-preview")).ToContainTextAsync("NAÏT");
        await Screenshots.TakeAsync(page, "adherents-import-titre");

        await page.GetByTestId("confirm-import").ClickAsync();
        await Expect(page).ToHaveURLAsync(BaseUrl + "/adherents");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Import terminé : 8 personne(s) inscrite(s).");
        await Expect(page.GetByTestId("person-count")).ToHaveTextAsync("8 personnes");
    }
}
