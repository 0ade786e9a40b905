using CentresConnectes.Platform.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.Platform.ViewComponents;

public sealed record ShellModel(StructureBranding? Branding, IReadOnlyList<MenuItem> Menu, ICurrentUser User);

/// <summary>The header: the structure's logo and name (a link home), the menu by permission, the account menu.</summary>
public sealed class HeaderViewComponent(ICurrentUser user, ICurrentTenant tenant, MenuBuilder menu, IStructureBrandingProvider branding) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var brand = tenant.Id is { } id ? await branding.GetAsync(id, HttpContext.RequestAborted) : null;
        var items = menu.Items.Where(i => user.HasPermission(i.Permission)).ToList();
        return View(new ShellModel(brand, items, user));
    }
}

public sealed record HomeTile(MenuItem Item, string? Description);

/// <summary>The home page tiles: the same menu, each described by what this user may do there.</summary>
public sealed class HomeTilesViewComponent(ICurrentUser user, MenuBuilder menu) : ViewComponent
{
    public IViewComponentResult Invoke() => View(menu.Items.Where(i => user.HasPermission(i.Permission))
        .Select(i => new HomeTile(i, i.DescriptionFor(user.HasPermission))).ToList());
}
