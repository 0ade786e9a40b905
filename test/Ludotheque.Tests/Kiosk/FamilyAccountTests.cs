using System.Net;
using CentresConnectes.Ludotheque.Application;
using CentresConnectes.Ludotheque.Domain;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.Platform.Domain;
using CentresConnectes.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace CentresConnectes.Ludotheque.Tests.Kiosk;

/// <summary>Family accounts from the household page, cards, and staff acting as the family.</summary>
public abstract class FamilyAccountTests(LudothequeFactory app) : IDisposable
{
    // The kiosk tests stop the clock inside a slot: the shared host gets the real time back after each.
    public void Dispose() => app.Clock.Reset();

    [Fact]
    public async Task Staff_open_a_family_account_from_the_household_page_and_identifiants_are_unique_per_structure()
    {
        var (structure, admin) = await app.StructureWithAdminAsync("Comptes");
        var first = await app.FamilyAsync(structure.Id, "DUPONT", ("Ana", DateOnly.Parse("1990-01-01")));
        var second = await app.FamilyAsync(structure.Id, "DURAND", ("Léo", DateOnly.Parse("1991-01-01")));
        using (admin)
        {
            var household = await admin.GetTextAsync($"/familles/{first.HouseholdId}");
            household.ShouldContain("Compte famille");
            household.ShouldContain("Créer le compte famille");

            var page = $"/ludotheque/familles/{first.HouseholdId}/compte";
            (await admin.PostFormAsync(page, TestClient.Form(("Input.Login", "dupont"), ("Input.Password", KioskWorld.Password)), page + "?handler=Create"))
                .ShouldRedirectTo(page);
            (await admin.GetTextAsync($"/familles/{first.HouseholdId}")).ShouldContain("Identifiant « dupont »");

            // The same identifiant for another family of the structure: refused in French, nothing created.
            var other = $"/ludotheque/familles/{second.HouseholdId}/compte";
            var refused = await admin.PostFormAsync(other, TestClient.Form(("Input.Login", "DUPONT"), ("Input.Password", KioskWorld.Password)), other + "?handler=Create");
            refused.ShouldBe(HttpStatusCode.OK);
            (await refused.TextAsync()).ShouldContain("L'identifiant « DUPONT » est déjà pris dans la structure");
            // No e-mail and no password: a French refusal too; a malformed identifiant as well.
            (await (await admin.PostFormAsync(other, TestClient.Form(("Input.Login", "durand")), other + "?handler=Create")).TextAsync())
                .ShouldContain("Sans adresse e-mail, choisissez un mot de passe");
            (await (await admin.PostFormAsync(other, TestClient.Form(("Input.Login", "a b"), ("Input.Password", KioskWorld.Password)), other + "?handler=Create")).TextAsync())
                .ShouldContain("L'identifiant doit compter au moins 3 caractères");
        }
        (await app.DbAsync(structure.Id, db => db.Set<FamilyAccount>().CountAsync())).ShouldBe(1);
        var user = await app.DbAsync(structure.Id, db => db.Users.SingleAsync(u => u.Id == db.Set<FamilyAccount>().Select(a => a.UserId).Single()));
        user.TenantId.ShouldBe(structure.Id);
        (await app.InScopeAsync(null, sp => sp.GetRequiredService<UserManager<AppUser>>().IsInRoleAsync(user, Roles.Famille))).ShouldBeTrue();
    }

