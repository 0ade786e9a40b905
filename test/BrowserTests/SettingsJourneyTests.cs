using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CentresConnectes.BrowserTests;

/// <summary>
/// The structure's settings in a real browser: a value added to a list (live, htmx), the welcome
/// message and the logo (shown in the header; clicking it returns home), and the super-admin's
/// default lists. Takes the "Paramètres" screenshots.
/// </summary>
public sealed class SettingsJourneyTests : StructureJourney
{
    [Fact]
    public async Task Lists_welcome_message_and_logo_then_the_platform_defaults()
    {
        var page = await SignedInAdminAsync();

        // 0. A new structure's home guides its administrator: « Premiers pas », nothing done yet.
        await page.GotoAsync("/");
        await Expect(page.GetByTestId("first-steps")).ToContainTextAsync("0 sur 5 fait(s)");
        await Expect(page.GetByTestId("first-step")).ToHaveCountAsync(5);
        await Screenshots.TakeAsync(page, "premiers-pas");
        await Accessibility.CheckAsync(page, "the structure's home with its first steps");

        // 1. The settings hub, one card per setting.
        await page.GotoAsync("/parametres");
        await Expect(Steps.Heading(page)).ToHaveTextAsync("Paramètres");
        await Screenshots.TakeAsync(page, "parametres");

        // 2. A group added to the list without reloading the page.
        await page.GetByTestId("list-card-groupes").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/parametres/listes/groupes$"));
        await Expect(page.GetByTestId("item")).ToHaveCountAsync(4);
        await page.GetByLabel("Ajouter une valeur").FillAsync("Aide aux devoirs");
        await page.GetByTestId("add-item").GetByRole(AriaRole.Button, new() { Name = "Ajouter" }).ClickAsync();
        await Expect(page.GetByTestId("item")).ToHaveCountAsync(5);
        await Expect(page.GetByTestId("item").Last.GetByRole(AriaRole.Textbox)).ToHaveValueAsync("Aide aux devoirs");
        await Screenshots.TakeAsync(page, "parametres-liste");

        // 3. Welcome message (sanitised: the script is dropped) and a logo, resized to fit.
        await page.GotoAsync("/parametres/message-d-accueil");
        // A real editor (Trix, from npm): what is typed shows formatted, never as code; French buttons.
        var editor = page.Locator("trix-editor");
        await editor.ClickAsync();
        await page.Keyboard.TypeAsync("Bienvenue au centre social des Tilleuls !");
        await page.GetByRole(AriaRole.Button, new() { Name = "Titre" }).ClickAsync();
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("Touchez votre nom pour dire que vous êtes ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gras" }).ClickAsync();
        await page.Keyboard.TypeAsync("là");
        await Expect(editor.Locator("h2")).ToHaveTextAsync("Bienvenue au centre social des Tilleuls !");
        await Expect(editor.Locator("strong")).ToHaveTextAsync("là");
        await Expect(editor).Not.ToContainTextAsync("<strong>");
        // The preview, like the kiosk's home, follows the typing (sanitised by the server).
        await Expect(page.GetByTestId("welcome-preview").Locator("h2")).ToHaveTextAsync("Bienvenue au centre social des Tilleuls !");
        await Accessibility.CheckAsync(page, "the welcome message editor");
        await Screenshots.TakeAsync(page, "parametres-message-accueil");
        // Whatever reaches the server is sanitised: a script slipped into the editor's field is dropped.
        await page.EvalOnSelectorAsync("#welcome-html", "i => i.value = i.value + '<script>alert(1)</script>'");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le message" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Le message d'accueil est enregistré.");
        await Expect(page.GetByTestId("welcome-preview")).ToContainTextAsync("Bienvenue au centre social des Tilleuls !");
        await Expect(page.GetByTestId("welcome-preview").Locator("strong")).ToHaveTextAsync("là");
        await Expect(page.GetByTestId("welcome-preview").Locator("script")).ToHaveCountAsync(0);
        // Saved text comes back in the editor as text, not wrapped in tags.
        await Expect(page.Locator("trix-editor h2")).ToHaveTextAsync("Bienvenue au centre social des Tilleuls !");
        await Expect(page.Locator("trix-editor")).Not.ToContainTextAsync("<p>");
        await Expect(page.GetByTestId("no-logo")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("logo-preview")).ToBeHiddenAsync();

        await page.GetByLabel("Choisissez votre logo").SetInputFilesAsync(new FilePayload
        {
            Name = "logo-tilleuls.png",
            MimeType = "image/png",
            Buffer = await DrawLogoAsync(),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer le logo" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Le logo est enregistré.");
        await Expect(page.GetByTestId("logo-original-size")).ToContainTextAsync("600 × 240 pixels");
        var headerLogo = page.GetByTestId("logo-home").Locator("img");
        await Expect(headerLogo).ToHaveAttributeAsync("alt", "Logo de " + StructureName);
        (await NaturalWidthAsync(headerLogo)).ShouldBeLessThanOrEqualTo(600);
        await Screenshots.TakeAsync(page, "parametres-accueil-logo");

        // 4. The logo returns home.
        await page.GetByTestId("logo-home").ClickAsync();
        await Expect(page).ToHaveURLAsync(BaseUrl + "/");

        // 5. The super-admin's lists copied into every new structure.
        var super = await NewPageAsync();
        await Steps.SignInAsync(super, BaseUrl, await App.EnsureSuperAdminAsync());
        await super.GotoAsync("/admin/listes-par-defaut");
        await Expect(Steps.Heading(super)).ToHaveTextAsync("Listes par défaut");
        await Expect(super.GetByTestId("default-list-groupes")).ToContainTextAsync("Petite enfance");
        await Screenshots.TakeAsync(super, "listes-par-defaut");
    }

    private static async Task<double> NaturalWidthAsync(ILocator image)
    {
        await Expect(image).ToHaveJSPropertyAsync("complete", true);
        var width = await image.EvaluateAsync<double>("img => img.naturalWidth");
        width.ShouldBeGreaterThan(0, "the header's logo is loaded");
        return width;
    }

    /// <summary>A 600 × 240 PNG drawn by the browser itself: a real image, made without any image library.</summary>
    private async Task<byte[]> DrawLogoAsync()
    {
        var canvas = await NewPageAsync(new ViewportSize { Width = 600, Height = 240 });
        await canvas.SetContentAsync("""
            <body style="margin:0">
              <div id="logo" style="width:600px;height:240px;display:flex;align-items:center;gap:24px;padding:0 32px;box-sizing:border-box;
                                    background:#fff;font:bold 56px sans-serif;color:#1f6f43">
                <div style="width:150px;height:150px;border-radius:50%;background:#3fa66b"></div>
                <div>Les Tilleuls<div style="font:28px sans-serif;color:#555">centre social</div></div>
              </div>
            </body>
            """);
        var png = await canvas.Locator("#logo").ScreenshotAsync(new LocatorScreenshotOptions { Type = ScreenshotType.Png });
        await canvas.Context.CloseAsync();
        return png;
    }
}
