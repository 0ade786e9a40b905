using CentresConnectes.Members.Application;
using CentresConnectes.Members.Application.Import;
using CentresConnectes.Members.Contracts;
using CentresConnectes.Members.Domain;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using CentresConnectes.ReferenceData.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.Members.Areas.Members.Pages.Import;

/// <summary>
/// Step 2 and 3: column mapping, groups, duplicates choice, preview with every line's problem;
/// then the confirmation (and the progress bar of large imports).
/// </summary>
[RequirePermission(MembersPermissions.Import)]
public sealed class SessionModel(ImportService imports, ReferenceLookupCache references) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public List<ImportField> Columns { get; set; } = [];
    [BindProperty] public List<Guid> GroupIds { get; set; } = [];
    [BindProperty] public bool MergeDuplicates { get; set; }
    /// <summary>The header line the user chose (the reader's guess is preselected).</summary>
    [BindProperty] public int? HeaderLine { get; set; }
    [BindProperty] public string? Sheet { get; set; }
    /// <summary>Values of the « Groupe(s) » column to create as groups.</summary>
    [BindProperty] public List<string> CreateGroups { get; set; } = [];

    public ImportPreview? Preview { get; private set; }
    public ImportState? State { get; private set; }
    public IReadOnlyList<ReferenceItemDto> Groups { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        State = await imports.GetStateAsync(Id, ct);
        if (State.Status == ImportStatus.Pending)
        {
            if (!await TryAsync(async () => Preview = await imports.PreviewAsync(Id, null, ct)))
            {
                // A GET changes nothing: the session stays (cancel it from the list, or the clean-up job will).
                FlashError(ErrorText);
                return Redirect("/adherents/import");
            }
        }
        await LoadGroupsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (!await TryAsync(async () => Preview = await imports.PreviewAsync(Id, Options(), ct)))
        {
            // A refused choice (a group deactivated meanwhile) must not cost the user the upload:
            // only a file that cannot be read any more sends them back to the upload page.
            Preview = await PreviewWithoutGroupsAsync(ct);
            if (Preview is null)
                return await FailedFileAsync(ct);
        }
        State = await imports.GetStateAsync(Id, ct);
        await LoadGroupsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        ModelState.Clear();
        ImportState? state = null;
        if (!await TryAsync(async () => state = await imports.ConfirmAsync(Id, Options(), ct)))
        {
            State = await imports.GetStateAsync(Id, ct);
            if (State.Status == ImportStatus.Pending)
            {
                // Under the refusal: the preview with the user's choices, or without the refused groups.
                try
                {
                    Preview = await imports.PreviewAsync(Id, Options(), ct);
                }
                catch (BusinessException)
                {
                    Preview = await PreviewWithoutGroupsAsync(ct);
                }
            }
            await LoadGroupsAsync(ct);
            return Page();
        }
        if (state!.Status == ImportStatus.Completed)
        {
            FlashSuccess("Import terminé : " + state.Message);
            return Redirect("/adherents");
        }
        return Redirect($"/adherents/import/{Id}");
    }

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken ct)
    {
        await imports.CancelAsync(Id, ct);
        FlashSuccess("L'import est annulé ; le fichier a été supprimé.");
        return Redirect("/adherents/import");
    }

    /// <summary>Polled by the progress bar (htmx) while a large import runs.</summary>
    public async Task<IActionResult> OnGetProgressAsync(CancellationToken ct)
    {
        State = await imports.GetStateAsync(Id, ct);
        return Partial("_Progress", State);
    }

    /// <summary>
    /// The preview without the chosen groups, shown under a refusal: when the refusal was the groups (one
    /// unknown to the structure, e.g. a crafted id of another structure, or deactivated meanwhile) the
    /// page still shows the file. Null when the file itself cannot be read.
    /// </summary>
    private async Task<ImportPreview?> PreviewWithoutGroupsAsync(CancellationToken ct)
    {
        try
        {
            return await imports.PreviewAsync(Id, new ImportOptions { Columns = Columns, MergeDuplicates = MergeDuplicates, HeaderLine = HeaderLine, Sheet = Sheet }, ct);
        }
        catch (BusinessException)
        {
            return null;
        }
    }

    private ImportOptions Options() => new()
    {
        Columns = Columns, GroupIds = GroupIds, MergeDuplicates = MergeDuplicates, HeaderLine = HeaderLine, Sheet = Sheet, CreateGroups = CreateGroups,
    };

    private async Task LoadGroupsAsync(CancellationToken ct) => Groups = (await references.GetAsync(ct)).Active(ReferenceListKind.Groupe);

    private async Task<IActionResult> FailedFileAsync(CancellationToken ct)
    {
        FlashError(ErrorText);
        await imports.CancelAsync(Id, ct);
        return Redirect("/adherents/import");
    }
}
