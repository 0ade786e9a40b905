using CentresConnectes.Members.Application;
using CentresConnectes.Members.Contracts;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.Members.Areas.Members.Pages.Persons;

/// <summary>RGPD right of access: one person's data as JSON or Excel (audited).</summary>
[RequirePermission(MembersPermissions.Export)]
public sealed class PersonDataModel(ExportService exports) : AppPageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, string? format, CancellationToken ct)
    {
        var (fileName, contentType, content) = await exports.ExportPersonAsync(id, ExportFormats.ParsePerson(format), ct);
        return File(content, contentType, fileName);
    }
}
