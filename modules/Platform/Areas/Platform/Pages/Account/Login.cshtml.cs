using CentresConnectes.Platform.Application;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.Platform.Areas.Platform.Pages.Account;

/// <summary>E-mail + password; the structure comes from the account, never asked.</summary>
[AllowAnonymous]
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
        switch (outcome)
        {
            case SignInOutcome.Success:
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
            case SignInOutcome.LockedOut:
                ModelState.AddModelError(string.Empty, "Trop d'essais infructueux : le compte est verrouillé pendant 15 minutes.");
                break;
            case SignInOutcome.Disabled:
                ModelState.AddModelError(string.Empty, "Ce compte ou sa structure est désactivé. Adressez-vous à votre administrateur.");
                break;
            default:
                ModelState.AddModelError(string.Empty, "Adresse e-mail ou mot de passe incorrect.");
                break;
        }
        Password = null;
        return Page();
    }
}
