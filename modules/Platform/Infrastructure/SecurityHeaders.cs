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
            // The API reference page (Scalar) runs its own inline bootstrap script; everything else is same-origin only.
            if (!context.Request.Path.StartsWithSegments("/scalar") && !context.Request.Path.StartsWithSegments("/hangfire"))
            {
                headers["Content-Security-Policy"] =
                    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; " +
                    "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
            }
            await next();
        });
}
