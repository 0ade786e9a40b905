using CentresConnectes.TestSupport;
using Microsoft.Playwright;

namespace CentresConnectes.BrowserTests;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright. Never `playwright install`: the machine is offline and
/// the browser is the system one (CC_TEST_CHROMIUM). One browser per test class; one context per person.
/// </summary>
public sealed class Browser(IReadOnlyList<string>? extraArgs = null) : IAsyncLifetime
{
    // The laptop and the phone of issue 11's family worker.
    public static readonly ViewportSize Desktop = new() { Width = 1366, Height = 768 };
    public static readonly ViewportSize Mobile = new() { Width = 390, Height = 844 };

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Instance => _browser ?? throw new InvalidOperationException("The browser is not started.");

    public async Task InitializeAsync()
    {
        // The machine is shared with parallel builds and test projects: 5 s (the default) is too tight.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestEnvironment.Chromium,
            Headless = true,
            // A French browser, as the centres' users have: date fields read jj/mm/aaaa, file inputs « Choisir un fichier ».
            Env = new Dictionary<string, string> { ["LANG"] = "fr_FR.UTF-8", ["LANGUAGE"] = "fr" },
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--lang=fr-FR", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                .. extraArgs ?? [],
            ],
        });
    }

    /// <summary>A new "person": own cookies, French locale, Paris time.</summary>
    public async Task<IPage> NewPageAsync(string baseUrl, ViewportSize? viewport = null, IEnumerable<string>? permissions = null)
    {
        var context = await Instance.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = viewport ?? Desktop,
            Locale = "fr-FR",
            TimezoneId = "Europe/Paris",
            Permissions = permissions ?? [],
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
