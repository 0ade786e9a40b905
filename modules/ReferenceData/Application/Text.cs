using CentresConnectes.Platform.Contracts;

namespace CentresConnectes.ReferenceData.Application;

/// <summary>ReferenceData's own field check (the common ones are <see cref="Fields"/>).</summary>
internal static class Text
{
    public static string? OptionalPhone(string? value, string label)
    {
        var phone = Fields.Optional(value, label, 32);
        if (phone is null)
            return null;
        var digits = phone.Count(char.IsAsciiDigit);
        if (digits < 4 || phone.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '+' or '.' or '-' or '(' or ')')))
            throw new BusinessException($"« {phone} » n'est pas un numéro de téléphone valide.");
        return phone;
    }
}
