using CentresConnectes.Ludotheque.Application;
using CentresConnectes.Ludotheque.Contracts;
using CentresConnectes.Ludotheque.Domain;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.Ludotheque.Areas.Ludotheque.Pages;

/// <summary>The ludothèque today: the counter, the day's slots and how many came to each.</summary>
[RequirePermission(LudothequePermissions.Read)]
public sealed class IndexModel(PresenceService presences, SlotService slots, TimeProvider clock) : AppPageModel
{
    public DateOnly Today { get; private set; }
    public PresenceCounter Counter { get; private set; } = new(null, 0, null);
    public IReadOnlyList<SlotRow> TodaySlots { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Counter = await presences.CounterAsync(ct);
        if (IsHtmxFragment)
            return Partial("_Counter", Counter);
        Today = ParisTime.Today(clock);
        TodaySlots = await slots.ListAsync(Today, Today, ct);
        return Page();
    }
}
