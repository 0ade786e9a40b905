using CentresConnectes.Platform.Application;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CentresConnectes.BrowserTests;

/// <summary>
/// A structure with readable names (they appear in the manual's screenshots) and its administrator,
/// created through the application's services: the journeys that use it start where the first-run
/// journey ends, at the administrator's first sign-in.
/// </summary>
public abstract class StructureJourney : IAsyncLifetime
{
    protected const string StructureName = "Centre social des Tilleuls";
    protected const string AdminEmail = "nadia.benali@cs-tilleuls.fr";

    protected readonly Browser Browser = new();
    protected readonly BrowserAppFactory App = new(DatabaseProvider.Sqlite, useSmtpSink: false);
    protected string BaseUrl { get; private set; } = "";
    protected Guid StructureId { get; private set; }

    public async Task InitializeAsync()
    {
        BaseUrl = App.StartAndGetAddress();
        await App.EnsureSuperAdminAsync();
        StructureId = await App.InScopeAsync(null, async sp =>
            (await sp.GetRequiredService<StructureService>().CreateAsync(
                new CreateStructureCommand(StructureName, "contact@cs-tilleuls.fr", "03 20 00 00 00", AdminEmail, "Nadia Benali"))).Id);
        await App.SetPasswordAsync(AdminEmail);
        await Browser.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await App.DisposeAsync();
    }

    /// <summary>The administrator, signed in; confirmation dialogs (data-confirm) are accepted.</summary>
    protected async Task<IPage> SignedInAdminAsync(ViewportSize? viewport = null)
    {
        var page = await Browser.NewPageAsync(BaseUrl, viewport);
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await Steps.SignInAsync(page, BaseUrl, AdminEmail);
        return page;
    }
}
