using System.Text.RegularExpressions;
using CentresConnectes.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CentresConnectes.BrowserTests;

/// <summary>What a person does on the screens, by the labels and buttons they read.</summary>
public static class Steps
{
    public static async Task FillSetupAsync(IPage page, string name, string email, string password = AppFactory.Password)
    {
        await page.GetByLabel("Votre nom").FillAsync(name);
        await page.GetByLabel("Adresse e-mail (identifiant)").FillAsync(email);
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Confirmez le mot de passe").FillAsync(password);
    }

    public static Task SubmitSetupAsync(IPage page) =>
        page.GetByRole(AriaRole.Button, new() { Name = "Créer le compte super-administrateur" }).ClickAsync();

    public static async Task CreateStructureAsync(IPage page, string name, string adminName, string adminEmail)
    {
        var form = page.GetByTestId("create-structure");
        await form.GetByLabel("Nom de la structure").FillAsync(name);
        await form.GetByLabel("Nom de l'administrateur de la structure").FillAsync(adminName);
        await form.GetByLabel("E-mail de l'administrateur").FillAsync(adminEmail);
        await form.GetByRole(AriaRole.Button, new() { Name = "Créer la structure et inviter l'administrateur" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"La structure « {name} » est créée ; une invitation a été envoyée à {adminEmail}.");
    }

    public static async Task FillNewPasswordAsync(IPage page, string password = AppFactory.Password)
    {
        await page.GetByLabel("Nouveau mot de passe").FillAsync(password);
        await page.GetByLabel("Confirmez le mot de passe").FillAsync(password);
    }

    public static async Task SaveNewPasswordAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le mot de passe" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/connexion$"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Votre mot de passe est enregistré : connectez-vous avec votre adresse");
    }

    public static async Task FillSignInAsync(IPage page, string email, string password = AppFactory.Password)
    {
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(password);
    }

    public static Task SubmitSignInAsync(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();

    public static async Task SignInAsync(IPage page, string baseUrl, string email, string password = AppFactory.Password)
    {
        await page.GotoAsync("/connexion");
        await FillSignInAsync(page, email, password);
        await SubmitSignInAsync(page);
        await Expect(page).ToHaveURLAsync(baseUrl + "/");
    }

    public static ILocator Heading(IPage page) => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
}
