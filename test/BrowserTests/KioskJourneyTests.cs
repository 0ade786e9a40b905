using System.Text.RegularExpressions;
using CentresConnectes.Ludotheque.Application;
using CentresConnectes.Ludotheque.Domain;
using CentresConnectes.Members.Application;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CentresConnectes.BrowserTests;

/// <summary>
/// The ludothèque kiosk on a 1280×800 tablet: staff enrol it, a family signs in, ticks 2 of its 4
/// members, VALIDER, thank-you, back home, the counter says 2; the same with the family's QR card held
/// to the (fake) camera; the Wi-Fi cut during VALIDER; staff recording as the family. Takes the
/// « La borne des familles » screenshots.
/// </summary>
public sealed class KioskJourneyTests() : StructureJourney(CameraArgs)
{
    private const string Login = "martin.famille@exemple.fr";
    private const string FamilyPassword = "Une phrase de passe de famille 7";
    private static readonly string CameraVideo = Path.Combine(Path.GetTempPath(), $"cc-kiosk-camera-{Guid.NewGuid():N}.y4m");
    private static readonly string[] CameraArgs = ["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", "--use-file-for-fake-video-capture=" + CameraVideo];

    private Guid _structureId;
    private Guid _householdId;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _structureId = await App.DbAsync(null, db => db.Structures.Select(s => s.Id).SingleAsync());
        // The server stands at 15:00 (Paris) tomorrow, inside the afternoon's slot, whatever the hour the
        // test runs at (a slot around the real time closed mid-test just before midnight). Forward only:
        // the browser's cookies stay valid.
        var day = ParisTime.Today(TimeProvider.System).AddDays(1);
        App.Clock.Set(ParisTime.ToUtc(day, new TimeOnly(15, 0)));
        await App.InScopeAsync(_structureId, async sp =>
        {
            await sp.GetRequiredService<SlotService>().GenerateAsync(new SlotGenerationInput
            {
                From = day,
                Days = Enum.GetValues<DayOfWeek>().ToList(),
                Ranges = [new TimeRangeInput { Start = new TimeOnly(14, 0), End = new TimeOnly(18, 0) }],
            });
            var households = sp.GetRequiredService<HouseholdService>();
            var persons = sp.GetRequiredService<PersonService>();
            _householdId = await households.CreateAsync(new HouseholdInput { Name = "Martin" });
            foreach (var (first, born) in new[] { ("Sophie", "1985-03-14"), ("Karim", "1983-11-02"), ("Léa", "2016-05-20"), ("Noé", "2020-09-01") })
                await persons.CreateAsync(new PersonInput { LastName = "Martin", FirstName = first, DateOfBirth = DateOnly.Parse(born), HouseholdId = _householdId });
            await sp.GetRequiredService<FamilyAccountService>().CreateAsync(_householdId, new FamilyAccountInput { Email = Login, Password = FamilyPassword });
        });
    }

    private Task<int> PresentAsync() => App.DbAsync(_structureId, db => db.Set<Presence>().CountAsync());

    /// <summary>Staff open « Bornes » on the tablet and enrol it: the tablet shows the kiosk home, signed out of staff.</summary>
    private async Task<IPage> EnrolledKioskAsync(bool screenshots = false, IEnumerable<string>? permissions = null)
    {
        var page = await NewPageAsync(Browser.Desktop, permissions);
        await Steps.SignInAsync(page, BaseUrl, AdminEmail);
        await page.GotoAsync("/ludotheque/bornes");
        await page.GetByLabel("Nom de la borne").FillAsync("Tablette de l'accueil");
        if (screenshots)
        {
            await Screenshots.TakeAsync(page, "borne-installer");
            await ShouldBeAccessibleAsync(page, "kiosks page");
        }
        await page.GetByTestId("enrol-kiosk").ClickAsync();
        await Expect(page).ToHaveURLAsync(BaseUrl + "/ludotheque/borne");
        return page;
    }

    private static async Task SignInFamilyAsync(IPage kiosk)
    {
        await kiosk.GetByLabel("Identifiant").FillAsync(Login);
        await kiosk.GetByLabel("Mot de passe").FillAsync(FamilyPassword);
        await kiosk.GetByTestId("kiosk-sign-in").ClickAsync();
        await Expect(kiosk).ToHaveURLAsync(new Regex("/ludotheque/borne/famille$"));
        await Expect(kiosk.GetByTestId("family-name")).ToHaveTextAsync("Famille MARTIN");
    }

    /// <summary>axe-core's WCAG 2.1 A and AA rules: no violation on the page as it is now.</summary>
    private static async Task ShouldBeAccessibleAsync(IPage page, string what)
    {
        // The kiosk pages settle by themselves (scanner start, htmx swaps): check the page once it has.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Accessibility.CheckAsync(page, what);
    }

    private static Task TickAsync(IPage page, string firstName) =>
        page.Locator("label.member-toggle", new() { HasText = firstName }).ClickAsync();

    [Fact]
    public async Task A_family_checks_in_on_the_tablet_and_the_counter_shows_two()
    {
        var kiosk = await EnrolledKioskAsync(screenshots: true);
        await Expect(kiosk.GetByTestId("kiosk-counter")).ToContainTextAsync("Compteur des présents");
        await Expect(kiosk.GetByTestId("counter-value")).ToHaveTextAsync("0");
        await Screenshots.TakeAsync(kiosk, "borne-accueil");
        await ShouldBeAccessibleAsync(kiosk, "kiosk home");

        await SignInFamilyAsync(kiosk);
        await TickAsync(kiosk, "Léa");
        await TickAsync(kiosk, "Noé");
        await Expect(kiosk.Locator("label.member-toggle", new() { HasText = "Léa" })).ToContainTextAsync("Présent");
        await Screenshots.TakeAsync(kiosk, "borne-fiche-presence");
        await ShouldBeAccessibleAsync(kiosk, "family sheet");
        await kiosk.GetByTestId("kiosk-validate").ClickAsync();
        await Expect(kiosk.GetByTestId("kiosk-thanks")).ToBeVisibleAsync();
        await Expect(kiosk.GetByTestId("kiosk-thanks")).ToHaveTextAsync("Merci, votre présence a bien été prise en compte");
        await Screenshots.TakeAsync(kiosk, "borne-merci");

        // Back home by itself, ready for the next family; the counter says 2.
        await Expect(kiosk).ToHaveURLAsync(BaseUrl + "/ludotheque/borne", new() { Timeout = 15_000 });
        await Expect(kiosk.GetByTestId("counter-value")).ToHaveTextAsync("2");
        (await PresentAsync()).ShouldBe(2);

        // The same family on a phone: the page fits the screen (screenshot checks the width).
        var phone = await NewPageAsync(Browser.Mobile);
        // A phone enrolled as a kiosk too (its own copy of the device credential, for the picture).
        await phone.Context.AddCookiesAsync((await kiosk.Context.CookiesAsync()).Where(c => c.Name == "cc.borne")
            .Select(c => new Cookie { Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite }));
        await phone.GotoAsync("/ludotheque/borne");
        await SignInFamilyAsync(phone);
        await Screenshots.TakeAsync(phone, "borne-fiche-presence-telephone");
        await ShouldBeAccessibleAsync(phone, "family sheet on a phone");
        await phone.GotoAsync("/ludotheque/borne/identifiants-oublies");
        await ShouldBeAccessibleAsync(phone, "forgotten identifiants");
        // The browser's fake camera plays a card's QR code (for the scanning tests): here it would be read
        // and sent while axe runs, navigating under it. This phone has no camera, so the page offers the
        // card reader's field alone — what is checked.
        await phone.AddInitScriptAsync("navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('pas de caméra', 'NotAllowedError'));");
        await phone.GotoAsync("/ludotheque/borne/carte");
        await ShouldBeAccessibleAsync(phone, "card scanner");
    }

    [Fact]
    public async Task A_new_family_registers_on_the_tablet_ticks_its_presence_and_staff_see_it_to_verify()
    {
        var kiosk = await EnrolledKioskAsync();
        await kiosk.GetByTestId("kiosk-register").ClickAsync();
        await Expect(kiosk).ToHaveURLAsync(new Regex("/ludotheque/borne/inscription$"));
        await kiosk.Locator("#FamilyName").FillAsync("Grujic");
        await kiosk.Locator("#m0-FirstName").FillAsync("Stanko");
        await kiosk.Locator("#m0-DateOfBirth").FillAsync("1975-06-26");
        await kiosk.Locator("#m0-SexeId").SelectOptionAsync(new SelectOptionValue { Label = "Homme" });
        await kiosk.Locator("#m0-StatutId").SelectOptionAsync(new SelectOptionValue { Label = "Père" });
        await kiosk.Locator("#m0-AvatarKey").SelectOptionAsync(new SelectOptionValue { Label = "Ours" });
        // A second line is there; the next ones wait behind « Ajouter un nouveau membre dans sa famille ».
        await Expect(kiosk.Locator("#m2-FirstName")).ToBeHiddenAsync();
        await kiosk.Locator("#m1-FirstName").FillAsync("Luka");
        await kiosk.Locator("#m1-DateOfBirth").FillAsync("2014-02-11");
        await kiosk.Locator("#m1-StatutId").SelectOptionAsync(new SelectOptionValue { Label = "Enfant à charge" });
        await kiosk.Locator("#m1-AvatarKey").SelectOptionAsync(new SelectOptionValue { Label = "Ballon" });
        await kiosk.GetByRole(AriaRole.Button, new() { Name = "Ajouter un nouveau membre dans sa famille" }).ClickAsync();
        await kiosk.Locator("#m2-LastName").FillAsync("Laouar");
        await kiosk.Locator("#m2-FirstName").FillAsync("Lyn");
        await kiosk.Locator("#m2-DateOfBirth").FillAsync("2019-07-03");
        await kiosk.Locator("#m2-AvatarKey").SelectOptionAsync(new SelectOptionValue { Label = "Étoile" });
        await kiosk.Locator("#Email").FillAsync("stanko.grujic@exemple.fr");
        await kiosk.Locator("#Password").FillAsync(FamilyPassword);
        await kiosk.Locator("#ConfirmPassword").FillAsync(FamilyPassword);
        await kiosk.Locator("#ConsentEmail").CheckAsync();
        await Screenshots.TakeAsync(kiosk, "borne-inscription");
        await ShouldBeAccessibleAsync(kiosk, "family registration");
        await kiosk.GetByTestId("register-submit").ClickAsync();

        // Registered and signed in: straight to its « Fiche de présence ».
        await Expect(kiosk).ToHaveURLAsync(new Regex("/ludotheque/borne/famille$"), new() { Timeout = 15_000 });
        await Expect(kiosk.GetByTestId("family-name")).ToHaveTextAsync("Famille GRUJIC");
        await Screenshots.TakeAsync(kiosk, "borne-inscription-fiche");
        await TickAsync(kiosk, "Stanko");
        await TickAsync(kiosk, "Luka");
        await kiosk.GetByTestId("kiosk-validate").ClickAsync();
        await Expect(kiosk.GetByTestId("kiosk-thanks")).ToBeVisibleAsync();
        await Expect(kiosk).ToHaveURLAsync(BaseUrl + "/ludotheque/borne", new() { Timeout = 15_000 });
        (await PresentAsync()).ShouldBe(2);

        // Back with the new identifiant: « Modifier ou ajouter un membre ».
        await kiosk.GetByLabel("Identifiant").FillAsync("stanko.grujic@exemple.fr");
        await kiosk.GetByLabel("Mot de passe").FillAsync(FamilyPassword);
        await kiosk.GetByTestId("kiosk-sign-in").ClickAsync();
        await kiosk.GetByRole(AriaRole.Link, new() { Name = "Modifier ou ajouter un membre" }).ClickAsync();
        await Expect(kiosk).ToHaveURLAsync(new Regex("/ludotheque/borne/membres$"));
        await Expect(kiosk.GetByTestId("member-edit")).ToHaveCountAsync(3);
        await Screenshots.TakeAsync(kiosk, "borne-membres");
        await ShouldBeAccessibleAsync(kiosk, "family members");
        await kiosk.GetByRole(AriaRole.Link, new() { Name = "MODIFIER Lyn" }).ClickAsync();
        await kiosk.Locator("#DateOfBirth").FillAsync("2019-07-04");
        await Screenshots.TakeAsync(kiosk, "borne-membre-corriger");
        await ShouldBeAccessibleAsync(kiosk, "member correction");
        await kiosk.GetByTestId("member-correct").ClickAsync();
        await Expect(kiosk.Locator(".alert-success")).ToContainTextAsync("La fiche est corrigée.");

        // Sophie Martin is already registered: a new « family » with her is refused kindly.
        await kiosk.GotoAsync("/ludotheque/borne/inscription");
        await kiosk.Locator("#FamilyName").FillAsync("Martin");
        await kiosk.Locator("#m0-FirstName").FillAsync("Sophie");
        await kiosk.Locator("#m0-DateOfBirth").FillAsync("1985-03-14");
        await kiosk.Locator("#Email").FillAsync("sophie.nouvelle@exemple.fr");
        await kiosk.Locator("#Password").FillAsync(FamilyPassword);
        await kiosk.Locator("#ConfirmPassword").FillAsync(FamilyPassword);
        await kiosk.GetByTestId("register-submit").ClickAsync();
        await Expect(kiosk.GetByTestId("already-registered")).ToContainTextAsync("adressez-vous à l'accueil");
        await Screenshots.TakeAsync(kiosk, "borne-inscription-deja-inscrite");
        await ShouldBeAccessibleAsync(kiosk, "already registered");

        // Staff: the new family is « à vérifier ».
        var staff = await SignedInAdminAsync();
        await staff.GotoAsync("/ludotheque/familles/a-verifier");
        await Expect(staff.GetByTestId("families-to-verify")).ToContainTextAsync("Grujic");
        await Screenshots.TakeAsync(staff, "ludotheque-inscriptions-a-verifier");
        await ShouldBeAccessibleAsync(staff, "families to verify");
    }

    [Fact]
    public async Task The_wifi_drops_during_VALIDER_and_the_kiosk_sends_it_when_it_is_back()
    {
        var kiosk = await EnrolledKioskAsync();
        await SignInFamilyAsync(kiosk);
        await TickAsync(kiosk, "Sophie");
        await TickAsync(kiosk, "Karim");
        await TickAsync(kiosk, "Léa");
        await kiosk.Context.SetOfflineAsync(true);
        await kiosk.GetByTestId("kiosk-validate").ClickAsync();
        await Expect(kiosk.GetByTestId("kiosk-pending")).ToHaveTextAsync("Présence notée, envoi en attente");
        await Screenshots.TakeAsync(kiosk, "borne-envoi-en-attente");
        (await PresentAsync()).ShouldBe(0);

        await kiosk.Context.SetOfflineAsync(false);
        await Expect(kiosk).ToHaveURLAsync(BaseUrl + "/ludotheque/borne", new() { Timeout = 15_000 });
        await Expect(kiosk.GetByTestId("counter-value")).ToHaveTextAsync("3");
        (await PresentAsync()).ShouldBe(3);
        // The queue is empty: reloading sends nothing twice.
        (await kiosk.EvaluateAsync<string>("() => localStorage.getItem('cc.borne.envois')")).ShouldBe("[]");
        await kiosk.ReloadAsync();
        (await PresentAsync()).ShouldBe(3);
    }

    [Fact]
    public async Task A_wifi_portal_answering_for_the_server_does_not_pass_for_a_recorded_presence()
    {
        var kiosk = await EnrolledKioskAsync();
        await SignInFamilyAsync(kiosk);
        await TickAsync(kiosk, "Noé");
        // The tablet's Wi-Fi wants its login page again: it answers VALIDER with 200 and its own HTML, then
        // lets the tablet through (the next request, whenever it comes, reaches the server — slowly, so that
        // it lands after the home page has made its first count).
        var portalAnswers = 0;
        await kiosk.RouteAsync("**/ludotheque/borne/valider", async route =>
        {
            if (Interlocked.Increment(ref portalAnswers) == 1)
            {
                await route.FulfillAsync(new() { Status = 200, ContentType = "text/html", Body = "<html><body>Connectez-vous au Wi-Fi</body></html>" });
                return;
            }
            await Task.Delay(1500);
            await route.ContinueAsync();
        });
        await kiosk.GetByTestId("kiosk-validate").ClickAsync();
        await Expect(kiosk.GetByTestId("kiosk-pending")).ToBeVisibleAsync();
        await Expect(kiosk.GetByTestId("kiosk-thanks")).ToBeHiddenAsync();
        (await PresentAsync()).ShouldBe(0);

        // The kiosk goes home and sends the kept check-in, once; the counter shows it well within its 15-second round.
        await Expect(kiosk).ToHaveURLAsync(BaseUrl + "/ludotheque/borne", new() { Timeout = 15_000 });
        await Expect(kiosk.GetByTestId("counter-value")).ToHaveTextAsync("1", new() { Timeout = 6_000 });
        (await kiosk.EvaluateAsync<string>("() => localStorage.getItem('cc.borne.envois')")).ShouldBe("[]");
        (await PresentAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task A_family_shows_its_QR_card_to_the_camera()
    {
        var token = await App.InScopeAsync(_structureId, sp => sp.GetRequiredService<FamilyCardService>().IssueAsync(_householdId));
        FakeCamera.WriteQrVideo(CameraVideo, token);
        var kiosk = await EnrolledKioskAsync(permissions: ["camera"]);
        await kiosk.GetByTestId("kiosk-scan").ClickAsync();
        await Expect(kiosk).ToHaveURLAsync(new Regex("/ludotheque/borne/famille$"), new() { Timeout = 20_000 });
        await Expect(kiosk.GetByTestId("family-name")).ToHaveTextAsync("Famille MARTIN");
        await TickAsync(kiosk, "Noé");
        await kiosk.GetByTestId("kiosk-validate").ClickAsync();
        await Expect(kiosk.GetByTestId("kiosk-thanks")).ToBeVisibleAsync();
        var presence = await App.DbAsync(_structureId, db => db.Set<Presence>().SingleAsync());
        presence.Source.ShouldBe(PresenceSource.QrCard);
    }

    [Fact]
    public async Task A_refused_card_held_to_the_camera_is_sent_once_and_the_kiosk_says_so()
    {
        FakeCamera.WriteQrVideo(CameraVideo, "une-carte-qui-n-existe-pas");
        var kiosk = await EnrolledKioskAsync(permissions: ["camera"]);
        var posts = 0;
        kiosk.Request += (_, request) => { if (request.Method == "POST" && request.Url.EndsWith("/ludotheque/borne/carte")) posts++; };
        await kiosk.GetByTestId("kiosk-scan").ClickAsync();
        await Expect(kiosk.GetByTestId("card-error")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        // The card is still in front of the camera: the page says it is not recognised, and does not send it again.
        await Expect(kiosk.Locator("[data-qr-status]")).ToContainTextAsync("Cette carte n'est pas reconnue", new() { Timeout = 20_000 });
        await kiosk.WaitForTimeoutAsync(1500);
        posts.ShouldBe(1);
    }

    [Fact]
    public async Task Staff_record_the_presence_as_the_family()
    {
        var staff = await SignedInAdminAsync();
        await staff.GotoAsync($"/familles/{_householdId}");
        await staff.GetByTestId("family-account-section").GetByRole(AriaRole.Link).ClickAsync();
        await Screenshots.TakeAsync(staff, "borne-compte-famille");
        await ShouldBeAccessibleAsync(staff, "family account page");
        await staff.GetByTestId("act-as-family").ClickAsync();
        await Expect(staff).ToHaveURLAsync(new Regex("/ludotheque/ma-presence$"));
        await TickAsync(staff, "Léa");
        await staff.GetByTestId("kiosk-validate").ClickAsync();
        await Expect(staff.GetByTestId("kiosk-thanks")).ToBeVisibleAsync();
        await Expect(staff).ToHaveURLAsync(new Regex("/intervention/fin$"), new() { Timeout = 15_000 });
        var presence = await App.DbAsync(_structureId, db => db.Set<Presence>().SingleAsync());
        presence.Source.ShouldBe(PresenceSource.Staff);
        presence.OnBehalfOfUserId.ShouldNotBeNull();
    }
}
