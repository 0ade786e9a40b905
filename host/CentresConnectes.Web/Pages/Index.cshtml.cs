using CentresConnectes.Platform.Application;
using CentresConnectes.Platform.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CentresConnectes.Web.Pages;

/// <summary>Home: the sections the user may open. A fresh install goes to the setup page first.</summary>
[AllowAnonymous]
public sealed class IndexModel(SetupService setup, ICurrentUser user) : PageModel
{
    public string? DisplayName => user.DisplayName;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await setup.IsRequiredAsync(ct))
            return Redirect("/installation");
        if (!user.IsAuthenticated)
            return Redirect("/connexion");
        return Page();
    }
}
