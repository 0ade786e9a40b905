using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;

namespace CentresConnectes.Platform.Infrastructure.Security;

/// <summary>
/// Over HTTPS the session cookie is <c>__Host-</c> prefixed and <c>Secure</c> (the browser then
/// refuses it from a sub-domain or over plain HTTP); over HTTP (a local install on
/// http://localhost) it keeps its plain name, which a browser would otherwise drop.
/// </summary>
internal sealed class SessionCookieManager : ICookieManager
{
    public const string HostPrefix = "__Host-";
    private readonly ChunkingCookieManager _inner = new();

    private static string Name(HttpContext context, string key) => context.Request.IsHttps ? HostPrefix + key : key;

    private static CookieOptions Secured(HttpContext context, CookieOptions options)
    {
        if (context.Request.IsHttps)
        {
            options.Secure = true;
            options.Path = "/";
            options.Domain = null;
        }
        return options;
    }

    public string? GetRequestCookie(HttpContext context, string key) => _inner.GetRequestCookie(context, Name(context, key));

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options) =>
        _inner.AppendResponseCookie(context, Name(context, key), value, Secured(context, options));

    public void DeleteCookie(HttpContext context, string key, CookieOptions options) =>
        _inner.DeleteCookie(context, Name(context, key), Secured(context, options));
}
