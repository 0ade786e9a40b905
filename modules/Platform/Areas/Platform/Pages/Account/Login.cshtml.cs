using CentresConnectes.Platform.Application;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace CentresConnectes.Platform.Areas.Platform.Pages.Account;

/// <summary>
/// E-mail + password; the structure comes from the account, never asked. Every refusal shows the
/// same message: the page must not tell whether an address has an account, nor its state.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class LoginModel(AccountService accounts, SetupService setup) : AppPageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public bool Remember { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await setup.IsRequiredAsync(ct))
            return Redirect("/installation");
        // Just chose a password: the address is filled in, the password field gets the focus.
        Email ??= TempData[SetPasswordModel.SignInEmailKey] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await accounts.SignInAsync(Email, Password, Remember, ct);
        if (outcome == SignInOutcome.Success)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        ModelState.AddModelError(string.Empty, AccountService.SignInRefused);
        Password = null;
        return Page();
    }
}
