using System.Net;
using CentresConnectes.Ludotheque.Application;
using CentresConnectes.Ludotheque.Application.Kiosk;
using CentresConnectes.Ludotheque.Domain;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace CentresConnectes.Ludotheque.Tests.Kiosk;

/// <summary>The kiosk end to end over HTTP: enrolment, family sign-in, VALIDER, replay, refusals, counter.</summary>
public abstract class KioskCheckInTests(LudothequeFactory app) : IDisposable
{
    // The kiosk tests stop the clock inside a slot: the shared host gets the real time back after each.
    public void Dispose() => app.Clock.Reset();

    [Fact]
    public async Task A_family_signs_in_on_the_kiosk_ticks_two_of_four_and_the_counter_shows_two()
    {
        var s = await app.ArrangeAsync("Borne");
        var home = await s.Kiosk.GetTextAsync("/ludotheque/borne");
        home.ShouldContain("Se connecter");
        home.ShouldContain("Scanner ma carte");
        home.ShouldContain("Identifiants oubliés ?");
        home.ShouldContain("MERCREDI 4 JUIN 2025");

        (await s.Kiosk.SignInAtKioskAsync(s.Login)).ShouldRedirectTo("/ludotheque/borne/famille");
        var (html, ticket, token) = await s.Kiosk.FamilyPageAsync();
        html.ShouldContain("Famille <strong>MARTINBORNE</strong>");
        html.ShouldContain("Sophie");
        html.ShouldContain("VALIDER");

        var answer = await s.Kiosk.ValidateAsync(token, ticket, s.PersonIds.Take(2));
        answer.ShouldBe(HttpStatusCode.OK);
        (await answer.MessageAsync()).ShouldBe(KioskCheckInService.Thanks);

        var presences = await app.PresencesAsync(s.Structure.Id);
        presences.Select(p => p.PersonId).Order().ShouldBe(s.PersonIds.Take(2).Order());
        presences.ShouldAllBe(p => p.SlotId == s.Slot.Id && p.Source == PresenceSource.Kiosk && p.HouseholdId == s.HouseholdId && p.RecordedByUserId != null);
        presences.ShouldAllBe(p => p.ArrivedAtUtc == s.Slot.StartsAtUtc.AddMinutes(30));

        // VALIDER ended the family session: the family page sends the next one home.
        (await s.Kiosk.GetAsync("/ludotheque/borne/famille")).ShouldRedirectTo("/ludotheque/borne");
        var counter = await s.Kiosk.GetTextAsync("/ludotheque/borne/compteur");
        counter.ShouldContain("Compteur des présents");
        counter.ShouldContain("data-testid=\"counter-value\">2<");
        (await s.Admin.GetTextAsync("/ludotheque/compteur")).ShouldContain("data-testid=\"counter-value\">2<");
    }

    /// <summary>A card opens its family with or without an account; VALIDER is recorded by the family's active account when it has one.</summary>
    [Fact]
    public async Task A_card_check_in_is_recorded_by_the_family_s_active_account_or_by_nobody()
    {
        var s = await app.ArrangeAsync("Carte compte");
        var withAccount = await app.InAsync(s.Structure.Id, sp => sp.GetRequiredService<FamilyAccountService>().FindByHouseholdAsync(s.HouseholdId));
        var disabled = await app.FamilyAsync(s.Structure.Id, "DUPONT", ("Anne", DateOnly.Parse("1990-02-03")));
        await app.InScopeAsync(s.Structure.Id, async sp =>
        {
            var accounts = sp.GetRequiredService<FamilyAccountService>();
            await accounts.CreateAsync(disabled.HouseholdId, new FamilyAccountInput { Login = "dupont-carte", Password = KioskWorld.Password });
            await accounts.SetActiveAsync(disabled.HouseholdId, false);
        });
        var without = await app.FamilyAsync(s.Structure.Id, "SANSCOMPTE", ("Jo", DateOnly.Parse("2012-07-08")));

        foreach (var (household, person) in new[] { (s.HouseholdId, s.PersonIds[0]), (disabled.HouseholdId, disabled.PersonIds[0]), (without.HouseholdId, without.PersonIds[0]) })
        {
            var card = await app.InAsync(s.Structure.Id, sp => sp.GetRequiredService<FamilyCardService>().IssueAsync(household));
            (await s.Kiosk.PostFormAsync("/ludotheque/borne/carte", TestClient.Form(("Token", card)))).ShouldRedirectTo("/ludotheque/borne/famille");
            var (_, ticket, token) = await s.Kiosk.FamilyPageAsync();
            (await s.Kiosk.ValidateAsync(token, ticket, [person])).ShouldBe(HttpStatusCode.OK);
        }

        var recordedBy = (await app.PresencesAsync(s.Structure.Id)).ToDictionary(p => p.HouseholdId!.Value, p => p.RecordedByUserId);
        recordedBy[s.HouseholdId].ShouldBe(withAccount!.UserId);
        recordedBy[disabled.HouseholdId].ShouldBeNull();
        recordedBy[without.HouseholdId].ShouldBeNull();
    }

