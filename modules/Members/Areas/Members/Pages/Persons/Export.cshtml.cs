using CentresConnectes.Members.Application;
using CentresConnectes.Members.Contracts;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.Members.Areas.Members.Pages.Persons;

/// <summary>The (filtered) register as an Excel or CSV file (audited).</summary>
[RequirePermission(MembersPermissions.Export)]
public sealed class ExportModel(ExportService exports) : AppPageModel
{
    public async Task<IActionResult> OnGetAsync(string? format, [FromQuery(Name = "q")] string? query, [FromQuery(Name = "groupe")] Guid? groupId,
        [FromQuery(Name = "age")] Guid? ageBracketId, [FromQuery(Name = "consentement")] ConsentFilter consent, CancellationToken ct)
    {
        var filter = new PersonFilter { Query = query, GroupId = groupId, AgeBracketId = ageBracketId, Consent = consent };
        var chosen = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase) ? ExportFormat.Csv : ExportFormat.Xlsx;
        // Written to a temporary file first: a large register never sits in memory, and a failure is a clean error page.
        var temp = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var result = await exports.ExportRegisterAsync(filter, chosen, temp, ct);
        temp.Position = 0;
        return File(temp, result.ContentType, result.FileName);
    }
}
