using PhoneNumbers;

namespace CentresConnectes.Members.Domain;

/// <summary>
/// A parsed number: E.164, or a French error saying what is accepted; <see cref="Note"/> says what was
/// corrected on the way (an overseas number written with +33).
/// </summary>
public sealed record PhoneParseResult(string? E164, string? Error, string? Note = null)
{
    /// <summary>A valid number of another kind (a landline typed as a mobile): the import files it as a landline.</summary>
    public string? OtherKindE164 { get; init; }
}

/// <summary>
/// Numbers as people and spreadsheets write them in France ("06 12 34 56 78", "06.12.34.56.78",
/// "+33 6 12 34 56 78", "0033612345678", "+33 (0)6…", "33612345678" where Excel dropped the "+",
/// 612345678 where a number cell dropped the 0), overseas departments included: a national 0690…
/// number is Guadeloupe (+590), not metropolitan France (+33), and "+33 6 90…" is corrected to it.
/// Stored as E.164, shown the French way ("06 12 34 56 78").
/// </summary>
public static class FrenchPhone
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public const string MobileHint = "Un numéro de portable commence par 06 ou 07 et compte 10 chiffres (ou +33 6…, +33 7…) ; un numéro de fixe va dans « Téléphone fixe ».";
    public const string LandlineHint = "Un numéro français compte 10 chiffres (01 à 05, 08 ou 09…, ou +33…) ; un numéro étranger commence par + et l'indicatif du pays.";

    /// <summary>National prefixes of the overseas departments' mobiles and their region.</summary>
    private static readonly (string Prefix, string Region)[] OverseasMobilePrefixes =
    [
        ("0690", "GP"), ("0691", "GP"),
        ("0694", "GF"),
        ("0696", "MQ"), ("0697", "MQ"),
        ("0692", "RE"), ("0693", "RE"),
        ("0639", "YT"),
    ];

    /// <summary>National prefixes of the overseas departments' landlines and their region.</summary>
    private static readonly (string Prefix, string Region)[] OverseasLandlinePrefixes =
    [
        ("0590", "GP"), ("0594", "GF"), ("0596", "MQ"), ("0262", "RE"), ("0263", "RE"), ("0269", "YT"),
    ];

    private static readonly Dictionary<string, string> RegionNames = new()
    {
        ["GP"] = "Guadeloupe", ["GF"] = "Guyane", ["MQ"] = "Martinique", ["RE"] = "La Réunion", ["YT"] = "Mayotte",
    };

    /// <summary>Country codes written with the French national format (0 + nine digits).</summary>
    private static readonly HashSet<int> FrenchNumbering = [33, 590, 594, 596, 262]; // Mayotte shares +262 with La Réunion

    public static PhoneParseResult ParseMobile(string? input) => Parse(input, mobile: true);

    /// <summary>A landline (or any valid number: it is never used for SMS).</summary>
    public static PhoneParseResult ParseLandline(string? input) => Parse(input, mobile: false);

    private static PhoneParseResult Parse(string? input, bool mobile)
    {
        if (string.IsNullOrWhiteSpace(input))
            return new PhoneParseResult(null, null);
        var raw = input.Trim();
        if (raw.Length > 40)
            return Invalid(raw, mobile);
        var cleaned = raw.Replace("(0)", "", StringComparison.Ordinal);
        var digits = new System.Text.StringBuilder(cleaned.Length);
        foreach (var c in cleaned)
        {
            if (char.IsAsciiDigit(c))
                digits.Append(c);
            else if (c == '+' && digits.Length == 0)
                digits.Append(c);
            else if (c is ' ' or '.' or '-' or '/' or '(' or ')' or '\u00A0' or '\u202F' or '\t' or '\'')
                continue;
            else
                return Invalid(raw, mobile);
        }
        var number = digits.ToString();
        if (number.StartsWith("00", StringComparison.Ordinal))
            number = "+" + number[2..];
        // A spreadsheet kept 33612345678 after dropping the "+" (11 digits starting with 33).
        else if (number.Length == 11 && number.StartsWith("33", StringComparison.Ordinal))
            number = "+" + number;
        // A spreadsheet cell holding 612345678 as a number lost its leading zero.
        else if (number.Length == 9 && number[0] is >= '1' and <= '9')
            number = "0" + number;
        // "+33 0 6 12…": the national 0 written after the country code.
        if (number.StartsWith("+330", StringComparison.Ordinal) && number.Length == 13)
            number = "+33" + number[4..];

        string? note = null;
        var region = "FR";
        if (!number.StartsWith('+'))
        {
            if (number.Length != 10 || number[0] != '0')
                return Invalid(raw, mobile);
            region = OverseasRegion(number) ?? "FR";
        }
        else if (number.Length > 16)
        {
            return Invalid(raw, mobile);
        }
        else if (number.StartsWith("+33", StringComparison.Ordinal) && number.Length == 12 && OverseasRegion("0" + number[3..]) is { } overseas)
        {
            // "+33 6 90…" does not exist: the number is Guadeloupe's 06 90…, whose country code is +590.
            region = overseas;
            number = "0" + number[3..];
            note = $"« {Shorten(raw)} » a été corrigé en indicatif {RegionNames[overseas]} (+{Util.GetCountryCodeForRegion(overseas)}) : les numéros 0{number[1..4]}… ne sont pas des numéros de métropole.";
        }

        PhoneNumber parsed;
        try
        {
            parsed = Util.Parse(number, region);
        }
        catch (NumberParseException)
        {
            return Invalid(raw, mobile);
        }
        if (!Util.IsValidNumber(parsed))
            return Invalid(raw, mobile);
        var e164 = Util.Format(parsed, PhoneNumberFormat.E164);
        var type = Util.GetNumberType(parsed);
        if (mobile && type is not (PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE))
            return new PhoneParseResult(null, $"« {Shorten(raw)} » n'est pas un numéro de portable. {MobileHint}") { OtherKindE164 = e164 };
        return new PhoneParseResult(e164, null, note);
    }

    private static string? OverseasRegion(string national)
    {
        foreach (var (prefix, region) in OverseasMobilePrefixes)
        {
            if (national.StartsWith(prefix, StringComparison.Ordinal))
                return region;
        }
        foreach (var (prefix, region) in OverseasLandlinePrefixes)
        {
            if (national.StartsWith(prefix, StringComparison.Ordinal))
                return region;
        }
        return null;
    }

    private static PhoneParseResult Invalid(string raw, bool mobile) =>
        new(null, $"« {Shorten(raw)} » n'est pas un numéro de téléphone valide. {(mobile ? MobileHint : LandlineHint)}");

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
