using System.Net;
using CentresConnectes.Ludotheque.Application;
using CentresConnectes.Ludotheque.Application.Kiosk;
using CentresConnectes.Ludotheque.Domain;
using CentresConnectes.Members.Domain;
using CentresConnectes.Platform.Data;
using CentresConnectes.ReferenceData.Contracts;
using CentresConnectes.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace CentresConnectes.Ludotheque.Tests.Kiosk;

/// <summary>« Inscription d'une nouvelle famille » and « Modifier ou ajouter un membre » on the kiosk, the welcome message, the card's logo.</summary>
public abstract class KioskRegistrationTests(LudothequeFactory app) : IDisposable
{
    public void Dispose() => app.Clock.Reset();

    private const string Page = "/ludotheque/borne/inscription";

    private static Dictionary<string, string?> Registration(string familyName, string email, params (string First, string Born)[] members)
    {
        var form = TestClient.Form(("Input.FamilyName", familyName), ("Input.Email", email),
            ("Input.Password", KioskWorld.Password), ("Input.ConfirmPassword", KioskWorld.Password));
        for (var i = 0; i < members.Length; i++)
        {
            form[$"Input.Members[{i}].FirstName"] = members[i].First;
            form[$"Input.Members[{i}].DateOfBirth"] = members[i].Born;
        }
        return form;
    }

    private Task<(int Households, int Persons, int Accounts)> CountsAsync(Guid structureId) =>
        app.DbAsync(structureId, async db => (await db.Set<Household>().CountAsync(), await db.Set<Person>().CountAsync(), await db.Set<FamilyAccount>().CountAsync()));

