namespace CentresConnectes.Platform.Contracts;

/// <summary>
/// An entry of the main menu, shown only to users holding its permission. Entries ordered from
/// <see cref="AdministrationFrom"/> on are administration (settings, accounts, logs): the header groups
/// them under « Administration » so the day-to-day sections stay on one line; the home page shows all.
/// A section may own more than one address (<see cref="OtherUrls"/>): it is highlighted under all of them.
/// </summary>
public sealed record MenuItem(string Text, string Url, string Permission, int Order, string? Icon = null, string? Description = null,
    IReadOnlyList<string>? OtherUrls = null)
{
    public const int AdministrationFrom = 700;

    public bool IsAdministration => Order >= AdministrationFrom;

    /// <summary>Whether a page belongs to this section (its address or one under it).</summary>
    public bool Contains(Microsoft.AspNetCore.Http.PathString path) =>
        path.StartsWithSegments(Url, StringComparison.OrdinalIgnoreCase)
        || (OtherUrls ?? []).Any(url => path.StartsWithSegments(url, StringComparison.OrdinalIgnoreCase));
}

public sealed class MenuBuilder
{
    private readonly List<MenuItem> _items = [];

    public IReadOnlyList<MenuItem> Items => _items.OrderBy(i => i.Order).ToList();

    public MenuBuilder Add(MenuItem item)
    {
        _items.Add(item);
        return this;
    }
}
