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
    /// <summary>Carries the address to the sign-in page, which shows it filled in (never in the address bar).</summary>
    public const string SignInEmailKey = "Login.Email";

    [BindProperty(SupportsGet = true)] public Guid U { get; set; }
    [BindProperty(SupportsGet = true)] public string? T { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? Confirm { get; set; }

    /// <summary>The account's address (the sign-in identifier), null when the link is no longer valid.</summary>
    public string? Email { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (U == Guid.Empty || string.IsNullOrEmpty(T))
            return NotFound();
        // Checked before the form is shown: a used or expired link says so at once, with a way onward.
        Email = await accounts.PasswordLinkEmailAsync(U, T);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Email = await accounts.PasswordLinkEmailAsync(U, T);
        if (Email is null)
            return Page();
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
        FlashSuccess($"Votre mot de passe est enregistré : connectez-vous avec votre adresse {Email}.");
        TempData[SignInEmailKey] = Email;
        return Redirect("/connexion");
    }
}
