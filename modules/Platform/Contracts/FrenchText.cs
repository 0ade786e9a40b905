using System.Globalization;
using System.Text;

namespace CentresConnectes.Platform.Contracts;

/// <summary>
/// The one French text folding of the application (issue 12, point 16): the name keys of the register,
/// the labels of the reference lists and the structures' slugs all compare text through it, so
/// « Élodie », « elodie » and « ÉLODIE » are the same everywhere.
/// </summary>
public static class FrenchText
{
    /// <summary>Lower case, accents removed, ligatures and special letters spelt out (œ → oe, æ → ae, ß → ss, ø → o…).</summary>
    public static string Fold(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            var lower = char.ToLowerInvariant(c);
            switch (lower)
            {
                case 'œ': sb.Append("oe"); break;
                case 'æ': sb.Append("ae"); break;
                case 'ß': sb.Append("ss"); break;
                case 'ø': sb.Append('o'); break;
                case 'đ': sb.Append('d'); break;
                case 'ł': sb.Append('l'); break;
                case 'ı': sb.Append('i'); break;
                default: sb.Append(lower); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// Control characters and the invisible ones that reorder or hide text (U+202E "right-to-left
    /// override", zero-width space, byte-order mark…): a name or an address holding one displays as
    /// something else than what it is.
    /// </summary>
    public static bool IsInvisibleOrControl(char c) =>
        char.IsControl(c) || c is '\u061C' or '\u200B' or '\u200E' or '\u200F' or '\uFEFF' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
