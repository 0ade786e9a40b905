using CentresConnectes.Members.Contracts;
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
public sealed class CreateModel(CampaignService campaigns, SmsSettingsService settings, IReferenceDataQuery references, IMemberDirectory members, IJobScheduler jobs, TimeProvider clock) : AppPageModel
{
    public IReadOnlyList<ReferenceItemDto> Groups { get; private set; } = [];
    public IReadOnlyList<ReferenceItemDto> Categories { get; private set; } = [];
    public CampaignPreview? Preview { get; private set; }
    public SmsSettingsView Settings { get; private set; } = null!;
    /// <summary>The persons chosen one by one (names for the list; their ids travel in hidden fields).</summary>
    public IReadOnlyList<PersonSummaryDto> ChosenPersons { get; private set; } = [];
    /// <summary>The register's answers to the person search (htmx fragment or full page).</summary>
    public IReadOnlyList<PersonSummaryDto> Found { get; private set; } = [];
    [BindProperty] public string? PersonQuery { get; set; }
    public DateOnly Today => ParisTime.Today(clock);

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

    /// <summary>The person search (htmx, live as one types): persons of the register whose name starts with the text.</summary>
    public async Task<IActionResult> OnPostSearchPersonsAsync(CancellationToken ct)
    {
        ModelState.Clear();
        await SearchAsync(ct);
        if (IsHtmxFragment)
            return Partial("_PersonSearch", this);
        ApplyDate();
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>« Ajouter » beside a person found: chosen besides the groups (once, however often it is clicked).</summary>
    public async Task<IActionResult> OnPostAddPersonAsync(Guid add, CancellationToken ct)
    {
        ModelState.Clear();
        if ((await members.GetPersonsAsync([add], ct)).Count == 0)
            return NotFound();
        if (!Input.PersonIds.Contains(add))
            Input.PersonIds.Add(add);
        PersonQuery = null;
        ApplyDate();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRemovePersonAsync(Guid remove, CancellationToken ct)
    {
        ModelState.Clear();
        Input.PersonIds.Remove(remove);
        ApplyDate();
        await LoadAsync(ct);
        return Page();
    }

    private async Task SearchAsync(CancellationToken ct)
    {
        Found = string.IsNullOrWhiteSpace(PersonQuery) || PersonQuery.Trim().Length < 2 ? [] : await members.SearchAsync(PersonQuery.Trim(), 10, ct);
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
        Input.PersonIds = [.. Input.PersonIds.Distinct()];
        // Crafted ids of another structure's persons find nobody here: they are dropped from the list (and refused on saving).
        ChosenPersons = Input.PersonIds.Count == 0 ? [] : [.. (await members.GetPersonsAsync(Input.PersonIds, ct)).OrderBy(p => p.LastName).ThenBy(p => p.FirstName)];
        if (Found.Count == 0)
            await SearchAsync(ct);
    }

    /// <summary>Whether the person is already reached through one of the groups ticked (counted once all the same).</summary>
    public bool InChosenGroup(PersonSummaryDto person) => person.GroupIds.Any(Input.GroupIds.Contains);
}

public sealed record SmsCounterModel(string Message, string StopMention, int CostPerSegmentCents)
{
    public SmsMeasure Measure { get; } = SmsText.Measure(Placeholders.Render(Message, "Prénom", "NOM", null, "Structure").TrimEnd() + " " + StopMention);
}
