namespace CentresConnectes.Platform.Contracts;

/// <summary>An entry of the main menu, shown only to users holding its permission.</summary>
public sealed record MenuItem(string Text, string Url, string Permission, int Order, string? Icon = null, string? Description = null);

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
