using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace CentresConnectes.Platform.Application;

/// <summary>
/// The secret of the first-run setup link printed on the console at start (as Grafana or Jenkins
/// do): without it /installation refuses, so the first stranger to reach a fresh server does not
/// become its super-admin. <c>Setup:Token</c> fixes it for a scripted start; otherwise a new one is
/// drawn at each start until setup is done (ADR 0008).
/// </summary>
public sealed class SetupToken(IConfiguration configuration)
{
    public string Value { get; } = configuration["Setup:Token"] is { Length: >= 16 } configured
        ? configured
        : Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    public bool Matches(string? presented) =>
        presented is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(Value));

    /// <summary>The link to print: the setup page with its token.</summary>
    public string Link(string origin) => $"{origin.TrimEnd('/')}/installation?jeton={Value}";
}
