using CentresConnectes.Ludotheque.Application;
using CentresConnectes.Ludotheque.Contracts;
using CentresConnectes.Ludotheque.Domain;
using CentresConnectes.Members.Contracts;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.Ludotheque.Areas.Ludotheque.Pages.Presences;

/// <summary>
/// Staff record presences for any day and slot (« Pouvoir remonter dans le temps et générer des
/// présences ») and remove a wrong one with a reason. Both are audited.
/// </summary>
[RequirePermission(LudothequePermissions.Presences)]
public sealed class IndexModel(PresenceService presences, IMemberDirectory members, TimeProvider clock) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "date")] public DateOnly? Date { get; set; }
    [BindProperty(SupportsGet = true, Name = "slot")] public Guid? SlotId { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }

    public IReadOnlyList<Slot> DaySlots { get; private set; } = [];
    public Slot? Slot { get; private set; }
    public IReadOnlyList<PresenceRow> Present { get; private set; } = [];
    public IReadOnlyList<PersonSummaryDto> Found { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (IsHtmxFragment)
            return Partial("_SearchResults", this);
        return Page();
    }

    public async Task<IActionResult> OnPostRecordAsync(Guid personId, TimeOnly? arrival, CancellationToken ct)
    {
        CheckInResult? result = null;
        await TryFlashAsync(async () => result = await presences.RecordAsync(
            new StaffPresenceInput { SlotId = SlotId ?? Guid.Empty, PersonIds = [personId], ArrivalTime = arrival }, ct), null);
        if (result is { Recorded: 1 })
            FlashSuccess("La présence a bien été enregistrée.");
        else if (result is not null)
            FlashSuccess("Cette personne était déjà notée présente sur ce créneau.");
        return Redirect(await HereAsync(ct));
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid presenceId, string? reason, CancellationToken ct)
    {
        await TryFlashAsync(() => presences.RemoveAsync(presenceId, reason, ct), "La présence a été supprimée (motif noté au journal).");
        return Redirect(await HereAsync(ct));
    }

    private async Task<string> HereAsync(CancellationToken ct)
    {
        if (SlotId is { } id)
            Date ??= (await presences.FindSlotAsync(id, ct))?.Date;
        return $"/ludotheque/presences?date={Date:yyyy-MM-dd}" + (SlotId is null ? "" : $"&slot={SlotId}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Date ??= ParisTime.Today(clock);
        DaySlots = await presences.SlotsOnAsync(Date.Value, ct);
        Slot = DaySlots.FirstOrDefault(s => s.Id == SlotId) ?? (DaySlots.Count == 1 ? DaySlots[0] : null);
        if (Slot is null)
            return;
        Present = await presences.ListForSlotAsync(Slot.Id, ct);
        if (!string.IsNullOrWhiteSpace(Query))
            Found = await members.SearchAsync(Query, 20, ct);
    }
}
