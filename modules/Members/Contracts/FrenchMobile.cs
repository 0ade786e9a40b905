using CentresConnectes.Members.Domain;

namespace CentresConnectes.Members.Contracts;

/// <summary>A mobile number read the French way: E.164 or a French error sentence.</summary>
public sealed record MobileNumber(string? E164, string? Error)
{
    public bool IsValid => E164 is not null;
}

/// <summary>
/// French mobile parsing and display for the other modules (the SMS part): the register's own rules,
/// overseas departments included (0690 → +590, 0694 → +594, 0696 → +596, 0692 → +262).
/// </summary>
public static class FrenchMobile
{
    public static MobileNumber Parse(string? input)
    {
        var result = FrenchPhone.ParseMobile(input);
        return new MobileNumber(result.E164, result.Error);
    }

    /// <summary>"+33612345678" → "06 12 34 56 78".</summary>
    public static string Display(string? e164) => FrenchPhone.Display(e164);
}
