using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace CentresConnectes.Platform.Application;

/// <summary>Absolute links for e-mails: <c>App:PublicUrl</c> when set (behind a proxy), else the current request's origin.</summary>
public sealed class AppUrls(IConfiguration configuration, IHttpContextAccessor http)
{
    public string Absolute(string pathAndQuery)
    {
        var configured = configuration["App:PublicUrl"];
        var origin = !string.IsNullOrWhiteSpace(configured)
            ? configured.TrimEnd('/')
            : http.HttpContext is { } c ? $"{c.Request.Scheme}://{c.Request.Host}{c.Request.PathBase}" : "http://localhost:5000";
        return origin + pathAndQuery;
    }
}
