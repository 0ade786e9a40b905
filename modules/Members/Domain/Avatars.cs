namespace CentresConnectes.Members.Domain;

public sealed record Avatar(string Key, string Label)
{
    public string Url => Avatars.UrlOf(Key);
}

/// <summary>The built-in pictures a person can choose (static web assets of this module).</summary>
public static class Avatars
{
    public const string Default = "soleil";

    public static readonly IReadOnlyList<Avatar> All =
    [
        new("soleil", "Soleil"), new("lune", "Lune"), new("etoile", "Étoile"), new("fleur", "Fleur"),
        new("arbre", "Arbre"), new("coeur", "Cœur"), new("chat", "Chat"), new("ours", "Ours"),
        new("lapin", "Lapin"), new("poisson", "Poisson"), new("nuage", "Nuage"), new("ballon", "Ballon"),
    ];

    public static bool IsKnown(string? key) => key is not null && All.Any(a => a.Key == key);

    public static string UrlOf(string? key) => $"/_content/CentresConnectes.Members/avatars/{(IsKnown(key) ? key : Default)}.svg";
}
