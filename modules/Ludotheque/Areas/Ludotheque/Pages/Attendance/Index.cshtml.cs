using CentresConnectes.Ludotheque.Application;
using CentresConnectes.Ludotheque.Contracts;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.Ludotheque.Areas.Ludotheque.Pages.Attendance;

/// <summary>« Générer la liste de présence »: period, slot choice, columns → table, print, PDF, XLSX.</summary>
[RequirePermission(LudothequePermissions.AttendanceLists)]
public sealed class IndexModel(AttendanceListService lists, SlotService slots, TimeProvider clock) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "du")] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "au")] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "creneau")] public string? Slot { get; set; }
    [BindProperty(SupportsGet = true, Name = "champs")] public List<AttendanceColumn> Columns { get; set; } = [];

    public IReadOnlyList<AttendanceColumn> Available => lists.AvailableColumns;
    public IReadOnlyList<(TimeOnly Start, TimeOnly End)> SlotChoices { get; private set; } = [];
    public AttendanceList? Result { get; private set; }

    /// <summary>The query string of the current list, for the export links.</summary>
    public string ListQuery => string.Join("&", new[]
        {
            From is { } f ? $"du={f:yyyy-MM-dd}" : null,
            To is { } t ? $"au={t:yyyy-MM-dd}" : null,
            string.IsNullOrEmpty(Slot) ? null : "creneau=" + Uri.EscapeDataString(Slot),
        }.Concat(Columns.Select(c => $"champs={c}")).Where(p => p is not null));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = ParisTime.Today(clock);
        var shown = From is not null;
        From ??= today;
        if (Columns.Count == 0)
            Columns = [AttendanceColumn.Nom, AttendanceColumn.Prenom, AttendanceColumn.Age, AttendanceColumn.HeureArrivee];
        SlotChoices = await slots.TimeRangesAsync(From.Value.AddMonths(-12), (To ?? From.Value).AddMonths(12), ct);
        if (shown)
            await TryAsync(async () => Result = await lists.BuildAsync(Query(), ct));
        return Page();
    }

    private AttendanceQuery Query() => new() { From = From, To = To, Slot = Slot, Columns = Columns };
}
