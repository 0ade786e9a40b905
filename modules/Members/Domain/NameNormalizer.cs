using System.Text;
using CentresConnectes.Platform.Contracts;

namespace CentresConnectes.Members.Domain;

/// <summary>
/// Keys that make names comparable and sortable the French way on any database: accents and case
/// removed (É sorts with E), hyphens and apostrophes become spaces, spaces collapsed. The keys are
/// plain ASCII, so an ordinal (binary / "C") order on them is the French alphabetical order, and a
/// prefix search is an index range scan on both SQLite and PostgreSQL.
/// </summary>
public static class NameNormalizer
{
    /// <summary>Above every character a key can hold: the upper bound of a prefix range.</summary>
    public const char PrefixUpperBound = '~';

    /// <summary>"Jean-François  DE L'ÉTANG" → "jean francois de l etang".</summary>
    public static string SortKey(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return "";
        var sb = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var c in FrenchText.Fold(value))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingSpace && sb.Length > 0)
                    sb.Append(' ');
                pendingSpace = false;
                sb.Append(c);
            }
            else
            {
                pendingSpace = true;
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// The duplicate rule's name part: letters and digits only, so "Jean-Pierre", "jean pierre" and
    /// "JEANPIERRE" are the same person. Nom and prénom stay apart ("|") so they cannot slide into each other.
    /// </summary>
    public static string DuplicateKey(string lastName, string firstName) =>
        SortKey(lastName).Replace(" ", "", StringComparison.Ordinal) + "|" + SortKey(firstName).Replace(" ", "", StringComparison.Ordinal);

    public static string? Email(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();

    /// <summary>Tidies a name as typed: trimmed, inner spaces collapsed (the case is kept as given).</summary>
    public static string Tidy(string value) =>
        string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
