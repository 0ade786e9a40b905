using CentresConnectes.Platform.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.Platform.ViewComponents;

public sealed record FirstStepsModel(IReadOnlyList<FirstStep> Steps)
{
    public int DoneCount => Steps.Count(s => s.Done);
}

/// <summary>
/// The « Premiers pas » card of a structure's home: the steps this user may do, while one of them is
/// still to do; nothing once all are done (or for a user who may do none).
/// </summary>
public sealed class FirstStepsViewComponent(ICurrentUser user, ICurrentTenant tenant, IEnumerable<IFirstStepsContributor> contributors) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (tenant.Id is null)
            return Content("");
        var steps = new List<FirstStep>();
        foreach (var contributor in contributors)
            steps.AddRange(await contributor.GetAsync(HttpContext.RequestAborted));
        var mine = steps.Where(s => user.HasPermission(s.Permission)).OrderBy(s => s.Order).ToList();
        if (mine.Count == 0 || mine.All(s => s.Done))
            return Content("");
        return View(new FirstStepsModel(mine));
    }
}
