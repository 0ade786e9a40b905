namespace CentresConnectes.Platform.Contracts;

/// <summary>
/// An entry of the main menu, shown only to users holding its permission. Entries ordered from
/// <see cref="AdministrationFrom"/> on are administration (settings, accounts, logs): the header groups
/// them under « Administration » so the day-to-day sections stay on one line; the home page shows all.
/// A section may own more than one address (<see cref="OtherUrls"/>): it is highlighted under all of them.
/// </summary>
public sealed record MenuItem(string Text, string Url, string Permission, int Order, string? Icon = null, string? Description = null,
    IReadOnlyList<string>? OtherUrls = null, IReadOnlyList<MenuAbility>? Abilities = null)
{
    public const int AdministrationFrom = 700;

    /// <summary>
    /// The home card's text for one user: the description followed by only the abilities the user
    /// holds (« recherche, inscription et export »), so a card never promises what then answers 403.
    /// </summary>
    public string? DescriptionFor(Func<string, bool> hasPermission)
    {
        if (Abilities is not { Count: > 0 })
            return Description;
        var held = Abilities.Where(a => hasPermission(a.Permission)).Select(a => a.Text).ToList();
        if (held.Count == 0)
            return Description is null ? null : Description + ".";
        var list = held.Count == 1 ? held[0] : string.Join(", ", held.Take(held.Count - 1)) + " et " + held[^1];
        return Description is null ? char.ToUpper(list[0], System.Globalization.CultureInfo.GetCultureInfo("fr-FR")) + list[1..] + "." : $"{Description} : {list}.";
    }

    public bool IsAdministration => Order >= AdministrationFrom;

    /// <summary>Whether a page belongs to this section (its address or one under it).</summary>
    public bool Contains(Microsoft.AspNetCore.Http.PathString path) =>
        path.StartsWithSegments(Url, StringComparison.OrdinalIgnoreCase)
        || (OtherUrls ?? []).Any(url => path.StartsWithSegments(url, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Something a section lets a user do, named on its home card only for those with <see cref="Permission"/>.</summary>
public sealed record MenuAbility(string Permission, string Text);

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
