using System.Globalization;
using System.Text;

namespace CentresConnectes.ReferenceData.Domain;

/// <summary>Cleans labels and computes the key that makes "Lille", " lille " and "LILLE" the same value.</summary>
public static class LabelText
{
    /// <summary>Trims and collapses inner white space (a label typed with two spaces is the same label).</summary>
    public static string Clean(string? value) =>
        string.Join(' ', (value ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Lower case, no accents, no punctuation differences between hyphen/space/apostrophes: "Grand-Mère" = "grand mere".</summary>
    public static string Normalize(string? value)
    {
        var decomposed = Clean(value).Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
                continue;
            if (char.IsLetterOrDigit(c) || c is '€' or '+' or '<' or '>' or '%')
            {
                if (pendingSpace && sb.Length > 0)
                    sb.Append(' ');
                pendingSpace = false;
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                // Separators (space, hyphen, apostrophe, dot…) all count as one space.
                pendingSpace = true;
            }
        }
        var normalized = sb.ToString().Normalize(NormalizationForm.FormC);
        // ligatures typed either way ("œ" / "oe") are the same word
        return normalized.Replace("œ", "oe", StringComparison.Ordinal).Replace("æ", "ae", StringComparison.Ordinal);
    }
}
