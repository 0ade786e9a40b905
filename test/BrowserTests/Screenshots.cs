using Microsoft.Playwright;

namespace CentresConnectes.BrowserTests;

/// <summary>
/// Full-page screenshots for the user manual, written into docs/manuel/images of the checkout on every run
/// (the manual then always shows the current screens).
/// </summary>
public static class Screenshots
{
    public static string Folder { get; } = FindFolder();

    public static async Task TakeAsync(IPage page, string name)
    {
        // Fonts and icons must be there before the picture is taken.
        await page.EvaluateAsync("() => document.fonts.ready");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = true, Animations = ScreenshotAnimations.Disabled });
    }

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CentresConnectes.slnx")))
            {
                var folder = Path.Combine(dir.FullName, "docs", "manuel", "images");
                Directory.CreateDirectory(folder);
                return folder;
            }
        }
        throw new InvalidOperationException("The repository root (CentresConnectes.slnx) was not found above " + AppContext.BaseDirectory);
    }
}
