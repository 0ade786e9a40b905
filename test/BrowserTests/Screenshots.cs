using CentresConnectes.TestSupport;
using Microsoft.Playwright;

namespace CentresConnectes.BrowserTests;

/// <summary>
/// Full-page screenshots of the journeys. An ordinary test run writes them under .run/screenshots
/// (a test run leaves the checkout clean: etc/scripts/test.sh checks it); etc/scripts/screenshots.sh
/// sets CC_SCREENSHOTS_TO_MANUAL=1 to refresh the user manual's images in docs/manuel/images on purpose.
/// </summary>
public static class Screenshots
{
    public static bool ToManual => Environment.GetEnvironmentVariable("CC_SCREENSHOTS_TO_MANUAL") == "1";

    public static string Folder { get; } = Directory.CreateDirectory(ToManual
        ? Path.Combine(TestEnvironment.RepositoryRoot.FullName, "docs", "manuel", "images")
        : Path.Combine(Environment.GetEnvironmentVariable("CC_RUN_DIR") is { Length: > 0 } run ? run : Path.Combine(TestEnvironment.RepositoryRoot.FullName, ".run"), "screenshots")).FullName;

    public static async Task TakeAsync(IPage page, string name)
    {
        // Fonts and icons must be there before the picture is taken.
        await page.EvaluateAsync("() => document.fonts.ready");
        // A page wider than the screen looks broken (and scrolls sideways on a tablet): name the culprits.
        var overflowing = await page.EvaluateAsync<string[]>("""
            () => {
              const width = document.documentElement.clientWidth;
              if (document.documentElement.scrollWidth <= width) return [];
              return [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > width + 1)
                .slice(0, 5)
                .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + [...e.classList].join('.') + ' → ' + Math.round(e.getBoundingClientRect().right) + 'px');
            }
            """);
        overflowing.ShouldBeEmpty($"the page {page.Url} is wider than the screen ({name})");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = true, Animations = ScreenshotAnimations.Disabled });
    }
}
