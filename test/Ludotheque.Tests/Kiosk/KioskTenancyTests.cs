using System.Net;
using CentresConnectes.Ludotheque.Application;
using CentresConnectes.Ludotheque.Domain;
using CentresConnectes.Platform.Application;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Domain;
using CentresConnectes.Platform.Infrastructure;
using CentresConnectes.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace CentresConnectes.Ludotheque.Tests.Kiosk;

/// <summary>
/// A kiosk works in the structure of its device credential only: it never shows or records anything of
/// another structure, a revoked device or card opens nothing, and staff of B get 404 for A's ids.
/// </summary>
public abstract class KioskTenancyTests(LudothequeFactory app) : IDisposable
{
    // The kiosk tests stop the clock inside a slot: the shared host gets the real time back after each.
    public void Dispose() => app.Clock.Reset();

    [Fact]
    public async Task A_kiosk_without_a_valid_device_credential_serves_nothing()
    {
        var anonymous = app.CreateTestClient();
        foreach (var url in new[] { "/ludotheque/borne", "/ludotheque/borne/famille", "/ludotheque/borne/carte", "/ludotheque/borne/compteur", "/ludotheque/borne/identifiants-oublies" })
            (await anonymous.GetAsync(url)).ShouldRedirectTo("/borne/non-installee");
        var page = await anonymous.GetAsync("/borne/non-installee");
        page.ShouldBe(HttpStatusCode.Forbidden);
        (await page.TextAsync()).ShouldContain("Cet appareil n'est pas une borne");

        // A made-up credential is no better.
        var forged = app.CreateTestClient();
        forged.Http.DefaultRequestHeaders.Add("Cookie", $"{KioskDeviceService.CookieName}=invente");
        (await forged.GetAsync("/ludotheque/borne")).ShouldRedirectTo("/borne/non-installee");
    }

