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
        var email = Required(value, label, EmailMaxLength);
        if (EmailError(email, label) is { } error)
            throw new BusinessException(error);
        return email.ToLowerInvariant();
    }

    public const int EmailMaxLength = 256;

    /// <summary>
    /// The one e-mail rule of the application (accounts, register, import): no invisible character, the
    /// address as .NET parses it with nothing around it, a dot in the domain, no space. Null when valid.
    /// </summary>
    public static string? EmailError(string email, string label = "Adresse e-mail")
    {
        // Invisible and direction-changing characters (U+202E…) make an address display as another one.
        if (email.Any(FrenchText.IsInvisibleOrControl))
            return $"Le champ « {label} » contient des caractères invisibles ou de contrôle : retapez l'adresse e-mail.";
        var at = email.IndexOf('@');
        if (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || at < 0
            || !email[(at + 1)..].Contains('.', StringComparison.Ordinal) || email.Any(char.IsWhiteSpace))
            return $"« {(email.Length > 40 ? email[..40] + "…" : email)} » n'est pas une adresse e-mail valide.";
        return null;
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
