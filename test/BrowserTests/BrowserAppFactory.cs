using CentresConnectes.Platform.Contracts;
using CentresConnectes.TestSupport;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CentresConnectes.BrowserTests;

/// <summary>
/// The application on a real Kestrel port (a free one, on loopback) so that a real browser can reach it.
/// Same fresh database and settings as the integration tests' factory.
/// </summary>
public sealed class BrowserAppFactory : AppFactory
{
    public BrowserAppFactory(DatabaseProvider provider, bool useSmtpSink) : base(provider, useSmtpSink)
    {
        UseKestrel(0);
    }

    /// <summary>No fixed public URL: e-mail links then use the origin the browser used (the real port).</summary>
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["App:PublicUrl"] = "" };

    /// <summary>Starts the server (once) and returns its address, e.g. http://127.0.0.1:41234.</summary>
    public string StartAndGetAddress()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reports no address.");
        return addresses.First().TrimEnd('/');
    }
}
