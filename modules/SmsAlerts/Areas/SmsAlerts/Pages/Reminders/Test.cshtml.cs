using CentresConnectes.Members.Contracts;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using CentresConnectes.SmsAlerts.Application;
using CentresConnectes.SmsAlerts.Contracts;
using CentresConnectes.SmsAlerts.Domain;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.SmsAlerts.Areas.SmsAlerts.Pages.Reminders;

/// <summary>« Tester le rappel » : says what goes to whom, and sends only once the user confirms.</summary>
[RequirePermission(SmsAlertsPermissions.Reminders)]
public sealed class TestModel(ReminderService reminders) : AppPageModel
{
    public ReminderView Reminder { get; private set; } = null!;
    public PersonSummaryDto Person { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Reminder = await reminders.GetAsync(id, ct);
        Person = await reminders.PersonAsync(Reminder.PersonId, ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var reminder = await reminders.GetAsync(id, ct);
        IReadOnlyList<DeliveryView> results = [];
        if (await TryAsync(async () => results = await reminders.TestAsync(id, ct)))
        {
            var text = string.Join(" ; ", results.Select(r => $"{Labels.Of(r.Channel)} : {Labels.Of(r.Status)}{(r.Reason is { } why ? " (" + why + ")" : "")}"));
            if (results.All(r => r.Status is DeliveryStatus.Sent or DeliveryStatus.Delivered))
                FlashSuccess("Rappel envoyé pour test — " + text + ".");
            else
                FlashError("Le test n'est pas parti partout — " + text + ".");
        }
        else
        {
            FlashError(ErrorText);
        }
        return Redirect($"/alertes/personnes/{reminder.PersonId}");
    }
}