    [Fact]
    public async Task A_new_family_registers_on_the_kiosk_ticks_its_presence_at_once_and_staff_see_it_to_verify()
    {
        var s = await app.ArrangeAsync("Inscription borne");
        var home = await s.Kiosk.GetTextAsync("/ludotheque/borne");
        home.ShouldContain("Inscription d'une nouvelle famille");
        var form = await s.Kiosk.GetTextAsync(Page);
        form.ShouldContain("Nom de la famille");
        form.ShouldContain("Sélectionner un avatar");
        form.ShouldContain("Confirmer le mot de passe");
        form.ShouldContain("J'accepte que le centre social m'envoie des SMS et des newsletters");
        form.ShouldNotContain("QuotientFamilial");
        form.ShouldNotContain("MinimaSociaux");

        var ville = (await app.ListAsync(s.Structure.Id, ReferenceListKind.Ville))[0];
        var fields = Registration("Grujic", "stanko.grujic@exemple.fr", ("Stanko", "1975-06-26"), ("Luka", "2014-02-11"), ("Inès", "2018-09-30"));
        fields["Input.Members[0].LastName"] = "GRUJIC";
        fields["Input.Members[0].VilleId"] = ville.Id.ToString();
        fields["Input.Members[2].LastName"] = "LAOUAR";
        fields["Input.Mobile"] = "06 12 34 56 78";
        fields["Input.ConsentSms"] = "true";
        (await s.Kiosk.PostFormAsync(Page, fields)).ShouldRedirectTo("/ludotheque/borne/famille");

        // Straight to its « Fiche de présence », signed in: it ticks two and VALIDER records them.
        var (html, ticket, token) = await s.Kiosk.FamilyPageAsync();
        html.ShouldContain("Famille <strong>GRUJIC</strong>");
        html.ShouldContain("Modifier ou ajouter un membre");
        var persons = await app.DbAsync(s.Structure.Id, db => db.Set<Person>().AsNoTracking().Where(p => p.Email == "stanko.grujic@exemple.fr" || p.FirstName == "Luka" || p.FirstName == "Inès").ToListAsync());
        persons.Count.ShouldBe(3);
        var stanko = persons.Single(p => p.FirstName == "Stanko");
        stanko.VilleId.ShouldBe(ville.Id);
        stanko.MobileE164.ShouldBe("+33612345678");
        stanko.ConsentSms.ShouldBeTrue();
        stanko.ConsentSmsBy.ShouldBe(KioskRegistrationService.RecordedBy);
        stanko.ConsentEmail.ShouldBeFalse();
        persons.Single(p => p.FirstName == "Inès").LastName.ShouldBe("LAOUAR");
        persons.Single(p => p.FirstName == "Luka").LastName.ShouldBe("Grujic");
        persons.ShouldAllBe(p => p.HouseholdId == stanko.HouseholdId && p.MinimaSociauxId == null && p.QuotientFamilialId == null);
        (await s.Kiosk.ValidateAsync(token, ticket, persons.Where(p => p.FirstName != "Inès").Select(p => p.Id))).ShouldBe(HttpStatusCode.OK);
        (await app.PresencesAsync(s.Structure.Id)).Count(p => p.HouseholdId == stanko.HouseholdId).ShouldBe(2);

        // The account signs in like any other; staff find it « à vérifier » until they check it.
        (await s.Kiosk.SignInAtKioskAsync("STANKO.grujic@exemple.fr")).ShouldRedirectTo("/ludotheque/borne/famille");
        var account = await app.DbAsync(s.Structure.Id, db => db.Set<FamilyAccount>().AsNoTracking().SingleAsync(a => a.HouseholdId == stanko.HouseholdId));
        account.Login.ShouldBe("stanko.grujic@exemple.fr");
        account.IsToVerify.ShouldBeTrue();
        var list = await s.Admin.GetTextAsync("/ludotheque/familles/a-verifier");
        list.ShouldContain("Grujic");
        list.ShouldContain("stanko.grujic@exemple.fr");
        (await s.Admin.GetTextAsync($"/familles/{stanko.HouseholdId}")).ShouldContain("à vérifier");
        (await s.Admin.GetJsonAsync<List<FamilyToVerify>>("/api/ludotheque/families-to-verify")).ShouldContain(f => f.HouseholdId == stanko.HouseholdId);
        // Another structure neither lists nor verifies it.
        var (_, adminB) = await app.StructureWithAdminAsync("Inscription borne B");
        using (adminB)
        {
            (await adminB.GetJsonAsync<List<FamilyToVerify>>("/api/ludotheque/families-to-verify")).ShouldBeEmpty();
            (await adminB.PostJsonAsync($"/api/ludotheque/families/{stanko.HouseholdId}/account/verify", new { })).ShouldBe(HttpStatusCode.NotFound);
        }
        var accountPage = $"/ludotheque/familles/{stanko.HouseholdId}/compte";
        (await s.Admin.PostFormAsync(accountPage, TestClient.Form(), accountPage + "?handler=Verify")).ShouldRedirectTo(accountPage);
        (await s.Admin.GetTextAsync("/ludotheque/familles/a-verifier")).ShouldContain("Aucune inscription à vérifier.");
        (await app.DbAsync(s.Structure.Id, db => db.AuditEntries.AsNoTracking().Where(e => e.TenantId == s.Structure.Id).Select(e => e.Action).ToListAsync()))
            .ShouldContain("Famille inscrite par elle-même");
    }

    [Fact]
    public async Task A_person_already_registered_is_not_registered_twice_and_nothing_is_written()
    {
        var s = await app.ArrangeAsync("Doublon borne", email: "martin.doublon@exemple.fr");
        var before = await CountsAsync(s.Structure.Id);
        var familyName = "MARTINDOUBLONBORNE";

        // Sophie of the existing family, typed in lower case with accents: refused kindly, sent to the reception.
        var fields = Registration(familyName.ToLowerInvariant(), "nouvelle.adresse@exemple.fr", ("Noam", "2019-01-01"), ("sophie", "1985-03-14"));
        fields["Input.Members[1].LastName"] = "Martindoublonbornë";
        var answer = await s.Kiosk.PostFormAsync(Page, fields);
        answer.ShouldBe(HttpStatusCode.OK);
        var html = System.Net.WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync());
        html.ShouldContain("data-testid=\"already-registered\"");
        html.ShouldContain("sophie est peut-être déjà inscrit(e) au centre social");
        html.ShouldContain("adressez-vous à l'accueil");
        html.ShouldNotContain("Karim");

        // The e-mail of an existing family account: the same kind of answer.
        var taken = await s.Kiosk.PostFormAsync(Page, Registration("Autre", s.Login, ("Zoé", "2012-04-04")));
        System.Net.WebUtility.HtmlDecode(await taken.Content.ReadAsStringAsync()).ShouldContain(KioskRegistrationService.LoginTaken);

