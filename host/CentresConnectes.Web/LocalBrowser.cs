using System.Diagnostics;

namespace CentresConnectes;

/// <summary>
/// A local install started by double-click opens the browser on its own address (the setup link on the
/// first start), so a centre without an IT person does not have to read a console. Not for a service,
/// nor with <c>--no-browser</c>.
/// </summary>
internal static class LocalBrowser
{
    public const string NoBrowserSwitch = "--no-browser";

    /// <summary>True for a published local install run by a person: not under systemd, not as a Windows service.</summary>
    public static bool ShouldOpen(bool publishedInstall, IReadOnlyCollection<string> args) =>
        publishedInstall
        && !args.Contains(NoBrowserSwitch, StringComparer.OrdinalIgnoreCase)
        && Environment.UserInteractive
        && Environment.GetEnvironmentVariable("INVOCATION_ID") is null;

    public static void Open(string url, ILogger logger)
    {
        try
        {
            // The shell opens the default browser on Windows; elsewhere the desktop's opener does.
            var start = OperatingSystem.IsWindows()
                ? new ProcessStartInfo(url) { UseShellExecute = true }
                : new ProcessStartInfo(OperatingSystem.IsMacOS() ? "open" : "xdg-open", url) { UseShellExecute = false };
            Process.Start(start)?.Dispose();
        }
        catch (Exception ex)
        {
            // No desktop (a server): the address is on the console anyway.
            logger.LogInformation("Could not open a browser on {Url}: {Reason}", url, ex.Message);
        }
    }
}
