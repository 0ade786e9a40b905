using CentresConnectes.Platform.Application;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.Platform.Areas.Platform.Pages.Account;

/// <summary>First run only: once a super-admin exists this page answers 404.</summary>
[AllowAnonymous]
public sealed class SetupModel(SetupService setup, AccountService accounts) : AppPageModel
{
    [BindProperty]
    public SetupInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await setup.IsRequiredAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await setup.IsRequiredAsync(ct))
            return NotFound();
        if (Input.Password != Input.Confirm)
        {
            ModelState.AddModelError(string.Empty, "Les deux mots de passe ne sont pas identiques.");
            return Page();
        }
        Microsoft.AspNetCore.Identity.IdentityResult? result = null;
        if (!await TryAsync(async () => result = await setup.CompleteAsync(Input.Email, Input.DisplayName, Input.Password, ct)))
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

    public sealed class SetupInput
    {
        public string? DisplayName { get; set; }
        public string? Email { get; set; }
        public string? Password { get; set; }
        public string? Confirm { get; set; }
    }
}
