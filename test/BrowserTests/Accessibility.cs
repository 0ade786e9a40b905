using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CentresConnectes.BrowserTests;

/// <summary>axe-core's WCAG 2.1 A and AA rules on the page as it is now: 0 violations, or the list of them.</summary>
public static class Accessibility
{
    private static readonly AxeRunOptions Options = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    public static async Task ShouldPassAsync(IPage page)
    {
        var results = await page.RunAxe(Options);
        var violations = results.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" ; ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
        violations.ShouldBeEmpty($"WCAG A/AA violations on {page.Url}");
    }
}
