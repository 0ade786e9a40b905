using CentresConnectes.Platform.Application;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using CentresConnectes.SmsAlerts.Application;
using CentresConnectes.SmsAlerts.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.SmsAlerts.Areas.SmsAlerts.Pages;

/// <summary>The structure's own settings: sender name, STOP mention, quiet hours; the webhook addresses to give the provider.</summary>
[RequirePermission(SmsAlertsPermissions.Settings)]
public sealed class SettingsModel(SmsSettingsService settings, QuotaService quota, AppUrls urls) : AppPageModel
{
    public SmsSettingsView Current { get; private set; } = null!;
    public QuotaView Quota { get; private set; } = null!;
    public string WebhookBase { get; private set; } = "";

    [BindProperty] public StructureSmsSettingsInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = new StructureSmsSettingsInput
        {
            SenderName = Current.SenderName, StopMention = Current.StopMention, AllowedFrom = Current.AllowedFrom.ToString("HH\\:mm"),
            AllowedUntil = Current.AllowedUntil.ToString("HH\\:mm"), AllowedDays = [.. Current.AllowedDays], HolidaysAllowed = Current.HolidaysAllowed,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (await TryAsync(() => settings.UpdateStructureAsync(Input, ct)))
        {
            FlashSuccess("Réglages enregistrés.");
            return RedirectToPage();
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRenewAsync(CancellationToken ct)
    {
        await TryFlashAsync(() => settings.RenewWebhookTokenAsync(ct), "Nouvelle adresse de notification : donnez-la au fournisseur, l'ancienne ne marche plus.");
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var entity = await settings.GetOrCreateAsync(ct);
        Current = await settings.GetAsync(ct);
        Quota = await quota.GetAsync(entity, ct);
        WebhookBase = urls.Absolute($"/webhooks/sms/{Current.WebhookToken}");
    }
}
