using CentresConnectes.Ludotheque.Application;
using CentresConnectes.Ludotheque.Contracts;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.Ludotheque.Areas.Ludotheque.Pages.Slots;

/// <summary>« Liste des créneaux paramétrés »: a period's slots, printable and exportable.</summary>
[RequirePermission(LudothequePermissions.Slots)]
public sealed class IndexModel(SlotService slots, TimeProvider clock) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "du")] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "au")] public DateOnly? To { get; set; }

    public IReadOnlyList<SlotRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = ParisTime.Today(clock);
        From ??= new DateOnly(today.Year, today.Month, 1);
        To ??= From.Value.AddMonths(3).AddDays(-1);
        await TryAsync(async () => Rows = await slots.ListAsync(From.Value, To.Value, ct));
        return Page();
    }
}
