using System.Text;
using CentresConnectes.Platform.Contracts;

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
        var folded = FrenchText.Fold(Clean(value));
        var sb = new StringBuilder(folded.Length);
        var pendingSpace = false;
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c) || c is '€' or '+' or '<' or '>' or '%')
            {
                if (pendingSpace && sb.Length > 0)
                    sb.Append(' ');
                pendingSpace = false;
                sb.Append(c);
            }
            else
            {
                // Separators (space, hyphen, apostrophe, dot…) all count as one space.
                pendingSpace = true;
            }
        }
        return sb.ToString();
    }
}
