using CentresConnectes.Members.Domain;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.ReferenceData.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.Members.Application;

/// <summary>The register's field rules (names, e-mail, dates), shared by the forms, the API and the import.</summary>
internal static class Check
{
    /// <summary>A name has a letter and does not start like a spreadsheet formula.</summary>
    public static string? NameError(string value, string label)
    {
        if (!value.Any(char.IsLetter))
            return $"Le champ « {label} » doit contenir des lettres.";
        if (value[0] is '=' or '+' or '-' or '@')
            return $"Le champ « {label} » ne peut pas commencer par « {value[0]} ».";
        if (value.Any(c => FrenchText.IsInvisibleOrControl(c) || c is '<' or '>'))
            return $"Le champ « {label} » contient des caractères non autorisés (caractères invisibles, de contrôle ou d'inversion du sens d'écriture, < ou >).";
        return null;
    }

    public static string Name(string? value, string label)
    {
        var name = Fields.Required(NameNormalizer.Tidy(value ?? ""), label, Person.NameMaxLength);
        if (NameError(name, label) is { } error)
            throw new BusinessException(error);
        return name;
    }

    /// <summary>A plausible e-mail address (lower-cased), or an error: Platform's one rule, the register's length.</summary>
    public static (string? Email, string? Error) Email(string? value)
    {
        var email = value?.Trim();
        if (string.IsNullOrEmpty(email))
            return (null, null);
        if (email.Length > Person.EmailMaxLength)
            return (null, $"L'adresse e-mail ne doit pas dépasser {Person.EmailMaxLength} caractères.");
        return Fields.EmailError(email, "E-mail") is { } error ? (null, error) : (email.ToLowerInvariant(), null);
    }

    /// <summary>No register goes back before 1900: an earlier date is a typing or spreadsheet mistake (01/01/0001 is an empty Excel cell).</summary>
    public static readonly DateOnly Earliest = new(1900, 1, 1);

    public static string? RegistrationDateError(DateOnly date, DateOnly today)
    {
        if (date > today)
            return "La date d'inscription ne peut pas être dans le futur.";
        if (date < Earliest)
            return "La date d'inscription doit être postérieure au 01/01/1900.";
        return null;
    }

    public static string? BirthDateError(DateOnly date, DateOnly today)
    {
        if (date < Earliest)
            return "La date de naissance doit être postérieure au 01/01/1900.";
        if (date > today)
            return "La date de naissance est dans le futur.";
        if (date < today.AddYears(-120))
            return "La date de naissance est trop ancienne (plus de 120 ans).";
        return null;
    }
}
