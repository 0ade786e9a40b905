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
    public void Every_tenant_switch_is_marked_cross_tenant()
    {
        Scan((file, lines) => SourceRules.UnmarkedCalls(file, lines, SourceRules.TenantChange(), SourceRules.CrossTenant))
            .ShouldBeEmpty($"mark each ICurrentTenant.Change with \"{SourceRules.CrossTenant} why (test: Its_cross_structure_test)\"");
    }

    [Fact]
    public void Every_ADO_NET_command_and_COPY_says_how_it_keeps_to_the_tenant()
    {
        Scan((file, lines) => SourceRules.UnmarkedCalls(file, lines, SourceRules.AdoNetSql(), SourceRules.TenantFiltered, SourceRules.CrossTenant))
            .ShouldBeEmpty($"mark CommandText / COPY with \"{SourceRules.TenantFiltered} how\" or \"{SourceRules.CrossTenant} why\"");
    }

    [Fact]
    public void Every_cross_tenant_marker_names_an_existing_cross_structure_test()
    {
        var tests = SourceRules.TestMethodNames();
        tests.ShouldContain("Every_cross_tenant_marker_names_an_existing_cross_structure_test", "the scan must see the test sources");
        Scan((file, lines) => SourceRules.MarkersWithoutTheirTest(file, lines, tests))
            .ShouldBeEmpty("each bypass has its own cross-structure test, named in its marker: \"// cross-tenant: why (test: Test_method_name)\"");
    }

    [Fact]
    public void Tenant_switches_live_in_Platform_in_jobs_and_in_the_documented_places_only()
    {
        // ADR 0004: Platform (host operations), jobs, provisioning of a new structure, the structure's own
        // branding and public logo. Anywhere else a module works in its current structure only.
        string[] allowed =
        [
            "modules/Platform/",
            "modules/Members/Application/Import/ImportService.cs",          // ImportJob
            "modules/ReferenceData/Application/ReferenceDataProvisioning.cs",
            "modules/ReferenceData/Application/StructureSettingsService.cs",
            // SmsAlerts' jobs and webhooks: the dispatcher and the reminder planning serve every structure's
            // due rows, each in its owner's scope; a webhook's secret names its structure; the super-admin's
            // provider settings are written in the structure they are for.
            "modules/SmsAlerts/Application/DeliveryDispatcher.cs",
            "modules/SmsAlerts/Application/Jobs.cs",
            "modules/SmsAlerts/Application/WebhookService.cs",
            "modules/SmsAlerts/Application/HostSmsSettings.cs",
        ];
        Scan((file, lines) => lines.Select((l, i) => new SourceRules.Finding(file, i + 1, l))
                .Where(f => !f.Text.TrimStart().StartsWith("//", StringComparison.Ordinal) && SourceRules.TenantChange().IsMatch(f.Text)))
            .Where(f => !allowed.Any(a => f.File.Replace('\\', '/').StartsWith(a, StringComparison.Ordinal)))
            .ShouldBeEmpty("a tenant switch outside the places ADR 0004 lists");
    }

    [Fact]
    public void The_scan_sees_switches_ADO_NET_and_COPY_and_markers_without_their_test()
    {
        string[] lines =
        [
            "command.CommandText = \"DELETE FROM X\";",                                   // 1: unmarked
            "using (currentTenant.Change(id))",                                           // 2: unmarked
            "",                                                                           // 3
            "",                                                                           // 4
            "using (sp.GetRequiredService<ICurrentTenant>().Change(id)) // cross-tenant: job (test: Real_test)", // 5
            "var copy = $\"COPY \\\"{table}\\\" FROM STDIN\"; // tenant-filtered: rows stamped", // 6
            "await using var importer = await connection.BeginBinaryImportAsync(copy);",  // 7: marked above
            "// cross-tenant: no test named",                                             // 8
            "var d = db.X.IgnoreQueryFilters();",                                         // 9
            "// cross-tenant: a test that does not exist (test: Imaginary_test)",         // 10
            "options.Change(1);",                                                         // 11: not a tenant
        ];
        SourceRules.UnmarkedCalls("f.cs", lines, SourceRules.TenantChange(), SourceRules.CrossTenant).Select(f => f.Line).ShouldBe([2]);
        SourceRules.UnmarkedCalls("f.cs", lines, SourceRules.AdoNetSql(), SourceRules.TenantFiltered, SourceRules.CrossTenant).Select(f => f.Line).ShouldBe([1]);
        SourceRules.MarkersWithoutTheirTest("f.cs", lines, new HashSet<string> { "Real_test" }).Select(f => f.Line).ShouldBe([8, 10]);
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
