using CentresConnectes.Members.Domain;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace CentresConnectes.BrowserTests;

/// <summary>
/// RGPD retention as the structure's admin meets it: the « Conservation (RGPD) » tab lists the persons
/// without contact for two years, she ticks one, confirms, and the person leaves the list. Takes the
/// manual's « conservation » screenshots and checks both screens with axe-core.
/// </summary>
public sealed class RetentionJourneyTests : StructureJourney
{
    [Fact]
    public async Task The_admin_anonymises_a_person_without_contact_for_two_years()
    {
        var structureId = await App.DbAsync(null, db => db.Structures.Where(s => s.Name == StructureName).Select(s => s.Id).SingleAsync());
        var threeYearsAgo = DateTime.UtcNow.AddYears(-3);
        await App.DbAsync(structureId, db =>
        {
            foreach (var (last, first, born) in new[] { ("Morel", "Kévin", "1991-04-03"), ("Lambert", "Chloé", "2012-10-21"), ("Fontaine", "Yves", "1957-02-11") })
                db.Add(new Person(last, first, DateOnly.Parse(born), DateOnly.FromDateTime(threeYearsAgo)) { CreatedAtUtc = threeYearsAgo });
            // Registered last month: not listed.
            db.Add(new Person("Girard", "Inès", new DateOnly(1988, 6, 9), DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(-1))) { CreatedAtUtc = DateTime.UtcNow.AddMonths(-1) });
            return db.SaveChangesAsync();
        });

        var page = await SignedInAdminAsync();
        await page.GotoAsync("/adherents");
        await page.GetByTestId("retention-tab").ClickAsync();
        await Expect(page.GetByTestId("retention-count")).ToHaveTextAsync("3 personnes sans contact.");
        await Expect(page.GetByTestId("retention-table")).Not.ToContainTextAsync("Girard");
        await Screenshots.TakeAsync(page, "conservation-liste");
        await Accessibility.CheckAsync(page, "retention list");

        await page.GetByLabel("Morel Kévin").CheckAsync();
        await page.GetByTestId("retention-anonymise").ClickAsync();
        await Expect(page.GetByTestId("retention-confirm")).ToContainTextAsync("Vous allez anonymiser 1 personne.");
        await Screenshots.TakeAsync(page, "conservation-confirmer");
        await Accessibility.CheckAsync(page, "retention confirmation");
        await page.GetByTestId("retention-confirm-button").ClickAsync();

        await Expect(page.Locator("main")).ToContainTextAsync("1 personne a été anonymisée");
        await Expect(page.GetByTestId("retention-count")).ToHaveTextAsync("2 personnes sans contact.");
        (await App.DbAsync(structureId, db => db.Set<Person>().CountAsync(p => p.IsAnonymised))).ShouldBe(1);
    }
}
