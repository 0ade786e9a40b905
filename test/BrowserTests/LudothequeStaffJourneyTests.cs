using System.Text.RegularExpressions;
using CentresConnectes.Members.Application;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CentresConnectes.BrowserTests;

/// <summary>
/// The ludothèque as staff use it: slots generated for two months, a presence recorded for a past day,
/// the attendance list of that month. Takes the staff screenshots of the « Ludothèque » chapter.
/// </summary>
public sealed class LudothequeStaffJourneyTests : StructureJourney
{
    [Fact]
    public async Task Generate_slots_record_a_past_presence_and_list_the_month()
    {
        // Last month and this one: last month is all in the past, whatever the day the test runs. The
        // presence goes on its first day that is not a public holiday (the slots skip those: 1 January,
        // 1 May, 1 November).
        var today = ParisTime.Today(TimeProvider.System);
        var firstOfMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var presenceDay = firstOfMonth;
        while (FrenchHolidays.IsPublicHoliday(presenceDay))
            presenceDay = presenceDay.AddDays(1);
        var structureId = await App.DbAsync(null, db => db.Structures.Where(s => s.Name == StructureName).Select(s => s.Id).SingleAsync());
        await App.InScopeAsync(structureId, async sp =>
        {
            var household = await sp.GetRequiredService<HouseholdService>().CreateAsync(new HouseholdInput { Name = "MARTIN" });
            foreach (var (first, born) in new[] { ("Sophie", new DateOnly(1988, 3, 14)), ("Léa", new DateOnly(2017, 5, 20)) })
                await sp.GetRequiredService<PersonService>().CreateAsync(new PersonInput { LastName = "Martin", FirstName = first, DateOfBirth = born, HouseholdId = household });
        });
        var page = await SignedInAdminAsync();

        // 1. « Générer les créneaux »: two months, every day, two ranges, no public holiday.
        await page.GotoAsync("/ludotheque/creneaux/generer");
        await page.GetByLabel("De", new() { Exact = true }).FillAsync(firstOfMonth.ToString("yyyy-MM-dd"));
        await page.GetByLabel("À", new() { Exact = true }).FillAsync(firstOfMonth.AddMonths(2).AddDays(-1).ToString("yyyy-MM-dd"));
        await page.GetByLabel("Tous").CheckAsync();
        await Expect(page.GetByLabel("Dimanche")).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter une plage horaire" }).ClickAsync();
        await page.GetByLabel("Plage 3 : de").FillAsync("16:30");
        await page.Locator("#range-2-end").FillAsync("18:30");
        await Screenshots.TakeAsync(page, "ludotheque-generer-creneaux");
        await page.GetByTestId("generate-submit").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/ludotheque/creneaux\\?du="));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("créneaux créés avec succès");
        await Expect(page.GetByTestId("slot-list")).ToContainTextAsync("16:30 - 18:30");
        await Screenshots.TakeAsync(page, "ludotheque-liste-creneaux");

        // 2. Generating again creates nothing new.
        await page.GotoAsync("/ludotheque/creneaux/generer");
        await page.GetByLabel("De", new() { Exact = true }).FillAsync(firstOfMonth.ToString("yyyy-MM-dd"));
        await page.GetByLabel("À", new() { Exact = true }).FillAsync(firstOfMonth.AddDays(6).ToString("yyyy-MM-dd"));
        await page.GetByLabel("Tous").CheckAsync();
        await page.GetByTestId("generate-submit").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Aucun créneau créé");

        // 3. A presence for a past day.
        await page.GotoAsync($"/ludotheque/presences?date={presenceDay:yyyy-MM-dd}");
        await page.GetByRole(AriaRole.Link, new() { Name = "14:00 - 18:00" }).ClickAsync();
        await page.GetByLabel("Nom ou prénom").FillAsync("marti");
        var lea = page.GetByTestId("search-results").Locator("li", new() { HasText = "Léa" });
        await lea.GetByLabel("Heure d'arrivée de Martin Léa").FillAsync("14:25");
        await lea.GetByRole(AriaRole.Button, new() { Name = "Présent" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("La présence a bien été enregistrée.");
        await Expect(page.GetByTestId("present-list")).ToContainTextAsync("Martin Léa");
        await Expect(page.GetByTestId("present-list")).ToContainTextAsync("arrivée 14:25");
        await Screenshots.TakeAsync(page, "ludotheque-saisir-presences");

        // 4. « Liste de présence » of the month with the chosen columns.
        await page.GotoAsync("/ludotheque/liste-de-presence");
        await page.GetByLabel("Période : du").FillAsync(firstOfMonth.ToString("yyyy-MM-dd"));
        await page.GetByLabel("au", new() { Exact = true }).FillAsync(firstOfMonth.AddMonths(1).AddDays(-1).ToString("yyyy-MM-dd"));
        await page.GetByLabel("Ville de résidence").CheckAsync();
        await page.GetByTestId("attendance-submit").ClickAsync();
        await Expect(page.GetByTestId("attendance-table")).ToContainTextAsync("Martin");
        await Expect(page.GetByTestId("attendance-table")).ToContainTextAsync("14:25");
        await Expect(page.GetByTestId("attendance-table").Locator("thead")).ToContainTextAsync("Ville de résidence");
        await Screenshots.TakeAsync(page, "ludotheque-liste-de-presence");

        // 5. The day's page with the counter.
        await page.GotoAsync("/ludotheque");
        await Expect(page.GetByTestId("presence-counter")).ToContainTextAsync("Compteur des présents");
        await Screenshots.TakeAsync(page, "ludotheque-aujourdhui");
    }
}
