using System.Globalization;
using System.Text;

namespace CentresConnectes.Platform.Application;

/// <summary>What is left of Platform-only rules; field checks are <see cref="Contracts.Fields"/>.</summary>
internal static class Validation
{
    /// <summary>"Centre social Léo-Lagrange" → "centre-social-leo-lagrange".</summary>
    public static string Slugify(string name)
    {
        // Ligatures have no decomposition: without this "Cœur" would become "c-ur".
        var normalized = name.Replace("œ", "oe").Replace("Œ", "Oe").Replace("æ", "ae").Replace("Æ", "Ae")
            .Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder();
        foreach (var c in normalized)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            sb.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }
        var slug = string.Join('-', sb.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length == 0 ? "structure" : slug[..Math.Min(slug.Length, 80)];
    }
}
