using CentresConnectes.Platform.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CentresConnectes.Platform.Application;

/// <summary>
/// The installation's public address, for links in e-mails. Never the request's <c>Host</c> header:
/// anyone can send one, and a reset link pointing to their site would hand them the token.
/// In order: <c>App:PublicUrl</c>; the address confirmed at first-run setup; the first address
/// the server listens on (a local install).
/// </summary>
public sealed class PublicAddress(IConfiguration configuration, IServiceScopeFactory scopes, IServer server)
{
    private string? _recorded;
    private bool _loaded;

    /// <summary>Set by configuration: the operator also sets AllowedHosts (etc/deploy/env.sample).</summary>
    public string? Configured => configuration["App:PublicUrl"] is { Length: > 0 } url && !string.IsNullOrWhiteSpace(url) ? url.TrimEnd('/') : null;

    /// <summary>Recorded at setup (null until then, or when configured).</summary>
    public string? Recorded
    {
        get
        {
            if (!_loaded)
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var installation = db.Installations.AsNoTracking().OrderBy(i => i.Id).Select(i => new { i.PublicUrl }).FirstOrDefault();
                _recorded = installation?.PublicUrl;
                // Loaded for good once setup is done (with or without an address); before it, each call
                // looks again (cheap, and only until the first super-admin exists).
                _loaded = installation is not null;
            }
            return _recorded;
        }
    }

    public string Origin => Configured ?? Recorded ?? ListeningAddress() ?? "http://localhost:5000";

    internal void Remember(string url)
    {
        _recorded = url.TrimEnd('/');
        _loaded = true;
    }

    private string? ListeningAddress()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var first = addresses.FirstOrDefault(a => a.StartsWith("https://", StringComparison.Ordinal)) ?? addresses.FirstOrDefault();
        // Kestrel may report "http://[::]:5000" or "http://+:5000": a browser needs a name.
        return first?.Replace("//[::]", "//localhost").Replace("//+", "//localhost").Replace("//0.0.0.0", "//localhost").Replace("//*", "//localhost").TrimEnd('/');
    }

    /// <summary>An address a person may confirm at setup: http(s), a host, no path, query or credentials.</summary>
    public static string? Normalize(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && string.IsNullOrEmpty(uri.UserInfo)
            && uri.Query.Length == 0 && uri.Fragment.Length == 0
            ? uri.GetLeftPart(UriPartial.Path).TrimEnd('/')
            : null;
}

/// <summary>Absolute links for e-mails, from <see cref="PublicAddress"/>.</summary>
public sealed class AppUrls(PublicAddress publicAddress)
{
    public string Absolute(string pathAndQuery) => publicAddress.Origin + pathAndQuery;
}
