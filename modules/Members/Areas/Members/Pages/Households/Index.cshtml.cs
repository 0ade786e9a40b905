using CentresConnectes.Members.Application;
using CentresConnectes.Members.Contracts;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.Members.Areas.Members.Pages.Households;

[RequirePermission(MembersPermissions.Read)]
public sealed class IndexModel(HouseholdService households) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public Page<HouseholdRow> Results { get; private set; } = new([], 1, 50, 0);

    public string PageQuery(int page) =>
        "?" + string.Join("&", new[] { string.IsNullOrWhiteSpace(Query) ? null : "q=" + Uri.EscapeDataString(Query), page > 1 ? "page=" + page : null }.Where(p => p is not null));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Results = await households.SearchAsync(Query, PageNumber, 50, ct);
        if (IsHtmxFragment)
            return Partial("_Results", this);
        return Page();
    }
}
