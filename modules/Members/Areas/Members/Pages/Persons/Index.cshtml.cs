using CentresConnectes.Members.Application;
using CentresConnectes.Members.Contracts;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using CentresConnectes.ReferenceData.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.Members.Areas.Members.Pages.Persons;

/// <summary>The register: alphabetical list, search as you type (htmx swaps the results only), filters, pages.</summary>
[RequirePermission(MembersPermissions.Read)]
public sealed class IndexModel(RegisterQueryService register, ReferenceLookupCache references, MemberPrivacy privacy) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "groupe")] public Guid? GroupId { get; set; }
    [BindProperty(SupportsGet = true, Name = "age")] public Guid? AgeBracketId { get; set; }
    [BindProperty(SupportsGet = true, Name = "consentement")] public ConsentFilter Consent { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public Page<PersonRow> Results { get; private set; } = new([], 1, RegisterQueryService.DefaultPageSize, 0);
    public IReadOnlyList<ReferenceItemDto> Groups { get; private set; } = [];
    public IReadOnlyList<AgeBracketDto> AgeBrackets { get; private set; } = [];

    /// <summary>A filter besides the search is set: the folded filters open on a phone.</summary>
    public bool HasFilters => GroupId is not null || AgeBracketId is not null || Consent != ConsentFilter.Any;

    public PersonFilter Filter => new() { Query = Query, GroupId = GroupId, AgeBracketId = AgeBracketId, Consent = Consent };

    /// <summary>The current filters as a query string (pager and export links keep them).</summary>
    public string FilterQuery(int? page = null, string? format = null)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(Query)) parts.Add("q=" + Uri.EscapeDataString(Query));
        if (GroupId is { } g) parts.Add("groupe=" + g);
        if (AgeBracketId is { } a) parts.Add("age=" + a);
        if (Consent != ConsentFilter.Any) parts.Add("consentement=" + Consent);
        if (page is > 1) parts.Add("page=" + page);
        if (format is not null) parts.Add("format=" + format);
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var lookup = await references.GetAsync(ct);
        Groups = privacy.VisibleGroups(lookup.Active(ReferenceListKind.Groupe));
        AgeBrackets = lookup.AgeBrackets;
        Results = await register.SearchAsync(Filter, PageNumber, RegisterQueryService.DefaultPageSize, ct);
        // htmx asks for the results only (search as you type).
        if (IsHtmxFragment)
            return Partial("_Results", this);
        return Page();
    }
}
