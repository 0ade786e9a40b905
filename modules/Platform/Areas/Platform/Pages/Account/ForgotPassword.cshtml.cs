using CentresConnectes.Platform.Application;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.Platform.Areas.Platform.Pages.Account;

/// <summary>The answer is the same whether the address exists or not.</summary>
[AllowAnonymous]
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
