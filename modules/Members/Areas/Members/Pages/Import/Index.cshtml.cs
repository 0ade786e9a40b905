using CentresConnectes.Members.Application.Import;
using CentresConnectes.Members.Contracts;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.Members.Areas.Members.Pages.Import;

/// <summary>Step 1 of an import: choose the file (nothing is registered yet).</summary>
[RequirePermission(MembersPermissions.Import)]
// The server accepts files well beyond the limit so that the page, not the web server, refuses them,
// with a French message; anything larger still meets the friendly 413 page.
[RequestSizeLimit(UploadCeiling)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadCeiling)]
public sealed class IndexModel(ImportService imports) : AppPageModel
{
    private const int UploadCeiling = 5 * ImportLimits.MaxFileBytes;

    public IReadOnlyList<ImportState> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Recent = await imports.ListRecentAsync(ct);

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        // An empty or too large file is refused by the service, with the same words as through the API.
        if (file is null)
        {
            ModelState.AddModelError(string.Empty, "Choisissez un fichier .xlsx ou .csv.");
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
