using System.Text.RegularExpressions;

namespace CentresConnectes.ArchitectureTests;

/// <summary>
/// The pages' CSP has no <c>style-src 'unsafe-inline'</c> (issue 12, point 10): a style attribute in
/// a view would be refused by the browser and the element shown unstyled, so none may be written.
/// Layout goes through classes (site.css); a width computed at run time through a native element
/// (the import's &lt;progress&gt;) or a script setting element.style, which the CSP allows.
/// </summary>
public sealed partial class MarkupTests
{
    [Fact]
    public void No_view_carries_a_style_attribute()
    {
        var root = Solution.RepositoryRoot;
        var findings = new List<string>();
        foreach (var folder in new[] { "modules", "host" })
        {
            foreach (var file in root.GetDirectories(folder).Single().EnumerateFiles("*.cshtml", SearchOption.AllDirectories))
            {
                var path = Path.GetRelativePath(root.FullName, file.FullName);
                if (path.Split(Path.DirectorySeparatorChar).Any(p => p is "obj" or "bin" or "node_modules"))
                    continue;
                var lines = File.ReadAllLines(file.FullName);
                findings.AddRange(lines.Select((line, i) => (line, i)).Where(l => StyleAttribute().IsMatch(l.line)).Select(l => $"{path}:{l.i + 1}: {l.line.Trim()}"));
            }
        }
        findings.ShouldBeEmpty();
    }

    [GeneratedRegex(@"<[^>]*\sstyle\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();
}
