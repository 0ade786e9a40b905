using CentresConnectes.Platform.Application;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.Platform.Areas.Platform.Pages.Profile;

/// <summary>Every signed-in user: own password and own API keys.</summary>
[Authorize]
public sealed class ProfileModel(AccountService accounts, ApiKeyService apiKeys, ICurrentUser user) : AppPageModel
{
    public IReadOnlyList<ApiKeyView> Keys { get; private set; } = [];
    public string? NewKey { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Keys = await apiKeys.ListMineAsync(ct);

    public async Task<IActionResult> OnPostPasswordAsync(string? current, string? next, CancellationToken ct)
    {
        var result = await accounts.ChangePasswordAsync(user.Id!.Value, current, next, ct);
        if (!result.Succeeded)
        {
            AddErrors(result);
            Keys = await apiKeys.ListMineAsync(ct);
            return Page();
        }
        FlashSuccess("Votre mot de passe est changé.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCreateKeyAsync(string? keyName, int? expiresInDays, CancellationToken ct)
    {
        await TryAsync(async () => NewKey = await apiKeys.CreateAsync(keyName, expiresInDays, ct));
        Keys = await apiKeys.ListMineAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeKeyAsync(Guid keyId, CancellationToken ct)
    {
        await apiKeys.RevokeAsync(keyId, ct);
        FlashSuccess("La clé est révoquée.");
        return RedirectToPage();
    }
}
