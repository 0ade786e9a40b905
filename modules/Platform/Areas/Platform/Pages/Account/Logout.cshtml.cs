using CentresConnectes.Platform.Application;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.Platform.Areas.Platform.Pages.Account;

[Authorize]
public sealed class LogoutModel(AccountService accounts) : AppPageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await accounts.SignOutAsync(ct);
        return Redirect("/connexion");
    }
}
