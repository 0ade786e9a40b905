using System.Text.RegularExpressions;
using CentresConnectes.Members.Application;
using CentresConnectes.ReferenceData.Contracts;
using CentresConnectes.SmsAlerts.Application;
using CentresConnectes.SmsAlerts.Domain;
using CentresConnectes.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CentresConnectes.BrowserTests;

/// <summary>
/// « Alertes » in a real browser, on a Tuesday morning (the app's clock): a reminder from a template
/// on a person's file, « Tester le rappel » and the message in the Journal; a campaign to two groups
/// with its recipients explained, sent, its statuses, then « Réutiliser ». Every screen passes axe's
/// WCAG A/AA rules and is photographed for the manual (07-alertes-sms.md).
/// </summary>
public sealed class SmsJourneyTests : StructureJourney
{
    [Fact]
    public async Task Reminder_tested_into_the_Journal_then_a_campaign_to_two_groups_sent_and_reused()
    {
        App.Clock.Set(TestClock.WorkingTuesdayUtc(DateTime.UtcNow, new TimeOnly(10, 0)));
        var (awa, _) = await ArrangeAsync();
        var page = await SignedInAdminAsync();

        // 1. From the person's file to her reminders; a template, previewed, saved.
        await page.GotoAsync($"/adherents/{awa}");
        await page.GetByTestId("person-reminders").ClickAsync();
        await Expect(Steps.Heading(page)).ToHaveTextAsync("Rappels de Awa DIOP");
        await page.GetByTestId("template-france-travail").ClickAsync();
        await Expect(page.GetByLabel("Titre")).ToHaveValueAsync("Actualisation France Travail");
        await page.GetByTestId("preview-reminder").ClickAsync();
        await Expect(page.GetByTestId("reminder-preview")).ToContainTextAsync("Bonjour Awa, pensez à votre actualisation France Travail");
        await Accessibility.CheckAsync(page, "Alertes SMS");
        await Screenshots.TakeAsync(page, "alertes-rappel-apercu");
        await page.GetByTestId("create-reminder").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Le rappel « Actualisation France Travail » est enregistré.");
        await Expect(page.GetByTestId("reminder")).ToContainTextAsync("du 28 (26 en février) au 15 du mois suivant");
        await Accessibility.CheckAsync(page, "Alertes SMS");
        await Screenshots.TakeAsync(page, "alertes-rappels-personne");

        // 2. « Tester le rappel »: a confirmation first, then the message is in the Journal.
        await page.GetByTestId("test-reminder").ClickAsync();
        await Expect(Steps.Heading(page)).ToHaveTextAsync("Tester le rappel « Actualisation France Travail »");
        await Expect(page.Locator("main")).ToContainTextAsync("06 12 34 56 78");
        await Accessibility.CheckAsync(page, "Alertes SMS");
        await Screenshots.TakeAsync(page, "alertes-tester-rappel");
        await page.GetByTestId("confirm-test").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Rappel envoyé pour test");
        await page.GotoAsync("/alertes/journal");
        await Expect(page.GetByTestId("journal")).ToContainTextAsync("Bonjour Awa, pensez à votre actualisation France Travail");
        await Accessibility.CheckAsync(page, "Alertes SMS");
        await Screenshots.TakeAsync(page, "alertes-journal");

        await page.GotoAsync("/alertes");
        await Expect(page.GetByTestId("upcoming")).ToContainTextAsync("DIOP Awa");
        await Accessibility.CheckAsync(page, "Alertes SMS");
        await Screenshots.TakeAsync(page, "alertes-echeances");

        // 3. A campaign to two groups: the composer counts, replaces the special characters, explains who receives it.
        await page.GotoAsync("/alertes/envois");
        await page.GetByTestId("new-campaign").ClickAsync();
        await page.GetByLabel("Titre", new() { Exact = true }).FillAsync("Sortie au musée");
        await page.GetByLabel("Petite enfance").CheckAsync();
        await page.GetByLabel("Culture").CheckAsync();
        await page.GetByLabel("Message", new() { Exact = true }).FillAsync("Bonjour {prenom}, sortie au musée samedi : rendez-vous à 10 h devant le centre. N’oubliez pas votre goûter !");
        await Expect(page.GetByTestId("sms-encoding")).ToHaveTextAsync("Unicode");
        await page.GetByTestId("to-gsm7").ClickAsync();
        await Expect(page.GetByLabel("Message", new() { Exact = true })).ToHaveValueAsync(new Regex("N'oubliez pas votre gouter"));
        await Expect(page.GetByTestId("sms-encoding")).ToHaveTextAsync("GSM-7");
        // A person chosen besides the groups: the register answers as one types (htmx); one already in a ticked group counts once.
        await page.GetByLabel("Rechercher dans le registre (nom ou prénom)").FillAsync("diop");
        await Expect(page.GetByTestId("person-results")).ToContainTextAsync("DIOP Awa", new() { Timeout = 30_000 });
        await page.GetByTestId("add-person").ClickAsync();
        await Expect(page.GetByTestId("chosen-persons")).ToContainTextAsync("déjà dans un groupe choisi", new() { Timeout = 30_000 });
        await page.GetByTestId("count-recipients").ClickAsync();
        await Expect(page.GetByTestId("campaign-preview")).ToContainTextAsync("2 personne(s) sur 3 recevront ce message.");
        await Expect(page.GetByTestId("campaign-preview")).ToContainTextAsync("1 sans consentement");
        await Accessibility.CheckAsync(page, "Alertes SMS");
        await Screenshots.TakeAsync(page, "alertes-envoi-nouveau");
        await page.GetByTestId("schedule-campaign").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Envoi programmé pour 2 personne(s)");
        var campaignUrl = page.Url;

        // 4. The dispatcher's run (the recurring job's work), then each recipient's status.
        await App.InScopeAsync(null, sp => sp.GetRequiredService<DeliveryDispatcher>().RunUntilIdleAsync(TimeSpan.FromSeconds(30)));
        await page.ReloadAsync();
        await Expect(page.GetByTestId("campaign-status")).ToHaveTextAsync("envoyé");
        await Expect(page.GetByTestId("deliveries").Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("deliveries")).ToContainTextAsync("envoyé");
        await Accessibility.CheckAsync(page, "Alertes SMS");
        await Screenshots.TakeAsync(page, "alertes-envoi-statuts");

        // 5. « Réutiliser » with a new date: a new campaign, scheduled.
        await page.GetByTestId("reuse-campaign").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Envoi réutilisé");
        await Expect(page).Not.ToHaveURLAsync(campaignUrl);
        await Expect(page.GetByTestId("campaign-status")).ToHaveTextAsync("programmé");
        await Screenshots.TakeAsync(page, "alertes-envoi-reutilise");

        await page.GotoAsync("/alertes/envois");
        await Expect(page.GetByTestId("campaigns").Locator("tbody tr")).ToHaveCountAsync(2);
        await Accessibility.CheckAsync(page, "Alertes SMS");
        await Screenshots.TakeAsync(page, "alertes-envois");
        await page.GotoAsync("/alertes/statistiques");
        await Expect(page.GetByTestId("stats-summary")).ToContainTextAsync("personnes touchées");
        await Accessibility.CheckAsync(page, "Alertes SMS");
        await Screenshots.TakeAsync(page, "alertes-statistiques");
        await page.GotoAsync("/alertes/reglages");
        await Accessibility.CheckAsync(page, "Alertes SMS");
        await Screenshots.TakeAsync(page, "alertes-reglages");
    }

