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
        // Fast path for what register text nearly always is (ASCII and Latin letters, U+0000–U+017F):
        // each character folded through a table built by the general path below, without the Unicode
        // decomposition of the whole string (a fifth of an import's analysis). Identical results: those
        // characters decompose one by one, and a combining mark (U+0300 and above) takes the general path.
        if (!value.AsSpan().ContainsAnyExceptInRange('\0', (char)(LatinTableSize - 1)))
        {
            var sb = new StringBuilder(value.Length);
            foreach (var c in value)
                sb.Append(LatinTable[c]);
            return sb.ToString();
        }
        return FoldAnyText(value);
    }

    private const int LatinTableSize = 0x180;

    private static readonly string[] LatinTable = [.. Enumerable.Range(0, LatinTableSize).Select(c => FoldAnyText(((char)c).ToString()))];

    /// <summary>The general folding: Unicode decomposition, combining marks dropped, then the letters FormD keeps whole.</summary>
    internal static string FoldAnyText(string value)
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
