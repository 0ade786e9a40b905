using CentresConnectes.Platform.Application;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace CentresConnectes.Platform.Areas.Platform.Pages.Account;

/// <summary>The answer is the same whether the address exists or not.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.PasswordReset)]
public sealed class ForgotPasswordModel(AccountService accounts) : AppPageModel
{
    [BindProperty] public string? Email { get; set; }
    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await accounts.RequestPasswordResetAsync(Email, ct);
        Sent = true;
        return Page();
    }
}