    [Fact]
    public async Task Staff_print_a_credit_card_sized_pdf_card()
    {
        var s = await app.ArrangeAsync("Impression");
        var page = $"/ludotheque/familles/{s.HouseholdId}/compte";
        var response = await s.Admin.PostFormAsync(page, TestClient.Form(), page + "?handler=Card");
        response.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var pdf = await response.Content.ReadAsByteArrayAsync();
        System.Text.Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
        // 85.6 × 54 mm in points.
        var box = System.Text.RegularExpressions.Regex.Match(System.Text.Encoding.Latin1.GetString(pdf), @"/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]");
        box.Success.ShouldBeTrue();
        double.Parse(box.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(85.6 * 72 / 25.4, 0.5); // Skia rounds the page box to whole points
        double.Parse(box.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(54 * 72 / 25.4, 0.5);
        (await app.DbAsync(s.Structure.Id, db => db.Set<FamilyCard>().CountAsync(c => c.RevokedAtUtc == null))).ShouldBe(1);
        (await s.Admin.GetTextAsync(page)).ShouldContain("Une carte est en service.");
    }

    [Fact]
    public async Task Staff_record_presences_as_the_family_and_the_audit_names_both()
    {
        var s = await app.ArrangeAsync("Pour la famille");
        var page = $"/ludotheque/familles/{s.HouseholdId}/compte";
        (await s.Admin.PostFormAsync(page, TestClient.Form(), page + "?handler=Act")).ShouldRedirectTo("/ludotheque/ma-presence");
        var (html, ticket, token) = await s.Admin.FamilyPageAsync("/ludotheque/ma-presence");
        html.ShouldContain("Famille <strong>MARTINPOURLAFAMILLE</strong>");
        (await s.Admin.ValidateAsync(token, ticket, s.PersonIds.Take(2), url: "/ludotheque/ma-presence")).ShouldBe(HttpStatusCode.OK);

        var presences = await app.PresencesAsync(s.Structure.Id);
        presences.Count.ShouldBe(2);
        var familyUser = await app.DbAsync(s.Structure.Id, db => db.Set<FamilyAccount>().Select(a => a.UserId).SingleAsync());
        var adminUser = await app.DbAsync(s.Structure.Id, db => db.Users.Where(u => u.Email == s.Structure.AdminEmail).Select(u => u.Id).SingleAsync());
        presences.ShouldAllBe(p => p.Source == PresenceSource.Staff && p.RecordedByUserId == familyUser && p.OnBehalfOfUserId == adminUser);
        var audit = await app.DbAsync(s.Structure.Id, db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.TenantId == s.Structure.Id && e.Action == "Présence saisie pour la famille"));
        audit.UserId.ShouldBe(familyUser);
        audit.ImpersonatorId.ShouldBe(adminUser);

        // A ticket issued to the family account is no use on a kiosk, and a kiosk's is no use here.
        (await s.Kiosk.ValidateAsync(TestClient.AntiforgeryToken(await s.Kiosk.GetPageAsync("/ludotheque/borne")), ticket, s.PersonIds)).ShouldBe(HttpStatusCode.BadRequest);

        // Back to the staff account; the family page is then closed to it.
        (await s.Admin.PostFormAsync("/intervention/fin", TestClient.Form())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await s.Admin.GetAsync("/ludotheque/ma-presence")).ShouldRedirectTo("/erreur/403");
    }

    [Fact]
    public async Task A_household_page_shows_no_family_account_box_without_the_kiosk_permission()
    {
        var (structure, admin) = await app.StructureWithAdminAsync("Animateur");
        admin.Dispose();
        var family = await app.FamilyAsync(structure.Id, "SANSBOITE", ("Ana", DateOnly.Parse("1990-01-01")));
        var animateur = await app.SignInAsync(await app.CreateStaffAsync(structure.Id, Roles.Animateur));
        (await animateur.GetTextAsync($"/familles/{family.HouseholdId}")).ShouldNotContain("family-account-section");
        (await animateur.GetAsync($"/ludotheque/familles/{family.HouseholdId}/compte")).ShouldRedirectTo("/erreur/403");
    }
}

[Collection(PostgresCollection.Postgres)]
public sealed class PostgresFamilyAccountTests(PostgresLudothequeFactory app) : FamilyAccountTests(app);

[Collection(SqliteCollection.Sqlite)]
public sealed class SqliteFamilyAccountTests(SqliteLudothequeFactory app) : FamilyAccountTests(app);

/// <summary>The API over the same services: family accounts, cards, kiosks; another structure's ids answer 404.</summary>
public abstract class KioskApiTests(LudothequeFactory app) : IDisposable
{
    // The kiosk tests stop the clock inside a slot: the shared host gets the real time back after each.
    public void Dispose() => app.Clock.Reset();

