using CentresConnectes.Ludotheque.Application;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace CentresConnectes.Ludotheque.Areas.Ludotheque.Pages.Borne;

/// <summary>« Identifiants oubliés ? »: a link by e-mail, the same answer whether the address is known or not.</summary>
[AllowAnonymous]
[KioskPage]
[EnableRateLimiting(RateLimits.KioskSignIn)]
public sealed class IdentifiantsOubliesModel(FamilyAccountService accounts) : AppPageModel
{
    [BindProperty] public string? Email { get; set; }
    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task OnPostAsync(CancellationToken ct)
    {
        await accounts.RequestAccessReminderAsync(Email, ct);
        Sent = true;
    }
}
