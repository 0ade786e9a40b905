using CentresConnectes.Members.Application.Import;
using CentresConnectes.Members.Contracts;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.Members.Areas.Members.Pages.Import;

/// <summary>Step 1 of an import: choose the file (nothing is registered yet).</summary>
[RequirePermission(MembersPermissions.Import)]
[RequestSizeLimit(ImportLimits.MaxFileBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportLimits.MaxFileBytes + 1024 * 1024)]
public sealed class IndexModel(ImportService imports) : AppPageModel
{
    public IReadOnlyList<ImportState> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Recent = await imports.ListRecentAsync(ct);

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError(string.Empty, file is null ? "Choisissez un fichier .xlsx ou .csv." : "Le fichier est vide.");
            Recent = await imports.ListRecentAsync(ct);
            return Page();
        }
        if (file.Length > ImportLimits.MaxFileBytes)
        {
            ModelState.AddModelError(string.Empty, $"Le fichier dépasse {ImportLimits.MaxFileBytes / 1024 / 1024} Mo : découpez-le en plusieurs fichiers.");
            Recent = await imports.ListRecentAsync(ct);
            return Page();
        }
        Guid id = default;
        await using var stream = file.OpenReadStream();
        if (!await TryAsync(async () => id = await imports.UploadAsync(file.FileName, stream, ct)))
        {
            Recent = await imports.ListRecentAsync(ct);
            return Page();
        }
        return Redirect($"/adherents/import/{id}");
    }
}
