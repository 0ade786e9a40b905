using CentresConnectes.Ludotheque.Application;
using CentresConnectes.Ludotheque.Contracts;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.Ludotheque.Areas.Ludotheque.Pages.Slots;

/// <summary>« Supprimer les créneaux d'ouverture »: slots with presences are kept and named.</summary>
[RequirePermission(LudothequePermissions.Slots)]
public sealed class DeleteModel(SlotService slots) : AppPageModel
{
    [BindProperty] public SlotDeletionInput Input { get; set; } = new();

    public void OnGet() => Input = new SlotDeletionInput { Days = [.. WeekdayNames.MondayFirst] };

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            ModelState.AddModelError(string.Empty, "Vérifiez les dates et les heures saisies (jj/mm/aaaa, hh:mm).");
            return Page();
        }
        SlotDeletionResult? result = null;
        if (!await TryAsync(async () => result = await slots.DeleteAsync(Input, ct)))
            return Page();
        if (result!.Kept.Count > 0)
            FlashError(result.Message);
        else
            FlashSuccess(result.Message);
        var to = Input.To ?? Input.From!.Value;
        return Redirect($"/ludotheque/creneaux?du={Input.From:yyyy-MM-dd}&au={to:yyyy-MM-dd}");
    }
}
