using System.Text;

namespace CentresConnectes.SmsAlerts.Domain;

/// <summary>What an SMS text costs: its encoding, length in septets or UTF-16 units, and segments.</summary>
public sealed record SmsMeasure(bool IsGsm7, int Units, int Segments, int PerSegment, IReadOnlyList<char> NonGsmCharacters)
{
    /// <summary>Units left in the last segment.</summary>
    public int Remaining => Segments * PerSegment - Units;
}

/// <summary>
/// SMS encoding rules: a text in the GSM 03.38 alphabet goes 160 characters in one SMS (153 per part
/// when longer), the extension table's characters (€ [ ] { } ^ ~ | \) count double; any other
/// character switches the whole text to Unicode: 70 (67 per part).
/// </summary>
public static class SmsText
{
    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private const string Extension = "\f^{}\\[~]|€";

    private static readonly HashSet<char> BasicSet = [.. Basic];
    private static readonly HashSet<char> ExtensionSet = [.. Extension];

    /// <summary>Replacements that keep a French text readable in GSM-7 (accents the alphabet lacks, typographic quotes…).</summary>
    private static readonly Dictionary<string, string> Replacements = new()
    {
        ["â"] = "a", ["ê"] = "e", ["î"] = "i", ["ô"] = "o", ["û"] = "u", ["ë"] = "e", ["ï"] = "i", ["ÿ"] = "y",
        ["ç"] = "c", ["á"] = "a", ["í"] = "i", ["ó"] = "o", ["ú"] = "u",
        ["À"] = "A", ["Â"] = "A", ["È"] = "E", ["Ê"] = "E", ["Ë"] = "E", ["Î"] = "I", ["Ï"] = "I", ["Ô"] = "O", ["Û"] = "U", ["Ù"] = "U", ["Ÿ"] = "Y",
        ["œ"] = "oe", ["Œ"] = "OE", ["æ"] = "ae",
        ["’"] = "'", ["‘"] = "'", ["‚"] = ",", ["«"] = "\"", ["»"] = "\"", ["“"] = "\"", ["”"] = "\"", ["„"] = "\"",
        ["…"] = "...", ["–"] = "-", ["—"] = "-", ["\u00A0"] = " ", ["\u202F"] = " ", ["\t"] = " ", ["•"] = "-",
    };

    public static bool IsGsm7(char c) => BasicSet.Contains(c) || ExtensionSet.Contains(c);

    public static SmsMeasure Measure(string? text)
    {
        text ??= "";
        var nonGsm = text.Where(c => !IsGsm7(c)).Distinct().ToList();
        if (nonGsm.Count == 0)
        {
            var septets = text.Sum(c => ExtensionSet.Contains(c) ? 2 : 1);
            var segments = septets == 0 ? 0 : septets <= 160 ? 1 : (septets + 152) / 153;
            return new SmsMeasure(true, septets, segments, segments <= 1 ? 160 : 153, []);
        }
        var units = text.Length; // UTF-16 code units: an emoji takes two
        var parts = units <= 70 ? 1 : (units + 66) / 67;
        return new SmsMeasure(false, units, parts, parts <= 1 ? 70 : 67, nonGsm);
    }

    /// <summary>The text with every replaceable character turned into its GSM-7 look-alike (others stay).</summary>
    public static string ToGsm7(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (IsGsm7(c))
                sb.Append(c);
            else if (Replacements.TryGetValue(c.ToString(), out var r))
                sb.Append(r);
            else
                sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>"5 centimes × 2 SMS × 30 personnes = 3,00 €".</summary>
    public static string FormatCost(int cents) => (cents / 100m).ToString("0.00", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")) + " €";
}
