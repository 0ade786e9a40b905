using System.Text.RegularExpressions;

namespace CentresConnectes.ArchitectureTests;

/// <summary>Line rules over the C# sources of modules/ and host/ (generated and migration code excluded).</summary>
public static partial class SourceRules
{
    /// <summary>How many lines above a call its marker comment may be.</summary>
    public const int MarkerReach = 3;

    public sealed record Finding(string File, int Line, string Text)
    {
        public override string ToString() => $"{File}:{Line}: {Text.Trim()}";
    }

    public static IEnumerable<FileInfo> SourceFiles()
    {
        var root = Solution.RepositoryRoot;
        foreach (var folder in new[] { "modules", "host" })
        {
            foreach (var file in root.GetDirectories(folder).Single().EnumerateFiles("*.cs", SearchOption.AllDirectories))
            {
                var parts = Path.GetRelativePath(root.FullName, file.FullName).Split(Path.DirectorySeparatorChar);
                if (parts.Any(p => p is "obj" or "bin" or "Migrations" or "node_modules"))
                    continue;
                yield return file;
            }
        }
    }

    /// <summary>Lines matching <paramref name="call"/> with none of <paramref name="markers"/> on the line or just above.</summary>
    public static IEnumerable<Finding> UnmarkedCalls(string file, IReadOnlyList<string> lines, Regex call, params string[] markers)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var code = lines[i].TrimStart();
            if (code.StartsWith("//", StringComparison.Ordinal) || code.StartsWith('*') || !call.IsMatch(lines[i]))
                continue;
            var marked = false;
            for (var j = Math.Max(0, i - MarkerReach); j <= i && !marked; j++)
                marked = markers.Any(m => lines[j].Contains(m, StringComparison.Ordinal));
            if (!marked)
                yield return new Finding(file, i + 1, lines[i]);
        }
    }

    [GeneratedRegex(@"\bIgnoreQueryFilters\b")]
    public static partial Regex IgnoreQueryFilters();

    [GeneratedRegex(@"\b(FromSql\w*|ExecuteSql\w*|SqlQuery\w*)\b")]
    public static partial Regex RawSql();

    public const string CrossTenant = "// cross-tenant:";
    public const string TenantFiltered = "// tenant-filtered:";
}
