using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CentresConnectes.Platform.Infrastructure;

internal static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers["X-Content-Type-Options"] = "nosniff";
            headers["X-Frame-Options"] = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            // The API reference (Scalar) and the jobs dashboard (Hangfire) write inline scripts and styles
            // they do not let us hash: they get those, still same-origin only, nothing from elsewhere.
            // The application's own pages run no inline script and carry no style attribute; the one
            // <style> element they need (Trix writes its default rules at start) carries the request's
            // nonce, which the layouts publish in <meta name="csp-nonce"> where Trix looks for it.
            headers["Content-Security-Policy"] =
                context.Request.Path.StartsWithSegments("/scalar") || context.Request.Path.StartsWithSegments("/hangfire")
                    ? "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
                      "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; " +
                      "frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
                    : $"default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'nonce-{CspNonce.Of(context)}'; script-src 'self'; " +
                      "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
            await next();
        });
}

/// <summary>A random value per request that lets the page's own &lt;style&gt; elements through the CSP.</summary>
internal static class CspNonce
{
    private static readonly object Key = new();

    public static string Of(HttpContext context)
    {
        if (context.Items[Key] is not string nonce)
            context.Items[Key] = nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)); // hex: nothing for HTML to encode
        return nonce;
    }
}