    [Fact]
    public async Task Family_accounts_cards_and_kiosks_over_the_API_and_404_for_another_structure()
    {
        var a = await app.ArrangeAsync("API A");
        var (b, adminB) = await app.StructureWithAdminAsync("API B");
        var familyB = await app.FamilyAsync(b.Id, "APIB", ("Jo", DateOnly.Parse("2010-01-01")));
        using (adminB)
        {
            var created = await adminB.PostJsonAsync($"/api/ludotheque/families/{familyB.HouseholdId}/account", new { login = "api-b", password = KioskWorld.Password });
            created.ShouldBe(HttpStatusCode.Created);
            (await adminB.GetJsonAsync<FamilyAccountView>($"/api/ludotheque/families/{familyB.HouseholdId}/account")).Login.ShouldBe("api-b");
            var refused = await adminB.PostJsonAsync($"/api/ludotheque/families/{familyB.HouseholdId}/account", new { login = "api-b", password = KioskWorld.Password });
            refused.ShouldBe(HttpStatusCode.BadRequest);
            (await refused.Content.ReadAsStringAsync()).ShouldContain("Cette famille a déjà un compte.");
            var card = await adminB.Http.PostAsync($"/api/ludotheque/families/{familyB.HouseholdId}/card", null);
            card.ShouldBe(HttpStatusCode.OK);
            card.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
            (await adminB.Http.DeleteAsync($"/api/ludotheque/families/{familyB.HouseholdId}/card")).ShouldBe(HttpStatusCode.NoContent);
            (await adminB.GetJsonAsync<List<CentresConnectes.Platform.Application.KioskDeviceView>>("/api/ludotheque/kiosks")).ShouldBeEmpty();

            // A's family and kiosk, from B: 404 everywhere, nothing changed.
            var deviceA = await app.DbAsync(a.Structure.Id, db => db.KioskDevices.Select(d => d.Id).SingleAsync());
            (await adminB.GetAsync($"/api/ludotheque/families/{a.HouseholdId}/account")).ShouldBe(HttpStatusCode.NotFound);
            (await adminB.PostJsonAsync($"/api/ludotheque/families/{a.HouseholdId}/account", new { login = "vol", password = KioskWorld.Password })).ShouldBe(HttpStatusCode.NotFound);
            (await adminB.PostJsonAsync($"/api/ludotheque/families/{a.HouseholdId}/account/reset", new { password = "Un autre mot de passe 99" })).ShouldBe(HttpStatusCode.NotFound);
            (await adminB.PostJsonAsync($"/api/ludotheque/families/{a.HouseholdId}/account/active", new { active = false })).ShouldBe(HttpStatusCode.NotFound);
            (await adminB.Http.PostAsync($"/api/ludotheque/families/{a.HouseholdId}/card", null)).ShouldBe(HttpStatusCode.NotFound);
            (await adminB.Http.DeleteAsync($"/api/ludotheque/families/{a.HouseholdId}/card")).ShouldBe(HttpStatusCode.NotFound);
            (await adminB.Http.DeleteAsync($"/api/ludotheque/kiosks/{deviceA}")).ShouldBe(HttpStatusCode.NotFound);
        }
        (await a.Kiosk.SignInAtKioskAsync(a.Login)).ShouldRedirectTo("/ludotheque/borne/famille");
        (await app.DbAsync(a.Structure.Id, db => db.Set<FamilyCard>().CountAsync())).ShouldBe(0);
    }
}

[Collection(PostgresCollection.Postgres)]
public sealed class PostgresKioskApiTests(PostgresLudothequeFactory app) : KioskApiTests(app);

[Collection(SqliteCollection.Sqlite)]
public sealed class SqliteKioskApiTests(SqliteLudothequeFactory app) : KioskApiTests(app);