        (await CountsAsync(s.Structure.Id)).ShouldBe(before);
    }

    [Fact]
    public async Task Bad_input_gets_a_French_message_and_writes_nothing()
    {
        var s = await app.ArrangeAsync("Erreurs inscription", email: "martin.erreurs@exemple.fr");
        var before = await CountsAsync(s.Structure.Id);

        async Task Refused(Dictionary<string, string?> fields, string message)
        {
            var answer = await s.Kiosk.PostFormAsync(Page, fields);
            answer.ShouldBe(HttpStatusCode.OK);
            System.Net.WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync()).ShouldContain(message);
        }

        var mismatch = Registration("Lopez", "lopez@exemple.fr", ("Ana", "1990-01-01"));
        mismatch["Input.ConfirmPassword"] = "autre chose";
        await Refused(mismatch, "Les deux mots de passe ne sont pas identiques.");
        await Refused(Registration("Lopez", "", ("Ana", "1990-01-01")), "L'adresse e-mail est obligatoire : ce sera votre identifiant.");
        await Refused(Registration("Lopez", "lopez@exemple.fr"), "Indiquez au moins une personne");
        await Refused(Registration("Lopez", "lopez@exemple.fr", ("Ana", "1990-01-01"), ("Ana", "1990-01-01")), "Ana est écrit(e) deux fois");
        await Refused(Registration("Lopez", "lopez@exemple.fr", ("Ana", "2031-01-01")), "date de naissance");
        var noBirthDate = Registration("Lopez", "lopez@exemple.fr", ("Ana", "1990-01-01"), ("Tom", ""));
        await Refused(noBirthDate, "La date de naissance est obligatoire");
        // A password Identity refuses comes after the household and persons are written: the transaction takes them back.
        var weak = Registration("Lopez", "lopez@exemple.fr", ("Ana", "1990-01-01"), ("Tom", "2015-01-01"));
        weak["Input.Password"] = weak["Input.ConfirmPassword"] = "a";
        var answer = await s.Kiosk.PostFormAsync(Page, weak);
        answer.ShouldBe(HttpStatusCode.OK);
        (await answer.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"kiosk-error\"");

        (await CountsAsync(s.Structure.Id)).ShouldBe(before);
        (await app.DbAsync(s.Structure.Id, db => db.AuditEntries.CountAsync(e => e.TenantId == s.Structure.Id && e.Action == "Famille inscrite par elle-même"))).ShouldBe(0);
    }

    [Fact]
    public async Task The_family_adds_and_corrects_its_members_and_cannot_touch_another_household()
    {
        var s = await app.ArrangeAsync("Membres borne");
        var other = await app.FamilyAsync(s.Structure.Id, "VOISIN", ("Yanis", DateOnly.Parse("2012-12-12")));
        const string members = "/ludotheque/borne/membres";
        // Not signed in: home.
        (await s.Kiosk.GetAsync(members)).ShouldRedirectTo("/ludotheque/borne");

        await s.Kiosk.SignInAtKioskAsync(s.Login);
        var list = await s.Kiosk.GetTextAsync(members);
        list.ShouldContain("Ajouter un nouveau membre dans sa famille");
        list.ShouldContain("MODIFIER");
        list.ShouldContain("Sophie");

        // A baby is born.
        (await s.Kiosk.PostFormAsync(members, TestClient.Form(("Member.FirstName", "Maël"), ("Member.DateOfBirth", "2025-05-01")), members + "?handler=Add"))
            .ShouldRedirectTo(members);
        var baby = await app.DbAsync(s.Structure.Id, db => db.Set<Person>().AsNoTracking().SingleAsync(p => p.FirstName == "Maël"));
        baby.HouseholdId.ShouldBe(s.HouseholdId);
        baby.LastName.ShouldBe("MARTINMEMBRESBORNE");
        (await s.Kiosk.FamilyPageAsync()).Html.ShouldContain("Maël");

        // Léa's birth date was wrong; then a twin of an existing member is refused as a duplicate.
        var lea = s.PersonIds[2];
        var edit = $"{members}/{lea}";
        (await s.Kiosk.GetTextAsync(edit)).ShouldContain("Corriger la fiche de Léa");
        (await s.Kiosk.PostFormAsync(edit, TestClient.Form(("Member.FirstName", "Léa"), ("Member.DateOfBirth", "2016-05-21")), edit + "?handler=Correct"))
            .ShouldRedirectTo(members);
        (await app.DbAsync(s.Structure.Id, db => db.Set<Person>().AsNoTracking().SingleAsync(p => p.Id == lea))).DateOfBirth.ShouldBe(DateOnly.Parse("2016-05-21"));
        var twice = await s.Kiosk.PostFormAsync(members, TestClient.Form(("Member.FirstName", "Noé"), ("Member.DateOfBirth", "2020-09-01")), members + "?handler=Add");
        (await twice.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"already-registered\"");

        // Another household's person, or a made-up id: 404 to read and to write, nothing changed.
        var foreign = $"{members}/{other.PersonIds[0]}";
        (await s.Kiosk.GetAsync(foreign)).ShouldBe(HttpStatusCode.NotFound);
        (await s.Kiosk.GetAsync($"{members}/{Guid.NewGuid()}")).ShouldBe(HttpStatusCode.NotFound);
        var (b, adminB) = await app.StructureWithAdminAsync("Membres borne B");
        adminB.Dispose();
        var ofB = await app.FamilyAsync(b.Id, "AILLEURS", ("Nina", DateOnly.Parse("2011-11-11")));
        (await s.Kiosk.GetAsync($"{members}/{ofB.PersonIds[0]}")).ShouldBe(HttpStatusCode.NotFound);
        var token = TestClient.AntiforgeryToken(await s.Kiosk.GetPageAsync(members));
        var crafted = await s.Kiosk.Http.PostAsync(foreign + "?handler=Correct", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Member.FirstName"] = "Pirate", ["Member.DateOfBirth"] = "2000-01-01",
        }));
        crafted.ShouldBe(HttpStatusCode.NotFound);
        (await app.DbAsync(s.Structure.Id, db => db.Set<Person>().AsNoTracking().SingleAsync(p => p.Id == other.PersonIds[0]))).FirstName.ShouldBe("Yanis");

        var audit = await app.DbAsync(s.Structure.Id, db => db.AuditEntries.AsNoTracking().Where(e => e.TenantId == s.Structure.Id).Select(e => e.Action).ToListAsync());
        audit.ShouldContain("Membre ajouté par la famille");
        audit.ShouldContain("Membre corrigé par la famille");
    }

    [Fact]
    public async Task The_kiosk_home_shows_the_structure_s_welcome_message_sanitised()
    {
        var s = await app.ArrangeAsync("Accueil borne");
        const string settings = "/parametres/message-d-accueil";
        (await s.Admin.PostFormAsync(settings, TestClient.Form(("welcomeMessage", "<p>Bienvenue à <strong>tous</strong> !</p><script>alert(1)</script><img src=x onerror=alert(2)>")),
            settings + "?handler=Welcome")).StatusCode.ShouldBeOneOf(HttpStatusCode.Redirect, HttpStatusCode.Found, HttpStatusCode.OK);
        var home = await s.Kiosk.GetTextAsync("/ludotheque/borne");
        home.ShouldContain("data-testid=\"kiosk-welcome\"");
        home.ShouldContain("Bienvenue à <strong>tous</strong> !");
        home.ShouldNotContain("alert(");
    }

    [Fact]
    public void The_family_card_carries_the_structure_logo_when_there_is_one()
    {
        using var bitmap = new SkiaSharp.SKBitmap(120, 40);
        using (var canvas = new SkiaSharp.SKCanvas(bitmap))
            canvas.Clear(SkiaSharp.SKColors.OrangeRed);
        using var png = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        var with = System.Text.Encoding.Latin1.GetString(FamilyCardPdf.Render("Centre", "MARTIN", "ccf1.abc", png.ToArray()));
        var without = System.Text.Encoding.Latin1.GetString(FamilyCardPdf.Render("Centre", "MARTIN", "ccf1.abc"));
        with.ShouldContain("/Subtype /Image");
        without.ShouldNotContain("/Subtype /Image");
    }
}

[Collection(PostgresCollection.Postgres)]
public sealed class PostgresKioskRegistrationTests(PostgresLudothequeFactory app) : KioskRegistrationTests(app);

[Collection(SqliteCollection.Sqlite)]
public sealed class SqliteKioskRegistrationTests(SqliteLudothequeFactory app) : KioskRegistrationTests(app);