    /// <summary>Awa (SMS yes, Petite enfance), Karim (SMS yes, Culture), Lucie (no consent, Culture).</summary>
    private async Task<(Guid Awa, Guid Karim)> ArrangeAsync()
    {
        var structureId = await App.DbAsync(null, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            System.Linq.Queryable.Select(db.Set<Platform.Domain.Structure>(), s => s.Id)));
        return await App.InScopeAsync(structureId, async sp =>
        {
            var groups = await sp.GetRequiredService<IReferenceDataQuery>().ListAsync(ReferenceListKind.Groupe);
            Guid G(string label) => groups.Single(g => g.Label == label).Id;
            var persons = sp.GetRequiredService<PersonService>();
            var awa = await persons.CreateAsync(new PersonInput { LastName = "DIOP", FirstName = "Awa", DateOfBirth = new DateOnly(1988, 4, 2), Mobile = "06 12 34 56 78", ConsentSms = true, GroupIds = [G("Petite enfance")] });
            var karim = await persons.CreateAsync(new PersonInput { LastName = "HADDAD", FirstName = "Karim", DateOfBirth = new DateOnly(1979, 9, 20), Mobile = "07 81 23 45 67", ConsentSms = true, GroupIds = [G("Culture")] });
            await persons.CreateAsync(new PersonInput { LastName = "MOREL", FirstName = "Lucie", DateOfBirth = new DateOnly(1995, 1, 15), Mobile = "06 98 76 54 32", ConsentSms = false, GroupIds = [G("Culture")] });
            return (awa, karim);
        });
    }
}
