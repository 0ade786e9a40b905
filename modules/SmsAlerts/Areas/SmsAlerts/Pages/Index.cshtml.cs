using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using CentresConnectes.SmsAlerts.Application;
using CentresConnectes.SmsAlerts.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.SmsAlerts.Areas.SmsAlerts.Pages;

/// <summary>« Échéances à venir » : every person's upcoming administrative dates, as a list and a month calendar.</summary>
[RequirePermission(SmsAlertsPermissions.Read)]
public sealed class IndexModel(ReminderService reminders, TimeProvider clock) : AppPageModel
{
    public Page<UpcomingItem> Items { get; private set; } = null!;
    public IReadOnlyList<UpcomingItem> MonthItems { get; private set; } = [];
    public DateOnly Month { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(int? p, string? mois, CancellationToken ct)
    {
        Today = ParisTime.Today(clock);
        Month = DateOnly.TryParseExact(mois + "-01", "yyyy-MM-dd", out var m) ? m : new DateOnly(Today.Year, Today.Month, 1);
        Items = await reminders.UpcomingAsync(Today, Today.AddDays(60), p ?? 1, ct);
        MonthItems = (await reminders.UpcomingAsync(Month, Month.AddMonths(1).AddDays(-1), 1, ct)).Items;
    }

    public async Task<IActionResult> OnPostDoneAsync(Guid occurrenceId, CancellationToken ct)
    {
        await TryFlashAsync(() => reminders.MarkDoneAsync(occurrenceId, null, ct), "Échéance marquée « fait » : les relances s'arrêtent.");
        return RedirectToPage();
    }
}
