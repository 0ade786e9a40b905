using CentresConnectes.Platform.Application;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace CentresConnectes.Platform.Areas.Platform.Pages.Account;

/// <summary>The link of an invitation or of a reset e-mail: u = account id, t = Identity's reset token.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SetPassword)]
public sealed class SetPasswordModel(AccountService accounts) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public Guid U { get; set; }
    [BindProperty(SupportsGet = true)] public string? T { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? Confirm { get; set; }

    public IActionResult OnGet() => U == Guid.Empty || string.IsNullOrEmpty(T) ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Password != Confirm)
        {
            ModelState.AddModelError(string.Empty, "Les deux mots de passe ne sont pas identiques.");
            return Page();
        }
        var result = await accounts.ResetPasswordAsync(U, T, Password, ct);
        if (!result.Succeeded)
        {
            AddErrors(result);
            return Page();
        }
        FlashSuccess("Votre mot de passe est enregistré : vous pouvez vous connecter.");
        return Redirect("/connexion");
    }
}
