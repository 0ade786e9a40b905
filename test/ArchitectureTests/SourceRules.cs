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

    /// <summary>Work in another structure: <c>ICurrentTenant.Change(</c>, on a field, a parameter or a resolved service.</summary>
    [GeneratedRegex(@"(?i:tenant)[\w<>()]*\.Change\(")]
    public static partial Regex TenantChange();

    /// <summary>SQL that EF does not see: ADO.NET commands and PostgreSQL's binary COPY.</summary>
    [GeneratedRegex(@"\bCommandText\b|\bBeginBinaryImport\w*\b|""COPY\s")]
    public static partial Regex AdoNetSql();

    /// <summary>The name of the test a marker says covers its bypass: "… (test: Some_test_name)".</summary>
    [GeneratedRegex(@"//\s*cross-tenant:.*\(test:\s*(?<name>\w+)\)")]
    public static partial Regex NamedTest();

    /// <summary>Marked lines (<see cref="CrossTenant"/>) that name no test, or a test that does not exist in test/.</summary>
    public static IEnumerable<Finding> MarkersWithoutTheirTest(string file, IReadOnlyList<string> lines, ISet<string> testNames)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (!lines[i].Contains(CrossTenant, StringComparison.Ordinal))
                continue;
            // A marker may run over several comment lines: its test is named on one of them.
            var comment = string.Join(" ", lines.Skip(i).TakeWhile(l => l.TrimStart().StartsWith("//", StringComparison.Ordinal) || l.Contains(CrossTenant, StringComparison.Ordinal)).Take(4)
                .Select(l => l.Trim().TrimStart('/').Trim()));
            var match = TestNameIn().Match(comment);
            if (!match.Success || !testNames.Contains(match.Groups["name"].Value))
                yield return new Finding(file, i + 1, lines[i]);
        }
    }

    [GeneratedRegex(@"\(test:\s*(?<name>\w+)\)")]
    private static partial Regex TestNameIn();

    /// <summary>The names of every test method of test/ (a [Fact] or [Theory] followed by its method).</summary>
    public static HashSet<string> TestMethodNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var root = Solution.RepositoryRoot.GetDirectories("test").Single();
        foreach (var file in root.EnumerateFiles("*.cs", SearchOption.AllDirectories))
        {
            if (file.FullName.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                || file.FullName.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                continue;
            foreach (Match m in TestMethod().Matches(File.ReadAllText(file.FullName)))
                names.Add(m.Groups["name"].Value);
        }
        return names;
    }

    [GeneratedRegex(@"\[(Fact|Theory)[^\]]*\](\s*\[[^\]]+\])*\s*public\s+(async\s+)?[\w<>]+\s+(?<name>\w+)\s*\(")]
    private static partial Regex TestMethod();

    public const string CrossTenant = "// cross-tenant:";
    public const string TenantFiltered = "// tenant-filtered:";
}
