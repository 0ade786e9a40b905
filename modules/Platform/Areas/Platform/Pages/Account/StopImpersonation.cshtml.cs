using CentresConnectes.Platform.Application;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.Platform.Areas.Platform.Pages.Account;

[Authorize]
public sealed class StopImpersonationModel(ImpersonationService impersonation) : AppPageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await TryAsync(() => impersonation.StopAsync(ct)))
            return Redirect("/");
        FlashSuccess("Vous êtes revenu à votre compte.");
        return Redirect("/");
    }
}
