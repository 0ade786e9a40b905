using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using CentresConnectes.ReferenceData.Contracts;
using CentresConnectes.SmsAlerts.Application;
using CentresConnectes.SmsAlerts.Contracts;
using CentresConnectes.SmsAlerts.Domain;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.SmsAlerts.Areas.SmsAlerts.Pages.Campaigns;

/// <summary>
/// A new campaign: groups (several) and chosen persons, channel, message with its live SMS count,
/// who will receive it and why the others won't, then scheduling.
/// </summary>
[RequirePermission(SmsAlertsPermissions.Campaigns)]
public sealed class CreateModel(CampaignService campaigns, SmsSettingsService settings, IReferenceDataQuery references, IJobScheduler jobs) : AppPageModel
{
    public IReadOnlyList<ReferenceItemDto> Groups { get; private set; } = [];
    public IReadOnlyList<ReferenceItemDto> Categories { get; private set; } = [];
    public CampaignPreview? Preview { get; private set; }
    public SmsSettingsView Settings { get; private set; } = null!;

    [BindProperty] public CampaignInput Input { get; set; } = new();
    /// <summary>The date and time fields (Paris), empty = as soon as allowed.</summary>
    [BindProperty] public DateOnly? SendDate { get; set; }
    [BindProperty] public TimeOnly? SendTime { get; set; }

    public async Task OnGetAsync(Guid? personne, CancellationToken ct)
    {
        if (personne is { } personId)
            Input.PersonIds = [personId];
        await LoadAsync(ct);
    }

    /// <summary>« Compter les destinataires » : the preview, nothing saved.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        ModelState.Clear();
        ApplyDate();
        await TryAsync(async () => Preview = await campaigns.PreviewAsync(Input, ct));
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>One click: the characters outside GSM-7 replaced by their look-alikes (half the cost).</summary>
    public async Task<IActionResult> OnPostGsm7Async(CancellationToken ct)
    {
        ModelState.Clear();
        Input.Message = SmsText.ToGsm7(Input.Message ?? "");
        ApplyDate();
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The live counter (htmx): characters, encoding, segments, cost for one person.</summary>
    public async Task<IActionResult> OnPostMeasureAsync(CancellationToken ct)
    {
        Settings = await settings.GetAsync(ct);
        return Partial("_SmsCounter", new SmsCounterModel(Input.Message ?? "", Settings.StopMention, Settings.CostPerSegmentCents));
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        ModelState.Clear();
        ApplyDate();
        Guid id = default;
        if (!await TryAsync(async () => id = await campaigns.CreateAsync(Input, ct)))
        {
            await TryAsync(async () => Preview = await campaigns.PreviewAsync(Input, ct));
            await LoadAsync(ct);
            return Page();
        }
        if (!Input.Draft)
            jobs.Enqueue<SmsDispatchNowJob>();
        var details = await campaigns.GetAsync(id, ct);
        FlashSuccess(Input.Draft ? "Brouillon enregistré."
            : $"Envoi programmé pour {details.RecipientCount} personne(s), départ le {ParisTime.FormatDateTime(details.StartsAtUtc!.Value)}.");
        return Redirect($"/alertes/envois/{id}");
    }

    private void ApplyDate() =>
        Input.SendAt = SendDate is { } d ? d.ToDateTime(SendTime ?? new TimeOnly(9, 0)) : null;

    private async Task LoadAsync(CancellationToken ct)
    {
        Groups = await references.ListAsync(ReferenceListKind.Groupe, ct: ct);
        Categories = await references.ListAsync(ReferenceListKind.Categorie, ct: ct);
        Settings = await settings.GetAsync(ct);
    }
}

public sealed record SmsCounterModel(string Message, string StopMention, int CostPerSegmentCents)
{
    public SmsMeasure Measure { get; } = SmsText.Measure(Placeholders.Render(Message, "Prénom", "NOM", null, "Structure").TrimEnd() + " " + StopMention);
}
