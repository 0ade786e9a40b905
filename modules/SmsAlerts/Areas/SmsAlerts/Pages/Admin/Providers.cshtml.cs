using CentresConnectes.Platform.Application;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using CentresConnectes.SmsAlerts.Application;
using CentresConnectes.SmsAlerts.Contracts;
using CentresConnectes.SmsAlerts.Domain;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.SmsAlerts.Areas.SmsAlerts.Pages.Admin;

/// <summary>Super-admin: each structure's SMS provider, credentials (write-only) and monthly quota.</summary>
[RequirePermission(SmsAlertsPermissions.Providers)]
public sealed class ProvidersModel(StructureService structures, HostSmsSettings host) : AppPageModel
{
    public IReadOnlyList<(StructureSummary Structure, SmsSettingsView Settings, QuotaView Quota)> Rows { get; private set; } = [];
    public StructureSummary? Selected { get; private set; }

    [BindProperty] public ProviderSettingsInput Input { get; set; } = new();
    [BindProperty] public string? BaseUrl { get; set; }
    [BindProperty] public string? ApplicationKey { get; set; }
    [BindProperty] public string? ApplicationSecret { get; set; }
    [BindProperty] public string? ConsumerKey { get; set; }
    [BindProperty] public string? ServiceName { get; set; }
    [BindProperty] public string? ApiKey { get; set; }

    public async Task OnGetAsync(Guid? structure, CancellationToken ct)
    {
        await LoadAsync(ct);
        Selected = Rows.Select(r => r.Structure).FirstOrDefault(s => s.Id == structure);
        if (Selected is not null)
        {
            var current = Rows.Single(r => r.Structure.Id == Selected.Id).Settings;
            Input = new ProviderSettingsInput { Provider = current.Provider, MonthlyQuota = current.MonthlyQuota, CostPerSegmentCents = current.CostPerSegmentCents };
        }
    }

    public async Task<IActionResult> OnPostAsync(Guid structure, CancellationToken ct)
    {
        ModelState.Clear();
        var all = await structures.ListAsync(ct);
        if (all.All(s => s.Id != structure))
            return NotFound();
        var typed = new[] { BaseUrl, ApplicationKey, ApplicationSecret, ConsumerKey, ServiceName, ApiKey }.Any(v => !string.IsNullOrWhiteSpace(v));
        Input.Credentials = typed
            ? new Providers.ProviderCredentials
            {
                BaseUrl = BaseUrl?.Trim(), ApplicationKey = ApplicationKey?.Trim(), ApplicationSecret = ApplicationSecret?.Trim(),
                ConsumerKey = ConsumerKey?.Trim(), ServiceName = ServiceName?.Trim(), ApiKey = ApiKey?.Trim(),
            }
            : null;
        if (await TryAsync(() => host.UpdateProviderAsync(structure, Input, ct)))
        {
            FlashSuccess("Fournisseur et quota enregistrés.");
            return Redirect("/admin/sms");
        }
        await LoadAsync(ct);
        Selected = all.First(s => s.Id == structure);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var list = new List<(StructureSummary, SmsSettingsView, QuotaView)>();
        foreach (var s in await structures.ListAsync(ct))
            list.Add((s, await host.GetAsync(s.Id, ct), await host.QuotaAsync(s.Id, ct)));
        Rows = list;
    }
}
