using CentresConnectes.Ludotheque.Application;
using CentresConnectes.Ludotheque.Contracts;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.Ludotheque.Areas.Ludotheque.Pages.Slots;

/// <summary>« Générer les créneaux »: any length in one go, idempotent, public holidays optional.</summary>
[RequirePermission(LudothequePermissions.Slots)]
public sealed class GenerateModel(SlotService slots) : AppPageModel
{
    [BindProperty] public SlotGenerationInput Input { get; set; } = new();

    public void OnGet()
    {
        Input = new SlotGenerationInput
        {
            Days = [DayOfWeek.Wednesday, DayOfWeek.Saturday],
            Ranges =
            [
                new TimeRangeInput { Start = new TimeOnly(9, 30), End = new TimeOnly(12, 0) },
                new TimeRangeInput { Start = new TimeOnly(14, 0), End = new TimeOnly(18, 0) },
            ],
            SkipPublicHolidays = true,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            ModelState.AddModelError(string.Empty, "Vérifiez les dates et les heures saisies (jj/mm/aaaa, hh:mm).");
            return Page();
        }
        SlotGenerationResult? result = null;
        if (!await TryAsync(async () => result = await slots.GenerateAsync(Input, ct)))
            return Page();
        FlashSuccess(result!.Message);
        var to = Input.To ?? Input.From!.Value;
        return Redirect($"/ludotheque/creneaux?du={Input.From:yyyy-MM-dd}&au={to:yyyy-MM-dd}");
    }
}
