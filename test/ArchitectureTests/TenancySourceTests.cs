namespace CentresConnectes.ArchitectureTests;

/// <summary>
/// Bypassing the tenant filter is rare and deliberate: each use says so in a comment a reviewer
/// (and this test) can find.
/// </summary>
public sealed class TenancySourceTests
{
    private static List<SourceRules.Finding> Scan(Func<string, IReadOnlyList<string>, IEnumerable<SourceRules.Finding>> rule)
    {
        var root = Solution.RepositoryRoot.FullName;
        var files = SourceRules.SourceFiles().ToList();
        files.ShouldContain(f => f.Name == "AppDbContext.cs", "the scan must see the module sources");
        return files.SelectMany(f => rule(Path.GetRelativePath(root, f.FullName), File.ReadAllLines(f.FullName))).ToList();
    }

    [Fact]
    public void Every_IgnoreQueryFilters_is_marked_cross_tenant()
    {
        Scan((file, lines) => SourceRules.UnmarkedCalls(file, lines, SourceRules.IgnoreQueryFilters(), SourceRules.CrossTenant))
            .ShouldBeEmpty($"mark each bypass with \"{SourceRules.CrossTenant} why\" on the line or up to {SourceRules.MarkerReach} lines above");
    }

    [Fact]
    public void Every_raw_SQL_call_says_how_it_keeps_to_the_tenant()
    {
        Scan((file, lines) => SourceRules.UnmarkedCalls(file, lines, SourceRules.RawSql(), SourceRules.TenantFiltered, SourceRules.CrossTenant))
            .ShouldBeEmpty($"mark raw SQL with \"{SourceRules.TenantFiltered} how\" or \"{SourceRules.CrossTenant} why\"");
    }

    [Fact]
    public void The_scan_catches_unmarked_calls_and_accepts_marked_ones()
    {
        string[] lines =
        [
            "var a = db.Notes.IgnoreQueryFilters().ToList();",                       // 1: unmarked
            "// cross-tenant: the nightly purge covers every structure",              // 2
            "",                                                                       // 3
            "",                                                                       // 4
            "var b = db.Notes.IgnoreQueryFilters([\"Tenant\"]);",                     // 5: marked 3 lines above
            "",                                                                       // 6
            "",                                                                       // 7
            "",                                                                       // 8
            "",                                                                       // 9
            "var c = db.Notes.IgnoreQueryFilters();",                                 // 10: marker too far
            "var d = q.IgnoreQueryFilters(); // cross-tenant: host statistics",       // 11: same line
            "// IgnoreQueryFilters is never used lightly",                            // 12: comment, ignored
        ];
        SourceRules.UnmarkedCalls("f.cs", lines, SourceRules.IgnoreQueryFilters(), SourceRules.CrossTenant)
            .Select(f => f.Line).ShouldBe([1, 10]);

        string[] sql =
        [
            "await db.Database.ExecuteSqlRawAsync(\"DELETE FROM X\");",               // 1: unmarked
            "var e = db.Database.SqlQuery<int>($\"SELECT 1\"); // tenant-filtered: no table", // 2: same line
            "// tenant-filtered: the query joins on TenantId = @tenant",              // 3
            "var f = db.Set<X>().FromSqlInterpolated($\"...\");",                      // 4: marked above
            "",                                                                       // 5
            "",                                                                       // 6
            "",                                                                       // 7
            "var g = db.Set<X>().FromSql($\"...\");",                                  // 8: unmarked
            "var h = db.Notes.IgnoreQueryFilters(); // tenant-filtered: wrong marker", // 9: not SQL
        ];
        SourceRules.UnmarkedCalls("f.cs", sql, SourceRules.RawSql(), SourceRules.TenantFiltered, SourceRules.CrossTenant)
            .Select(f => f.Line).ShouldBe([1, 8]);
        // A tenant-filtered marker does not excuse a filter bypass.
        SourceRules.UnmarkedCalls("f.cs", sql, SourceRules.IgnoreQueryFilters(), SourceRules.CrossTenant)
            .Select(f => f.Line).ShouldBe([9]);
    }
}
