using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CentresConnectes.BrowserTests;

/// <summary>
/// axe-core (Deque) on the page as it is shown: no WCAG 2.1 level A or AA violation. Each violation is
/// named with the elements at fault, so the message says what to fix.
/// </summary>
public static class Accessibility
{
    private static readonly AxeRunOptions Options = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    public static async Task CheckAsync(IPage page, string what)
    {
        var results = await page.RunAxe(Options);
        var problems = results.Violations
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} → {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target + " " + n.Html))}")
            .ToList();
        problems.ShouldBeEmpty($"axe-core found WCAG A/AA violations on {what} ({page.Url})");
    }
}
