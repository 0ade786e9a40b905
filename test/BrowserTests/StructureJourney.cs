using CentresConnectes.Platform.Application;
using CentresConnectes.Platform.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CentresConnectes.BrowserTests;

/// <summary>
/// A structure with readable (and long) names (they appear in the manual's screenshots) and its administrator,
/// created through the application's services: the journeys that use it start where the first-run
/// journey ends, at the administrator's first sign-in.
/// </summary>
public abstract class StructureJourney(IReadOnlyList<string>? browserArgs = null) : BrowserJourney(DatabaseProvider.Sqlite, useSmtpSink: false, browserArgs)
{
    // Long on purpose, as real ones are: the header must cut it, never widen the page (issue 11).
    protected const string StructureName = "Centre social et culturel des Tilleuls – Maison des familles de Faches-Thumesnil";
    protected const string AdminEmail = "nadia.benali@cs-tilleuls.fr";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await App.EnsureSuperAdminAsync();
        await App.InScopeAsync(null, sp => sp.GetRequiredService<StructureService>().CreateAsync(
            new CreateStructureCommand(StructureName, "contact@cs-tilleuls.fr", "03 20 00 00 00", AdminEmail, "Nadia Benali")));
        await App.SetPasswordAsync(AdminEmail);
    }

    /// <summary>The administrator, signed in.</summary>
    protected async Task<IPage> SignedInAdminAsync(ViewportSize? viewport = null)
    {
        var page = await NewPageAsync(viewport);
        await Steps.SignInAsync(page, BaseUrl, AdminEmail);
        return page;
    }
}
