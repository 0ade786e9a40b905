using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CentresConnectes.Platform.Api;

/// <summary>
/// An unsafe API request (POST, PUT, PATCH, DELETE) authenticated by the session cookie must carry
/// the antiforgery header <c>RequestVerificationToken</c> — htmx sends it from the page — or it is
/// refused: a page on another site could otherwise post with the visitor's cookie (ADR 0009).
/// A request with an API key carries no ambient credential and is not concerned.
/// </summary>
internal sealed class CookieAntiforgeryFilter : IEndpointFilter
{
    public const string Refusal = "Requête refusée : le jeton anti-falsification est absent ou invalide. Rechargez la page, ou utilisez une clé d'API.";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var method = http.Request.Method;
        var safe = HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);
        if (!safe && http.User.Identity?.IsAuthenticated == true && ApiKeyAuthenticationHandler.ReadKey(http.Request) is null)
        {
            var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(http))
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: Refusal);
        }
        return await next(context);
    }
}
