using System.Text;

namespace CentresConnectes.Platform.Application;

/// <summary>What is left of Platform-only rules; field checks are <see cref="Contracts.Fields"/>.</summary>
internal static class Validation
{
    /// <summary>"Centre social Léo-Lagrange" → "centre-social-leo-lagrange".</summary>
    public static string Slugify(string name)
    {
        var sb = new StringBuilder();
        foreach (var c in Contracts.FrenchText.Fold(name))
            sb.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        var slug = string.Join('-', sb.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length == 0 ? "structure" : slug[..Math.Min(slug.Length, 80)];
    }
}
