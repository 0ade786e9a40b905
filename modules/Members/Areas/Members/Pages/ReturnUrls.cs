namespace CentresConnectes.Members.Areas.Members.Pages;

/// <summary>
/// « Back to where the user came from » (issue 11): the list with its search and filters, the family,
/// the person. Pages pass the place along as <c>retour</c>; only the register's own local addresses
/// are followed, so a crafted link cannot send anyone elsewhere.
/// </summary>
public static class ReturnUrls
{
    public const string Parameter = "retour";

    /// <summary>The address if it is one of the register's pages (/adherents…, /familles…), else null.</summary>
    public static string? Safe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > 2000)
            return null;
        if (url.StartsWith("//", StringComparison.Ordinal) || url.Contains('\\', StringComparison.Ordinal) || url.Any(char.IsControl))
            return null;
        var ours = url == "/adherents" || url == "/familles"
            || url.StartsWith("/adherents?", StringComparison.Ordinal) || url.StartsWith("/adherents/", StringComparison.Ordinal)
            || url.StartsWith("/familles?", StringComparison.Ordinal) || url.StartsWith("/familles/", StringComparison.Ordinal);
        return ours ? url : null;
    }

    /// <summary><paramref name="page"/> with <c>?retour=</c> (or <c>&amp;retour=</c>) when there is a safe place to return to.</summary>
    public static string With(string page, string? returnUrl) =>
        Safe(returnUrl) is { } safe ? page + (page.Contains('?', StringComparison.Ordinal) ? "&" : "?") + Parameter + "=" + Uri.EscapeDataString(safe) : page;

    /// <summary>Whether the place is the person list (or its families list), for the « Retour à la liste » wording.</summary>
    public static bool IsList(string? url) => Safe(url) is { } safe
        && (safe == "/adherents" || safe.StartsWith("/adherents?", StringComparison.Ordinal) || safe == "/familles" || safe.StartsWith("/familles?", StringComparison.Ordinal));
}
