using PhoneNumbers;

namespace CentresConnectes.Members.Domain;

public sealed record PhoneParseResult(string? E164, string? Error);

/// <summary>
/// Mobile numbers as people write them in France ("06 12 34 56 78", "06.12.34.56.78",
/// "+33 6 12 34 56 78", "0033612345678", "+33 (0)6…"), overseas departments included: a national
/// 0690… number is Guadeloupe (+590), not metropolitan France (+33). Stored as E.164, shown
/// the French way ("06 12 34 56 78").
/// </summary>
public static class FrenchPhone
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>National prefixes of the overseas departments' mobiles and their region.</summary>
    private static readonly (string Prefix, string Region)[] OverseasMobilePrefixes =
    [
        ("0690", "GP"), ("0691", "GP"),
        ("0694", "GF"),
        ("0696", "MQ"), ("0697", "MQ"),
        ("0692", "RE"), ("0693", "RE"),
        ("0639", "YT"),
    ];

    /// <summary>Country codes written with the French national format (0 + nine digits).</summary>
    private static readonly HashSet<int> FrenchNumbering = [33, 590, 594, 596, 262]; // Mayotte shares +262 with La Réunion

    public static PhoneParseResult ParseMobile(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
            return new PhoneParseResult(null, null);
        var raw = input.Trim();
        if (raw.Length > 40)
            return Invalid(raw);
        var cleaned = raw.Replace("(0)", "", StringComparison.Ordinal);
        var digits = new System.Text.StringBuilder(cleaned.Length);
        foreach (var c in cleaned)
        {
            if (char.IsAsciiDigit(c))
                digits.Append(c);
            else if (c == '+' && digits.Length == 0)
                digits.Append(c);
            else if (c is ' ' or '.' or '-' or '/' or '(' or ')' or '\u00A0' or '\u202F' or '\t')
                continue;
            else
                return Invalid(raw);
        }
        var number = digits.ToString();
        if (number.StartsWith("00", StringComparison.Ordinal))
            number = "+" + number[2..];
        // A spreadsheet cell holding 612345678 as a number lost its leading zero.
        if (number.Length == 9 && number[0] is '6' or '7')
            number = "0" + number;

        var region = "FR";
        if (!number.StartsWith('+'))
        {
            if (number.Length != 10 || number[0] != '0')
                return Invalid(raw);
            foreach (var (prefix, overseas) in OverseasMobilePrefixes)
            {
                if (number.StartsWith(prefix, StringComparison.Ordinal))
                {
                    region = overseas;
                    break;
                }
            }
        }
        else if (number.Length > 16)
        {
            return Invalid(raw);
        }

        PhoneNumber parsed;
        try
        {
            parsed = Util.Parse(number, region);
        }
        catch (NumberParseException)
        {
            return Invalid(raw);
        }
        if (!Util.IsValidNumber(parsed))
            return Invalid(raw);
        var type = Util.GetNumberType(parsed);
        if (type is not (PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE))
            return new PhoneParseResult(null, $"« {raw} » n'est pas un numéro de portable.");
        return new PhoneParseResult(Util.Format(parsed, PhoneNumberFormat.E164), null);
    }

    private static PhoneParseResult Invalid(string raw) =>
        new(null, $"« {Shorten(raw)} » n'est pas un numéro de téléphone valide.");

    private static string Shorten(string raw) => raw.Length > 30 ? raw[..30] + "…" : raw;

    /// <summary>"+33612345678" → "06 12 34 56 78"; "+590690123456" → "06 90 12 34 56"; others in international format.</summary>
    public static string Display(string? e164)
    {
        if (string.IsNullOrEmpty(e164))
            return "";
        try
        {
            var parsed = Util.Parse(e164, "FR");
            var national = parsed.NationalNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (FrenchNumbering.Contains(parsed.CountryCode) && national.Length == 9)
            {
                var n = "0" + national;
                return $"{n[..2]} {n[2..4]} {n[4..6]} {n[6..8]} {n[8..10]}";
            }
            return Util.Format(parsed, PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return e164;
        }
    }

    /// <summary>Digits a user may type to search by phone ("0612", "06 12 34") as an E.164 prefix, or null.</summary>
    public static string? SearchPrefix(string query)
    {
        var digits = new string(query.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length < 4 || query.Any(c => char.IsLetter(c)))
            return null;
        if (query.TrimStart().StartsWith('+'))
            return "+" + digits;
        if (digits.StartsWith("00", StringComparison.Ordinal))
            return "+" + digits[2..];
        if (digits[0] == '0')
        {
            foreach (var (prefix, region) in OverseasMobilePrefixes)
            {
                if (digits.StartsWith(prefix, StringComparison.Ordinal))
                    return "+" + Util.GetCountryCodeForRegion(region) + digits[1..];
            }
            return "+33" + digits[1..];
        }
        return null;
    }
}
