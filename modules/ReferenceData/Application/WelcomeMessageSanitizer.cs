using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Ganss.Xss;

namespace CentresConnectes.ReferenceData.Application;

/// <summary>
/// The welcome message is shown on the kiosk to anyone: only basic formatting, lists and links
/// survive (no script, style, iframe, event handler, javascript: or data: link, no CSS).
/// </summary>
public static partial class WelcomeMessageSanitizer
{
    private static readonly HtmlSanitizer Sanitizer = Create();

    private static HtmlSanitizer Create()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "strong", "b", "em", "i", "u", "s", "small", "mark",
                "ul", "ol", "li", "h2", "h3", "h4", "blockquote", "a", "hr", "span",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "title" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto", "tel" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedClasses = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        };
        var sanitizer = new HtmlSanitizer(options);
        // Removed elements take their content with them (the text of a <script> is never shown).
        sanitizer.KeepChildNodes = false;
        sanitizer.PostProcessNode += (_, e) =>
        {
            // Links leave the kiosk: open them in a new tab without giving it access to the page.
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } link && link.HasAttribute("href"))
            {
                link.SetAttribute("rel", "noopener noreferrer");
                link.SetAttribute("target", "_blank");
            }
        };
        return sanitizer;
    }

    /// <summary>Sanitised HTML, or null for an empty message. Typed text keeps its paragraphs and line breaks.</summary>
    public static string? Sanitize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
            return null;
        var text = FromEditor(input.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim());
        var clean = Sanitizer.Sanitize(Paragraphs(text)).Trim();
        // Only whitespace or empty tags left (e.g. the input was a single <script>)?
        return WebUtility.HtmlDecode(Tags().Replace(clean, "")).Trim().Length == 0 ? null : clean;
    }

    /// <summary>
    /// The textarea mixes typed text and the toolbar's tags: a blank line separates paragraphs, a
    /// single new line is a line break, except around block tags (lists, titles, paragraphs) which
    /// already lay the text out. Saved HTML edited again therefore comes back unchanged.
    /// </summary>
    private static string Paragraphs(string text)
    {
        var sb = new StringBuilder();
        foreach (var chunk in BlankLines().Split(text))
        {
            var lines = chunk.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Trim().Length > 0).ToList();
            if (lines.Count == 0)
                continue;
            var block = StartsWithBlock().IsMatch(lines[0]);
            if (!block)
                sb.Append("<p>");
            for (var i = 0; i < lines.Count; i++)
            {
                sb.Append(lines[i]);
                if (i < lines.Count - 1)
                    sb.Append(EndsWithBlock().IsMatch(lines[i]) || StartsWithBlock().IsMatch(lines[i + 1]) ? "\n" : "<br>\n");
            }
            sb.Append(block ? "\n" : "</p>\n");
        }
        return sb.ToString();
    }

    /// <summary>
    /// The settings page's editor (Trix) writes a paragraph as &lt;div&gt;, a title as &lt;h1&gt;, struck
    /// text as &lt;del&gt;: read as &lt;p&gt;, &lt;h2&gt; (the page has its own h1) and &lt;s&gt;, which the kiosk shows.
    /// </summary>
    private static string FromEditor(string html) => EditorTags().Replace(html, m =>
    {
        var close = m.Groups[1].Value;
        var tag = m.Groups[2].Value.ToLowerInvariant() switch { "div" => "p", "h1" => "h2", _ => "s" };
        return $"<{close}{tag}{m.Groups[3].Value}>";
    });

    [GeneratedRegex(@"<(/?)\s*(div|h1|del)\b([^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex EditorTags();

    private const string BlockTags = "p|div|ul|ol|li|h[1-6]|blockquote|hr|table|tr|td|th|thead|tbody";

    [GeneratedRegex(@"^\s*</?\s*(" + BlockTags + @")\b", RegexOptions.IgnoreCase)]
    private static partial Regex StartsWithBlock();

    [GeneratedRegex(@"(</?\s*(" + BlockTags + @")\b[^>]*>|<br\s*/?>)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex EndsWithBlock();

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex BlankLines();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
