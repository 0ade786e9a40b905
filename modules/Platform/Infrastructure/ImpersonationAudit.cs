using CentresConnectes.Platform.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CentresConnectes.Platform.Infrastructure;

/// <summary>
/// While someone acts on another account, every write request is audited, whatever module handles it:
/// modules audit their sensitive actions in detail, this guarantees nothing done "as someone else" escapes
/// the log. Only the method and path are written (ids, no query string: it may hold personal data).
/// </summary>
internal static class ImpersonationAudit
{
    public static IApplicationBuilder UseImpersonationAudit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            await next();
            if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method))
                return;
            var user = context.RequestServices.GetRequiredService<ICurrentUser>();
            if (!user.IsImpersonated || context.Request.Path.StartsWithSegments("/intervention"))
                return;
            var audit = context.RequestServices.GetRequiredService<IAuditLog>();
            await audit.WriteAsync("Action pendant une intervention", "Requête", null,
                $"{context.Request.Method} {context.Request.Path} → {context.Response.StatusCode}", context.RequestAborted);
        });
}
