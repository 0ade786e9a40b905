using CentresConnectes.Members.Application;
using CentresConnectes.Members.Contracts;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.Members.Areas.Members.Pages.Households;

/// <summary>A family: its members with avatars and ages; add a new or registered member, edit, delete.</summary>
[RequirePermission(MembersPermissions.Read)]
public sealed class DetailsModel(HouseholdService households, RegisterQueryService register, ICurrentUser user, MemberPrivacy privacy,
    IEnumerable<IHouseholdPageSection> sections) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public HouseholdInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true, Name = "chercher")] public string? Search { get; set; }

    public HouseholdDetails Household { get; private set; } = null!;
    public IReadOnlyList<PersonRow> Candidates { get; private set; } = [];
    /// <summary>What other modules offer for this family (the ludothèque's « Compte famille »).</summary>
    public IReadOnlyList<HouseholdPageSection> Sections { get; private set; } = [];
    /// <summary>The family's notes are notes de suivi: the field only for who may read them.</summary>
    public bool CanSeeNotes => privacy.CanSeeNotes;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        Household = await households.GetAsync(Id, ct);
        Input = new HouseholdInput { Name = Household.Name, Address = Household.Address, Notes = Household.Notes };
        var found = new List<HouseholdPageSection>();
        foreach (var section in sections)
            if (await section.ForAsync(Id, ct) is { } s)
                found.Add(s);
        Sections = found;
        if (!string.IsNullOrWhiteSpace(Search))
            Candidates = (await register.SearchAsync(new PersonFilter { Query = Search }, 1, 10, ct)).Items.Where(p => p.HouseholdId != Id).ToList();
    }

    public async Task<IActionResult> OnPostUpdateAsync(CancellationToken ct)
    {
        if (!user.HasPermission(MembersPermissions.Write))
            return Forbid();
        ModelState.Clear();
        var input = Input;
        if (!await TryAsync(() => households.UpdateAsync(Id, input, ct)))
        {
            await LoadAsync(ct);
            Input = input;
            return Page();
        }
        FlashSuccess("La famille a bien été enregistrée.");
        return Redirect($"/familles/{Id}");
    }

    public async Task<IActionResult> OnPostAddMemberAsync(Guid personId, CancellationToken ct)
    {
        if (!user.HasPermission(MembersPermissions.Write))
            return Forbid();
        await TryFlashAsync(() => households.AddMemberAsync(Id, personId, ct), "La personne a rejoint la famille.");
        return Redirect($"/familles/{Id}");
    }

    public async Task<IActionResult> OnPostRemoveMemberAsync(Guid personId, CancellationToken ct)
    {
        if (!user.HasPermission(MembersPermissions.Write))
            return Forbid();
        await households.RemoveMemberAsync(Id, personId, ct);
        FlashSuccess("La personne a quitté la famille ; elle reste inscrite.");
        return Redirect($"/familles/{Id}");
    }
}