    [Fact]
    public async Task A_revoked_kiosk_is_refused_at_once_even_with_a_page_open()
    {
        var s = await app.ArrangeAsync("Révoquée");
        await s.Kiosk.SignInAtKioskAsync(s.Login);
        var (_, ticket, token) = await s.Kiosk.FamilyPageAsync();
        var deviceId = await app.DbAsync(s.Structure.Id, db => db.KioskDevices.Select(d => d.Id).SingleAsync());
        (await s.Admin.PostFormAsync("/ludotheque/bornes", TestClient.Form(), $"/ludotheque/bornes?handler=Revoke&id={deviceId}")).ShouldRedirectTo("/ludotheque/bornes");

        (await s.Kiosk.GetAsync("/ludotheque/borne")).ShouldRedirectTo("/borne/non-installee");
        var validate = await s.Kiosk.ValidateAsync(token, ticket, s.PersonIds);
        validate.ShouldBe(HttpStatusCode.Forbidden);
        (await validate.MessageAsync()).ShouldBe(KioskDeviceContext.NotEnrolledMessage);
        // The page's own VALIDER (a browser without script) is refused the same.
        var page = await s.Kiosk.ValidateAsync(token, ticket, s.PersonIds, url: "/ludotheque/borne/famille");
        page.ShouldBe(HttpStatusCode.Forbidden);
        (await page.Content.ReadAsStringAsync()).ShouldContain("n'est pas (ou plus) une borne");
        (await app.PresencesAsync(s.Structure.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_suspended_structure_s_kiosk_is_refused_at_once_though_its_device_was_just_read()
    {
        var s = await app.ArrangeAsync("Suspendue");
        // The device was just resolved (and remembered, ADR 0022): suspending the structure still shuts it at once.
        (await s.Kiosk.GetAsync("/ludotheque/borne")).ShouldBe(HttpStatusCode.OK);
        await app.InScopeAsync(null, sp => sp.GetRequiredService<StructureService>().SetActiveAsync(s.Structure.Id, false));
        (await s.Kiosk.GetAsync("/ludotheque/borne")).ShouldRedirectTo("/borne/non-installee");
        await app.InScopeAsync(null, sp => sp.GetRequiredService<StructureService>().SetActiveAsync(s.Structure.Id, true));
        (await s.Kiosk.GetAsync("/ludotheque/borne")).ShouldBe(HttpStatusCode.OK);

        // Revoked behind the application's back (SQL, another process): refused once the device is read again, within a minute.
        await app.DbAsync(s.Structure.Id, db => db.KioskDevices.ExecuteUpdateAsync(u => u.SetProperty(d => d.RevokedAtUtc, DateTime.UtcNow)));
        app.Clock.Advance(KioskDeviceCache.Lifetime + TimeSpan.FromSeconds(1));
        (await s.Kiosk.GetAsync("/ludotheque/borne")).ShouldRedirectTo("/borne/non-installee");
    }

    [Fact]
    public async Task A_kiosk_of_A_never_shows_or_records_anything_of_B()
    {
        var a = await app.ArrangeAsync("Structure A", email: "meme.famille@exemple.test");
        var b = await app.ArrangeAsync("Structure B", email: "meme.famille@exemple.test");
        // The same family e-mail has one account in each structure; each kiosk opens its own.
        (await a.Kiosk.SignInAtKioskAsync("meme.famille@exemple.test")).ShouldRedirectTo("/ludotheque/borne/famille");
        (await a.Kiosk.FamilyPageAsync()).Html.ShouldContain("MARTINSTRUCTUREA");
        var (_, ticketA, tokenA) = await a.Kiosk.FamilyPageAsync();

        // B's kiosk signs in B's family, whose page shows B only.
        await b.Kiosk.SignInAtKioskAsync("meme.famille@exemple.test");
        var (htmlB, ticketB, tokenB) = await b.Kiosk.FamilyPageAsync();
        htmlB.ShouldContain("MARTINSTRUCTUREB");
        htmlB.ShouldNotContain("MARTINSTRUCTUREA");

        // A's ticket on B's kiosk, and A's persons in B's ticket: refused, nothing written.
        (await b.Kiosk.ValidateAsync(tokenB, ticketA, a.PersonIds)).ShouldBe(HttpStatusCode.BadRequest);
        (await b.Kiosk.ValidateAsync(tokenB, ticketB, a.PersonIds)).ShouldBe(HttpStatusCode.BadRequest);
        (await app.PresencesAsync(a.Structure.Id)).ShouldBeEmpty();
        (await app.PresencesAsync(b.Structure.Id)).ShouldBeEmpty();

        // A records; B's counter stays at 0.
        (await a.Kiosk.ValidateAsync(tokenA, ticketA, a.PersonIds.Take(2))).ShouldBe(HttpStatusCode.OK);
        (await a.Kiosk.GetTextAsync("/ludotheque/borne/compteur")).ShouldContain("data-testid=\"counter-value\">2<");
        (await b.Kiosk.GetTextAsync("/ludotheque/borne/compteur")).ShouldContain("data-testid=\"counter-value\">0<");

        // A family identifiant of B means nothing on A's kiosk.
        var onlyB = await app.InAsync(b.Structure.Id, async sp =>
        {
            var other = await app.FamilyAsync(b.Structure.Id, "SEULB", ("Jo", DateOnly.Parse("2010-01-01")));
            return (await sp.GetRequiredService<FamilyAccountService>().CreateAsync(other.HouseholdId,
                new FamilyAccountInput { Login = "seulement-b", Password = KioskWorld.Password })).Login;
        });
        (await (await a.Kiosk.SignInAtKioskAsync(onlyB)).TextAsync()).ShouldContain(FamilyAccountService.GenericSignInError);
    }

    [Fact]
    public async Task A_card_opens_its_family_on_its_own_kiosks_only_and_stops_when_revoked()
    {
        var a = await app.ArrangeAsync("Carte A");
        var b = await app.ArrangeAsync("Carte B");
        var token = await app.InAsync(a.Structure.Id, sp => sp.GetRequiredService<FamilyCardService>().IssueAsync(a.HouseholdId));
        token.Length.ShouldBe(FamilyCardService.TokenLength);
        (await app.DbAsync(a.Structure.Id, db => db.Set<FamilyCard>().Select(c => c.TokenHash).SingleAsync())).ShouldNotBe(System.Text.Encoding.UTF8.GetBytes(token));

        // B's kiosk does not know A's card.
        var onB = await b.Kiosk.PostFormAsync("/ludotheque/borne/carte", TestClient.Form(("Token", token)));
        onB.ShouldBe(HttpStatusCode.OK);
        (await onB.TextAsync()).ShouldContain(FamilyCardService.Unknown);
        (await b.Kiosk.GetAsync("/ludotheque/borne/famille")).ShouldRedirectTo("/ludotheque/borne");

        // A's kiosk opens A's family, and VALIDER records as a card check-in.
        (await a.Kiosk.PostFormAsync("/ludotheque/borne/carte", TestClient.Form(("Token", token)))).ShouldRedirectTo("/ludotheque/borne/famille");
        var (html, ticket, form) = await a.Kiosk.FamilyPageAsync();
        html.ShouldContain("MARTINCARTEA");
        (await a.Kiosk.ValidateAsync(form, ticket, a.PersonIds.Take(1))).ShouldBe(HttpStatusCode.OK);
        (await app.PresencesAsync(a.Structure.Id)).Single().Source.ShouldBe(PresenceSource.QrCard);

        // Printing a new card revokes the old one; revoking stops the new one.
        var second = await app.InAsync(a.Structure.Id, sp => sp.GetRequiredService<FamilyCardService>().IssueAsync(a.HouseholdId));
        (await (await a.Kiosk.PostFormAsync("/ludotheque/borne/carte", TestClient.Form(("Token", token)))).TextAsync()).ShouldContain(FamilyCardService.Unknown);
        await app.InScopeAsync(a.Structure.Id, sp => sp.GetRequiredService<FamilyCardService>().RevokeAsync(a.HouseholdId));
        (await (await a.Kiosk.PostFormAsync("/ludotheque/borne/carte", TestClient.Form(("Token", second)))).TextAsync()).ShouldContain(FamilyCardService.Unknown);
    }

    [Theory]
    [InlineData("")]
    [InlineData("n'importe quoi")]
    [InlineData("ccf1.court")]
    [InlineData("https://exemple.test/?q=<script>alert(1)</script>")]
    public async Task A_malformed_card_payload_gets_a_French_message(string payload)
    {
        var s = await app.ArrangeAsync("QR invalide");
        var response = await s.Kiosk.PostFormAsync("/ludotheque/borne/carte", TestClient.Form(("Token", payload)));
        response.ShouldBe(HttpStatusCode.OK);
        (await response.TextAsync()).ShouldContain(FamilyCardService.Unknown);
    }

    [Fact]
    public async Task A_huge_card_payload_gets_a_French_message()
    {
        var s = await app.ArrangeAsync("QR énorme");
        var response = await s.Kiosk.PostFormAsync("/ludotheque/borne/carte", TestClient.Form(("Token", "ccf1." + new string('A', 100_000))));
        response.ShouldBe(HttpStatusCode.OK);
        (await response.TextAsync()).ShouldContain(FamilyCardService.Unknown);
    }

    [Fact]
    public async Task Staff_of_B_get_404_for_A_s_family_accounts_cards_and_kiosks()
    {
        var a = await app.ArrangeAsync("Staff A");
        var (_, adminB) = await app.StructureWithAdminAsync("Staff B");
        var deviceA = await app.DbAsync(a.Structure.Id, db => db.KioskDevices.Select(d => d.Id).SingleAsync());
        using (adminB)
        {
            (await adminB.GetAsync($"/ludotheque/familles/{a.HouseholdId}/compte")).ShouldBe(HttpStatusCode.NotFound);
            var own = await adminB.GetPageAsync("/ludotheque/bornes");
            WebUtility.HtmlDecode(own).ShouldContain("Aucune borne pour l'instant.");
            var token = TestClient.AntiforgeryToken(own);
            foreach (var handler in new[] { "Card", "RevokeCard", "Act", "Reset", "Active" })
            {
                var response = await adminB.Http.PostAsync($"/ludotheque/familles/{a.HouseholdId}/compte?handler={handler}",
                    new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["active"] = "false" }));
                response.ShouldBe(HttpStatusCode.NotFound, handler);
            }
            (await adminB.Http.PostAsync($"/ludotheque/bornes?handler=Revoke&id={deviceA}",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }))).ShouldBe(HttpStatusCode.NotFound);
        }
        // Nothing of A changed.
        (await app.DbAsync(a.Structure.Id, db => db.KioskDevices.SingleAsync())).RevokedAtUtc.ShouldBeNull();
        (await app.DbAsync(a.Structure.Id, db => db.Set<FamilyCard>().CountAsync())).ShouldBe(0);
        (await app.DbAsync(a.Structure.Id, db => db.Set<FamilyAccount>().SingleAsync())).IsActive.ShouldBeTrue();
        (await a.Kiosk.GetAsync("/ludotheque/borne")).ShouldBe(HttpStatusCode.OK);
    }
}

[Collection(PostgresCollection.Postgres)]
public sealed class PostgresKioskTenancyTests(PostgresLudothequeFactory app) : KioskTenancyTests(app);

[Collection(SqliteCollection.Sqlite)]
public sealed class SqliteKioskTenancyTests(SqliteLudothequeFactory app) : KioskTenancyTests(app);
