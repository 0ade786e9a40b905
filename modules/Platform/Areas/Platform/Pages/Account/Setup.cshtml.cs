using CentresConnectes.Platform.Application;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace CentresConnectes.Platform.Areas.Platform.Pages.Account;

/// <summary>
/// First run only: once a super-admin exists this page answers 404. Before that it opens only with
/// the one-time token of the link printed on the server's console (ADR 0008).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Setup)]
public sealed class SetupModel(SetupService setup, SetupToken token, PublicAddress publicAddress, AccountService accounts) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "jeton")]
    public string? Jeton { get; set; }

    [BindProperty]
    public SetupInput Input { get; set; } = new();

    /// <summary>False: the visitor came without the console's link; the page explains and shows no form.</summary>
    public bool TokenAccepted { get; private set; }

    /// <summary>The public address is asked only when the configuration does not give it.</summary>
    public bool AsksPublicUrl => publicAddress.Configured is null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await setup.IsRequiredAsync(ct))
            return NotFound();
        if (!CheckToken())
            return Refused();
        // What the browser used to come here: the person installing confirms or corrects it.
        Input.PublicUrl ??= $"{Request.Scheme}://{Request.Host}{Request.PathBase}";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await setup.IsRequiredAsync(ct))
            return NotFound();
        if (!CheckToken())
            return Refused();
        if (Input.Password != Input.Confirm)
        {
            ModelState.AddModelError(string.Empty, "Les deux mots de passe ne sont pas identiques.");
            return Page();
        }
        Microsoft.AspNetCore.Identity.IdentityResult? result = null;
        if (!await TryAsync(async () => result = await setup.CompleteAsync(Input.Email, Input.DisplayName, Input.Password,
                AsksPublicUrl ? Input.PublicUrl ?? "" : null, ct)))
            return Page();
        if (!result!.Succeeded)
        {
            AddErrors(result);
            return Page();
        }
        await accounts.SignInAsync(Input.Email, Input.Password, remember: false, ct);
        FlashSuccess("Le compte super-administrateur est créé. Créez maintenant votre première structure.");
        return Redirect("/admin/structures");
    }

    private bool CheckToken() => TokenAccepted = token.Matches(Jeton);

    private IActionResult Refused()
    {
        Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status403Forbidden;
        return Page();
    }

    public sealed class SetupInput
    {
        public string? DisplayName { get; set; }
        public string? Email { get; set; }
        public string? Password { get; set; }
        public string? Confirm { get; set; }
        public string? PublicUrl { get; set; }
    }
}
