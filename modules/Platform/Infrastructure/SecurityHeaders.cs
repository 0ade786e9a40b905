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
            // The application's own pages run no inline script at all.
            headers["Content-Security-Policy"] =
                context.Request.Path.StartsWithSegments("/scalar") || context.Request.Path.StartsWithSegments("/hangfire")
                    ? "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
                      "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; " +
                      "frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
                    : "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; " +
                      "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
            await next();
        });
}
