using System.Globalization;
using System.Net.Mail;
using System.Text;
using CentresConnectes.Platform.Contracts;

namespace CentresConnectes.Platform.Application;

internal static class Validation
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

    public static string Email(string? value, string label = "Adresse e-mail")
    {
        var email = Required(value, label, 256);
        if (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !email.Contains('.', StringComparison.Ordinal))
            throw new BusinessException($"« {email} » n'est pas une adresse e-mail valide.");
        return email.ToLowerInvariant();
    }

    public static string? OptionalEmail(string? value, string label) =>
        string.IsNullOrWhiteSpace(value) ? null : Email(value, label);

    /// <summary>"Centre social Léo-Lagrange" → "centre-social-leo-lagrange".</summary>
    public static string Slugify(string name)
    {
        // Ligatures have no decomposition: without this "Cœur" would become "c-ur".
        var normalized = name.Replace("œ", "oe").Replace("Œ", "Oe").Replace("æ", "ae").Replace("Æ", "Ae")
            .Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder();
        foreach (var c in normalized)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            sb.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }
        var slug = string.Join('-', sb.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length == 0 ? "structure" : slug[..Math.Min(slug.Length, 80)];
    }
}
