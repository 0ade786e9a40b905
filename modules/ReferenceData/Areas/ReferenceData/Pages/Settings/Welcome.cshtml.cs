using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using CentresConnectes.ReferenceData.Application;
using CentresConnectes.ReferenceData.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.ReferenceData.Areas.ReferenceData.Pages.Settings;

/// <summary>"Paramètre : Gestion du message d'accueil" of the mock-up: the welcome text and the logo.</summary>
[RequirePermission(ReferenceDataPermissions.Manage)]
public sealed class WelcomeModel(StructureSettingsService settings) : AppPageModel
{
    public StructureSettingsView Settings { get; private set; } = null!;
    public string? WelcomeText { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Settings = await settings.GetAsync(ct);
        WelcomeText = Settings.WelcomeMessageHtml;
    }

    public async Task<IActionResult> OnPostWelcomeAsync(string? welcomeMessage, CancellationToken ct)
    {
        if (await TryAsync(() => settings.UpdateWelcomeMessageAsync(welcomeMessage, ct)))
        {
            FlashSuccess("Le message d'accueil est enregistré.");
            return RedirectToPage();
        }
        Settings = await settings.GetAsync(ct);
        WelcomeText = welcomeMessage;
        return Page();
    }

    /// <summary>htmx: the sanitised rendering of what is being typed (nothing is saved).</summary>
    public IActionResult OnPostPreview(string? welcomeMessage) =>
        Content(WelcomeMessageSanitizer.Sanitize(welcomeMessage) ?? "<span class=\"text-body-secondary\">Aucun message.</span>", "text/html; charset=utf-8");

    public async Task<IActionResult> OnPostLogoAsync(IFormFile? logo, int? maxWidth, int? maxHeight, CancellationToken ct)
    {
        var ok = await TryAsync(async () =>
        {
            if (logo is null || logo.Length == 0)
                throw new BusinessException("Choisissez un fichier image (PNG, JPEG ou WebP).");
            // The size is checked while reading (LogoImage.ReadLimitedAsync).
            await using var stream = logo.OpenReadStream();
            await settings.UploadLogoAsync(stream, maxWidth, maxHeight, ct);
        });
        if (ok)
        {
            FlashSuccess("Le logo est enregistré.");
            return RedirectToPage();
        }
        await OnGetAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostLogoSizeAsync(int? maxWidth, int? maxHeight, CancellationToken ct)
    {
        await TryFlashAsync(() => settings.ResizeLogoAsync(maxWidth, maxHeight, ct), "Le logo est redimensionné.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveLogoAsync(CancellationToken ct)
    {
        await settings.RemoveLogoAsync(ct);
        FlashSuccess("Le logo est retiré.");
        return RedirectToPage();
    }
}
