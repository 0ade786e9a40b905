using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using CentresConnectes.ReferenceData.Application;
using CentresConnectes.ReferenceData.Contracts;

namespace CentresConnectes.ReferenceData.Areas.ReferenceData.Pages.Settings;

/// <summary>The settings menu ("Menu paramètre" of the mock-up).</summary>
[RequirePermission(ReferenceDataPermissions.Manage)]
public sealed class SettingsIndexModel(ReferenceListService lists, StructureSettingsService settings) : AppPageModel
{
    public IReadOnlyDictionary<ReferenceListKind, (int Active, int Total)> Counts { get; private set; } = null!;
    public StructureSettingsView Settings { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Counts = await lists.CountsAsync(ct);
        Settings = await settings.GetAsync(ct);
    }
}
