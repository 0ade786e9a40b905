using System.Globalization;

namespace CentresConnectes.SmsAlerts.Domain;

/// <summary>The placeholders a message may hold: {prenom}, {nom}, {date}, {structure}.</summary>
public static class Placeholders
{
    public static readonly string[] All = ["{prenom}", "{nom}", "{date}", "{structure}"];

    public static string Render(string template, string firstName, string lastName, DateOnly? date, string structure) =>
        template
            .Replace("{prenom}", firstName, StringComparison.OrdinalIgnoreCase)
            .Replace("{nom}", lastName, StringComparison.OrdinalIgnoreCase)
            .Replace("{date}", date?.ToString("dd/MM/yyyy", CultureInfo.GetCultureInfo("fr-FR")) ?? "", StringComparison.OrdinalIgnoreCase)
            .Replace("{structure}", structure, StringComparison.OrdinalIgnoreCase);

    /// <summary>Unknown placeholders ("{prénom}", "{date_rdv}") are refused rather than sent as they are.</summary>
    public static IReadOnlyList<string> Unknown(string template)
    {
        var unknown = new List<string>();
        for (var i = template.IndexOf('{'); i >= 0; i = template.IndexOf('{', i + 1))
        {
            var end = template.IndexOf('}', i);
            if (end < 0)
                break;
            var token = template[i..(end + 1)];
            if (!All.Contains(token, StringComparer.OrdinalIgnoreCase))
                unknown.Add(token);
        }
        return unknown;
    }
}
