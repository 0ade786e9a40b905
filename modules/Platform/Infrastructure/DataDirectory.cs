using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace CentresConnectes.Platform.Infrastructure;

/// <summary>
/// Where a local install keeps its files (SQLite database, e-mails, logs): <c>Storage:DataDirectory</c>,
/// default "data" under the content root.
/// </summary>
public sealed class DataDirectory
{
    public DataDirectory(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["Storage:DataDirectory"] ?? "data";
        Root = Path.GetFullPath(Path.IsPathRooted(configured) ? configured : Path.Combine(environment.ContentRootPath, configured));
    }

    public string Root { get; }

    public string Resolve(string path) => Path.IsPathRooted(path) ? path : Path.Combine(Root, path);
}
