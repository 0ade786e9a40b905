using CentresConnectes.TestSupport;

namespace CentresConnectes.BrowserTests;

/// <summary>An ordinary test run leaves the manual's images alone (etc/scripts/screenshots.sh refreshes them).</summary>
public sealed class ScreenshotFolderTests
{
    [Fact]
    public void Screenshots_go_under_run_unless_the_manual_is_refreshed_on_purpose()
    {
        var manual = Path.Combine(TestEnvironment.RepositoryRoot.FullName, "docs", "manuel", "images");
        if (Screenshots.ToManual)
            Screenshots.Folder.ShouldBe(manual);
        else
        {
            Screenshots.Folder.ShouldNotStartWith(manual);
            Path.GetFileName(Screenshots.Folder).ShouldBe("screenshots");
        }
    }
}
