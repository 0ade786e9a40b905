using CentresConnectes.Members.Contracts;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using CentresConnectes.ReferenceData.Contracts;
using CentresConnectes.SmsAlerts.Application;
using CentresConnectes.SmsAlerts.Contracts;
using CentresConnectes.SmsAlerts.Domain;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.SmsAlerts.Areas.SmsAlerts.Pages.Reminders;

/// <summary>A person's reminders: the list with their next dates and statuses, and a new one from a template, previewed first.</summary>
[RequirePermission(SmsAlertsPermissions.Read)]
public sealed class PersonModel(ReminderService reminders, IReferenceDataQuery references, ICurrentUser user, TimeProvider clock) : AppPageModel
{
    public PersonSummaryDto Person { get; private set; } = null!;
    public IReadOnlyList<ReminderView> Reminders { get; private set; } = [];
    public IReadOnlyList<ReferenceItemDto> Categories { get; private set; } = [];
    public ReminderPreview? Preview { get; private set; }
    public bool CanWrite => user.HasPermission(SmsAlertsPermissions.Reminders);

    [BindProperty] public ReminderInput Input { get; set; } = new();

    public async Task OnGetAsync(Guid personId, string? modele, CancellationToken ct)
    {
        await LoadAsync(personId, ct);
        if (ReminderTemplates.Find(modele) is { } template)
        {
            var category = Categories.FirstOrDefault(c => c.Label.Contains(template.CategoryHint, StringComparison.OrdinalIgnoreCase));
            // A window starts from the one open today; a date is proposed two weeks ahead (to be corrected).
            var today = ParisTime.Today(clock);
            Input = ReminderInput.FromTemplate(template, category?.Id, template.Kind == ScheduleKind.MonthlyWindow ? today : today.AddDays(14));
        }
    }

    public async Task<IActionResult> OnPostPreviewAsync(Guid personId, CancellationToken ct)
    {
        if (!CanWrite)
            return Forbid();
        await LoadAsync(personId, ct);
        ModelState.Clear();
        await TryAsync(async () => Preview = await reminders.PreviewAsync(personId, Input, ct));
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(Guid personId, CancellationToken ct)
    {
        if (!CanWrite)
            return Forbid();
        ModelState.Clear();
        if (await TryAsync(() => reminders.CreateAsync(personId, Input, ct)))
        {
            FlashSuccess($"Le rappel « {Input.Title.Trim()} » est enregistré.");
            return Redirect($"/alertes/personnes/{personId}");
        }
        await LoadAsync(personId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDoneAsync(Guid personId, Guid occurrenceId, CancellationToken ct)
    {
        if (!CanWrite)
            return Forbid();
        await TryFlashAsync(() => reminders.MarkDoneAsync(occurrenceId, null, ct), "Échéance marquée « fait » : les relances s'arrêtent.");
        return Redirect($"/alertes/personnes/{personId}");
    }

    public async Task<IActionResult> OnPostActiveAsync(Guid personId, Guid reminderId, bool active, CancellationToken ct)
    {
        if (!CanWrite)
            return Forbid();
        await TryFlashAsync(() => reminders.SetActiveAsync(reminderId, active, ct), active ? "Rappel réactivé." : "Rappel désactivé : ses messages en attente sont annulés.");
        return Redirect($"/alertes/personnes/{personId}");
    }

    private async Task LoadAsync(Guid personId, CancellationToken ct)
    {
        Person = await reminders.PersonAsync(personId, ct);
        Reminders = await reminders.ListForPersonAsync(personId, ct);
        Categories = await references.ListAsync(ReferenceListKind.Categorie, ct: ct);
    }
}
