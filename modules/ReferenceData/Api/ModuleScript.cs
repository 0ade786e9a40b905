using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CentresConnectes.ReferenceData.Api;

/// <summary>
/// The settings pages' script, embedded in the module and served by it. A Razor class library's
/// wwwroot is only mapped in Development or after publish; this works in every environment
/// (tests included). The URL carries a hash of the content, so browsers may cache it for long.
/// </summary>
public static class ModuleScript
{
    private static readonly byte[] Content = Load();

    public static string Version { get; } = Convert.ToHexString(SHA256.HashData(Content))[..12].ToLowerInvariant();

    public static string Url { get; } = "/modules/reference-data/parametres.js?v=" + Version;

    internal static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/modules/reference-data/parametres.js", (HttpContext http) =>
            {
                http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                return Results.Bytes(Content, "text/javascript; charset=utf-8");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();

    private static byte[] Load()
    {
        using var stream = typeof(ModuleScript).Assembly.GetManifestResourceStream("parametres.js")
            ?? throw new InvalidOperationException("The embedded script parametres.js is missing.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
