namespace CentresConnectes.Members.Areas.Members.Pages;

/// <summary>A tappable phone number: « 06 12 34 56 78 » → tel:0612345678 (digits and a leading + only).</summary>
public static class PhoneLinks
{
    public static string Tel(string displayed) =>
        new(displayed.Where((c, i) => char.IsAsciiDigit(c) || (c == '+' && i == 0)).ToArray());
}
