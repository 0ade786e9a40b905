using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CentresConnectes.TestSupport;

/// <summary>
/// The real application as a child process (<c>dotnet CentresConnectes.Web.dll</c>) over a test
/// database: what a crash test kills with SIGKILL, or a second instance beside the first. Settings go
/// as environment variables (<c>Section__Key</c>), as in production.
/// </summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<string> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppProcess(Process process) => _process = process;

    /// <summary>The address the app listens on (a free port chosen by the system).</summary>
    public string Url { get; private set; } = "";

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>What the app printed (console logs), for the failure message of a test.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>Starts the app and waits until it listens (migrations done, background services started).</summary>
    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string?> settings, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = HostDirectory,
        };
        start.ArgumentList.Add(Path.Combine(HostDirectory, "CentresConnectes.Web.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in settings)
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var app = new AppProcess(process);
        process.OutputDataReceived += (_, e) => app.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => app.OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(app._listening.Task, exited, Task.Delay(timeout ?? TimeSpan.FromSeconds(90)));
        if (first != app._listening.Task)
        {
            await app.DisposeAsync();
            throw new InvalidOperationException($"The app did not start listening:\n{app.Output}");
        }
        app.Url = await app._listening.Task;
        return app;
    }

    private void OnLine(string? line)
    {
        if (line is null)
            return;
        _output.Enqueue(line);
        if (ListeningLine().Match(line) is { Success: true } m)
            _listening.TrySetResult(m.Groups[1].Value.TrimEnd('/'));
    }

    [GeneratedRegex(@"écoute sur (http://\S+)")]
    private static partial Regex ListeningLine();

    /// <summary>SIGKILL: no shutdown, no finally, no flush — a power cut as far as the app knows.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    /// <summary>
    /// The host's build output: the test's own folder holds the referenced host's assemblies, but
    /// its runtime configuration only when the SDK copied it, else the host project's folder.
    /// </summary>
    private static string HostDirectory { get; } = FindHostDirectory();

    private static string FindHostDirectory()
    {
        var here = AppContext.BaseDirectory;
        if (File.Exists(Path.Combine(here, "CentresConnectes.Web.runtimeconfig.json")))
            return here;
        var configuration = new DirectoryInfo(here).Parent?.Name ?? "Release"; // …/bin/<Configuration>/net10.0/
        for (var dir = new DirectoryInfo(here); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CentresConnectes.slnx")))
                return Path.Combine(dir.FullName, "host", "CentresConnectes.Web", "bin", configuration, "net10.0");
        }
        throw new InvalidOperationException("The host's build output was not found");
    }
}
