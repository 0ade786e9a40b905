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
        var (content, result) = await exports.ExportRegisterToTempFileAsync(filter, ExportFormats.Parse(format), ct);
        return File(content, result.ContentType, result.FileName);
    }
}
