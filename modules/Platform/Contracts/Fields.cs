using System.Net.Mail;

namespace CentresConnectes.Platform.Contracts;

/// <summary>Checks of form and API fields shared by every module, refusing in French.</summary>
public static class Fields
{
    public static string Required(string? value, string label, int maxLength)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
            throw new BusinessException($"Le champ « {label} » est obligatoire.");
        if (trimmed.Length > maxLength)
            throw new BusinessException($"Le champ « {label} » ne doit pas dépasser {maxLength} caractères.");
        return trimmed;
    }

    public static string? Optional(string? value, string label, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            return null;
        if (trimmed.Length > maxLength)
            throw new BusinessException($"Le champ « {label} » ne doit pas dépasser {maxLength} caractères.");
        return trimmed;
    }

    /// <summary>A plausible address (one @, a dot in the domain), lower-cased.</summary>
    public static string Email(string? value, string label = "Adresse e-mail")
    {
        var email = Required(value, label, 256);
        // Invisible and direction-changing characters (U+202E…) make an address display as another one.
        if (email.Any(c => char.IsControl(c) || c is '\u061C' or '\u200B' or '\u200E' or '\u200F' or '\uFEFF' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069')))
            throw new BusinessException($"Le champ « {label} » contient des caractères invisibles ou de contrôle : retapez l'adresse e-mail.");
        if (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !email.Contains('.', StringComparison.Ordinal))
            throw new BusinessException($"« {email} » n'est pas une adresse e-mail valide.");
        return email.ToLowerInvariant();
    }

    public static string? OptionalEmail(string? value, string label) =>
        string.IsNullOrWhiteSpace(value) ? null : Email(value, label);

    /// <summary>A contact number as people write it (digits, spaces, + . - and brackets), at least 4 digits.</summary>
    public static string? OptionalPhone(string? value, string label)
    {
        var phone = Optional(value, label, 32);
        if (phone is null)
            return null;
        var digits = phone.Count(char.IsAsciiDigit);
        if (digits < 4 || phone.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '+' or '.' or '-' or '(' or ')')))
            throw new BusinessException($"« {phone} » n'est pas un numéro de téléphone valide.");
        return phone;
    }
}
