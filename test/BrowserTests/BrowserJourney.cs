using CentresConnectes.Platform.Contracts;
using Microsoft.Playwright;

namespace CentresConnectes.BrowserTests;

/// <summary>
/// A journey: the application on a real port (fresh database) and Debian's Chromium, started before
/// the test and stopped after it. Confirmation dialogs (data-confirm) are accepted on every page.
/// Whatever the Content-Security-Policy refused on any page (an inline style, a script) fails the
/// journey: the user would have seen the page without it.
/// </summary>
public abstract class BrowserJourney(DatabaseProvider provider, bool useSmtpSink, IReadOnlyList<string>? browserArgs = null) : IAsyncLifetime
{
    protected Browser Browser { get; } = new(browserArgs);
    protected BrowserAppFactory App { get; } = new(provider, useSmtpSink);
    protected string BaseUrl { get; private set; } = "";
    private readonly List<string> refusedByCsp = [];

    public virtual async Task InitializeAsync()
    {
        BaseUrl = App.StartAndGetAddress();
        // One request before the browser's first: the app's cold start (JIT, first data-protection key)
        // on a loaded machine must not eat the first navigation's 15 s.
        using (var warmUp = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromMinutes(2) })
            (await warmUp.GetAsync("/connexion")).Dispose();
        await Browser.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await App.DisposeAsync();
        lock (refusedByCsp)
            refusedByCsp.ShouldBeEmpty("refused by the Content-Security-Policy");
    }

    /// <summary>A new person in front of the application (own cookies).</summary>
    protected async Task<IPage> NewPageAsync(ViewportSize? viewport = null, IEnumerable<string>? permissions = null)
    {
        var page = await Browser.NewPageAsync(BaseUrl, viewport, permissions);
        // A test that moved the server's clock (to stand in an opening, on a working day) moves the
        // browser's with it: the pages' clocks and the times they send agree with the server's.
        if (App.Clock.Offset != TimeSpan.Zero)
            await page.Clock.InstallAsync(new() { TimeDate = App.Clock.GetUtcNow().UtcDateTime });
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                lock (refusedByCsp)
                    refusedByCsp.Add($"{page.Url} [{message.Location}]: {message.Text}");
            }
        };
        return page;
    }
}