    [Fact]
    public async Task A_replayed_check_in_counts_once_and_lands_in_the_slot_of_its_time()
    {
        var s = await app.ArrangeAsync("Rejeu borne");
        await s.Kiosk.SignInAtKioskAsync(s.Login);
        var (_, ticket, token) = await s.Kiosk.FamilyPageAsync();
        var checkInId = Guid.NewGuid();
        var clicked = app.Clock.GetUtcNow().UtcDateTime.AddMinutes(1);

        // The Wi-Fi came back three hours later, after the slot: the replay still goes to the 14:00 slot.
        app.Clock.Freeze(s.Slot.EndsAtUtc.AddHours(1));
        (await s.Kiosk.ValidateAsync(token, ticket, s.PersonIds.Take(3), checkInId, clicked)).ShouldBe(HttpStatusCode.OK);
        (await s.Kiosk.ValidateAsync(token, ticket, s.PersonIds.Take(3), checkInId, clicked)).ShouldBe(HttpStatusCode.OK);

        var presences = await app.PresencesAsync(s.Structure.Id);
        presences.Count.ShouldBe(3);
        presences.ShouldAllBe(p => p.SlotId == s.Slot.Id && p.CheckInId == checkInId && p.ArrivedAtUtc == clicked);
    }

    [Fact]
    public async Task Parallel_validations_from_two_kiosks_give_one_presence_per_person()
    {
        var s = await app.ArrangeAsync("Deux bornes");
        var second = await app.EnrolKioskAsync(s.Structure);
        var pages = new List<(TestClient Kiosk, string Ticket, string Token)>();
        foreach (var kiosk in new[] { s.Kiosk, second })
        {
            await kiosk.SignInAtKioskAsync(s.Login);
            var (_, ticket, token) = await kiosk.FamilyPageAsync();
            pages.Add((kiosk, ticket, token));
        }
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            pages[i % 2].Kiosk.ValidateAsync(pages[i % 2].Token, pages[i % 2].Ticket, s.PersonIds)));
        answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.OK);
        (await app.PresencesAsync(s.Structure.Id)).Select(p => p.PersonId).Order().ShouldBe(s.PersonIds.Order());
    }

    [Fact]
    public async Task Without_script_VALIDER_posts_the_page_and_goes_home_with_the_thanks_or_the_reason()
    {
        var s = await app.ArrangeAsync("Sans script");
        await s.Kiosk.SignInAtKioskAsync(s.Login);
        var (html, ticket, token) = await s.Kiosk.FamilyPageAsync();
        // kiosk.js sends VALIDER to the kiosk endpoint; the form itself posts to the page.
        html.ShouldContain($"action=\"{KioskWorld.FamilyPage}\" data-checkin-form data-checkin-url=\"{KioskWorld.ValidateUrl}\"");

        // Nobody ticked: home, with the reason, and nothing written.
        (await s.Kiosk.ValidateAsync(token, ticket, [], url: KioskWorld.FamilyPage)).ShouldRedirectTo("/ludotheque/borne");
        (await s.Kiosk.GetTextAsync("/ludotheque/borne")).ShouldContain("Personne n'est coché « Présent ».");
        (await app.PresencesAsync(s.Structure.Id)).ShouldBeEmpty();

        (await s.Kiosk.ValidateAsync(token, ticket, s.PersonIds.Take(3), url: KioskWorld.FamilyPage)).ShouldRedirectTo("/ludotheque/borne");
        (await s.Kiosk.GetTextAsync("/ludotheque/borne")).ShouldContain(KioskCheckInService.Thanks);
        (await app.PresencesAsync(s.Structure.Id)).Select(p => p.PersonId).Order().ShouldBe(s.PersonIds.Take(3).Order());
        // The family session ended with it.
        (await s.Kiosk.GetAsync(KioskWorld.FamilyPage)).ShouldRedirectTo("/ludotheque/borne");
    }

    [Fact]
    public async Task The_kiosk_endpoint_answers_what_is_not_a_kiosk_s_VALIDER_in_French_and_writes_nothing()
    {
        var s = await app.ArrangeAsync("Point d'envoi");
        await s.Kiosk.SignInAtKioskAsync(s.Login);
        var (_, ticket, _) = await s.Kiosk.FamilyPageAsync();
        FormUrlEncodedContent Fields(params (string Key, string Value)[] fields) => new(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)));

        // From a device that is no kiosk, with a valid ticket: refused before anything is read.
        var stranger = app.CreateTestClient();
        var outside = await stranger.Http.PostAsync(KioskWorld.ValidateUrl, Fields(("ticket", ticket), ("checkInId", Guid.NewGuid().ToString()), ("personIds", s.PersonIds[0].ToString())));
        outside.ShouldBe(HttpStatusCode.Forbidden);
        (await outside.MessageAsync()).ShouldBe(KioskDeviceContext.NotEnrolledMessage);

        // Not a form, ids that are not ids, no check-in id: the service's French reasons, never a 500.
        var json = await s.Kiosk.Http.PostAsync(KioskWorld.ValidateUrl, new StringContent($"{{\"ticket\":\"{ticket}\"}}", System.Text.Encoding.UTF8, "application/json"));
        json.ShouldBe(HttpStatusCode.BadRequest);
        (await json.MessageAsync()).ShouldBe(CheckInTickets.Refused);
        var badPerson = await s.Kiosk.Http.PostAsync(KioskWorld.ValidateUrl, Fields(("ticket", ticket), ("checkInId", Guid.NewGuid().ToString()), ("personIds", "Léa")));
        badPerson.ShouldBe(HttpStatusCode.BadRequest);
        (await badPerson.MessageAsync()).ShouldBe("Une des personnes cochées ne fait pas partie de cette famille.");
        var badCheckIn = await s.Kiosk.Http.PostAsync(KioskWorld.ValidateUrl, Fields(("ticket", ticket), ("checkInId", "=SOMME(A1:A3)"), ("personIds", s.PersonIds[0].ToString())));
        badCheckIn.ShouldBe(HttpStatusCode.BadRequest);
        (await badCheckIn.MessageAsync()).ShouldBe(CheckInTickets.Refused);
        (await app.PresencesAsync(s.Structure.Id)).ShouldBeEmpty();

        // A tablet whose click time is not a time: recorded at the server's time.
        var badClock = await s.Kiosk.Http.PostAsync(KioskWorld.ValidateUrl, Fields(("ticket", ticket), ("checkInId", Guid.NewGuid().ToString()),
            ("clickedAt", "31/02/2025 25:61"), ("personIds", s.PersonIds[0].ToString())));
        badClock.ShouldBe(HttpStatusCode.OK);
        (await app.PresencesAsync(s.Structure.Id)).Single().ArrivedAtUtc.ShouldBe(app.Clock.GetUtcNow().UtcDateTime);
    }

    [Fact]
    public async Task Forged_or_foreign_input_gets_a_French_message_and_writes_nothing()
    {
        var s = await app.ArrangeAsync("Mauvaises entrées");
        var other = await app.FamilyAsync(s.Structure.Id, "AUTRE", ("Zoé", DateOnly.Parse("2015-01-01")));
        await s.Kiosk.SignInAtKioskAsync(s.Login);
        var (_, ticket, token) = await s.Kiosk.FamilyPageAsync();

        async Task Refused(HttpResponseMessage response, string message)
        {
            ((int)response.StatusCode).ShouldBeInRange(400, 404);
            (await response.MessageAsync()).ShouldBe(message);
        }

        // A person of another household, a person that does not exist, nobody ticked.
        await Refused(await s.Kiosk.ValidateAsync(token, ticket, [s.PersonIds[0], other.PersonIds[0]]), "Une des personnes cochées ne fait pas partie de cette famille.");
        await Refused(await s.Kiosk.ValidateAsync(token, ticket, [Guid.NewGuid()]), "Une des personnes cochées ne fait pas partie de cette famille.");
        await Refused(await s.Kiosk.ValidateAsync(token, ticket, []), "Personne n'est coché « Présent ».");
        // A ticket altered by one character, or made up, or none: the slot and family are the server's, never the kiosk's.
        var altered = ticket[..^3] + (ticket[^3] == 'A' ? 'B' : 'A') + ticket[^2..];
        await Refused(await s.Kiosk.ValidateAsync(token, altered, s.PersonIds), CheckInTickets.Refused);
        await Refused(await s.Kiosk.ValidateAsync(token, s.Slot.Id.ToString(), s.PersonIds), CheckInTickets.Refused);
        await Refused(await s.Kiosk.ValidateAsync(token, new string('x', 5000), s.PersonIds), CheckInTickets.Refused);
        // A page of a past slot (kept longer than the replay window) is refused.
        app.Clock.Freeze(s.Slot.StartsAtUtc.Add(CheckInTickets.ReplayWindow).AddHours(1));
        await Refused(await s.Kiosk.ValidateAsync(token, ticket, s.PersonIds), CheckInTickets.Refused);

        (await app.PresencesAsync(s.Structure.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Outside_opening_hours_the_kiosk_says_closed_and_when_it_opens_next()
    {
        var s = await app.ArrangeAsync("Fermé");
        app.Clock.Freeze(s.Slot.StartsAtUtc.AddHours(-1)); // 13:00 Paris, between the two slots
        await s.Kiosk.SignInAtKioskAsync(s.Login);
        var (html, ticket, _) = await s.Kiosk.FamilyPageAsync();
        html.ShouldContain("La ludothèque est fermée en ce moment.");
        html.ShouldContain("Prochaine ouverture : mercredi 4 juin 2025 à 14:00.");
        ticket.ShouldBeEmpty();
        (await s.Kiosk.GetTextAsync("/ludotheque/borne/compteur")).ShouldContain("La ludothèque est fermée");
    }

    [Fact]
    public async Task Sign_in_failures_all_get_the_same_answer_and_the_session_dies_after_two_idle_minutes()
    {
        var s = await app.ArrangeAsync("Connexion");
        foreach (var (login, password) in new[] { (s.Login, "mauvais mot de passe"), ("inconnu", KioskWorld.Password), ("", "") })
        {
            var response = await s.Kiosk.SignInAtKioskAsync(login, password);
            response.ShouldBe(HttpStatusCode.OK);
            (await response.TextAsync()).ShouldContain(FamilyAccountService.GenericSignInError);
        }
        (await s.Kiosk.SignInAtKioskAsync(s.Login.ToUpperInvariant())).ShouldRedirectTo("/ludotheque/borne/famille");
        (await s.Kiosk.GetAsync("/ludotheque/borne/famille")).ShouldBe(HttpStatusCode.OK);
        app.Clock.Freeze(app.Clock.GetUtcNow().UtcDateTime.Add(KioskFamilySession.IdleTimeout).AddSeconds(1));
        (await s.Kiosk.GetAsync("/ludotheque/borne/famille")).ShouldRedirectTo("/ludotheque/borne");
    }

    [Fact]
    public async Task A_disabled_family_account_cannot_sign_in()
    {
        var s = await app.ArrangeAsync("Désactivé");
        await app.InScopeAsync(s.Structure.Id, sp => sp.GetRequiredService<FamilyAccountService>().SetActiveAsync(s.HouseholdId, false));
        (await (await s.Kiosk.SignInAtKioskAsync(s.Login)).TextAsync()).ShouldContain(FamilyAccountService.GenericSignInError);
    }

    [Fact]
    public async Task Kiosk_pages_allow_the_camera_and_staff_pages_do_not()
    {
        var s = await app.ArrangeAsync("Caméra");
        var kiosk = await s.Kiosk.GetAsync("/ludotheque/borne/carte");
        kiosk.ShouldBe(HttpStatusCode.OK);
        kiosk.Headers.GetValues("Permissions-Policy").Single().ShouldContain("camera=(self)");
        var staff = await s.Admin.GetAsync("/ludotheque/bornes");
        staff.Headers.GetValues("Permissions-Policy").Single().ShouldContain("camera=()");
    }

    [Fact]
    public async Task Forgotten_identifiants_answer_the_same_and_mail_only_a_known_address()
    {
        var s = await app.ArrangeAsync("Oubli", email: "famille.oubli@exemple.test");
        var mail = Path.Combine(app.DataDirectory, "mail");
        int Mails() => Directory.Exists(mail) ? Directory.GetFiles(mail, "*.eml").Length : 0;
        var before = Mails();
        var unknown = await s.Kiosk.PostFormAsync("/ludotheque/borne/identifiants-oublies", TestClient.Form(("Email", "personne@exemple.test")));
        Mails().ShouldBe(before);
        var known = await s.Kiosk.PostFormAsync("/ludotheque/borne/identifiants-oublies", TestClient.Form(("Email", "famille.oubli@exemple.test")));
        Mails().ShouldBe(before + 1);
        var text = await File.ReadAllTextAsync(Directory.GetFiles(mail, "*.eml").OrderBy(File.GetLastWriteTimeUtc).Last());
        text.ShouldContain("famille.oubli@exemple.test");
        text.ShouldNotContain(KioskWorld.Password);
        // The visitor reads the same answer either way.
        const string answer = "Si cette adresse est celle d'un compte famille, un e-mail vient d'y être envoyé";
        (await unknown.TextAsync()).ShouldContain(answer);
        (await known.TextAsync()).ShouldContain(answer);
        unknown.StatusCode.ShouldBe(known.StatusCode);
    }
}

[Collection(PostgresCollection.Postgres)]
public sealed class PostgresKioskCheckInTests(PostgresLudothequeFactory app) : KioskCheckInTests(app);

[Collection(SqliteCollection.Sqlite)]
public sealed class SqliteKioskCheckInTests(SqliteLudothequeFactory app) : KioskCheckInTests(app);
