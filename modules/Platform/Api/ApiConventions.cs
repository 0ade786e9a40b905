using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CentresConnectes.Platform.Api;

/// <summary>Every module's API group: /api/…, JSON, problem details in French, authenticated, antiforgery header with the session cookie.</summary>
public static class ApiConventions
{
    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder endpoints, string prefix, string tag) =>
        endpoints.MapGroup("/api/" + prefix.TrimStart('/'))
            .WithTags(tag)
            .AddEndpointFilter<ApiExceptionFilter>()
            .AddEndpointFilter<CookieAntiforgeryFilter>()
            // Every refusal is a French problem-details body (ApiProblems): the OpenAPI document says so.
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .RequireAuthorization()
            // The framework's own check only covers form posts; CookieAntiforgeryFilter covers every
            // unsafe request that comes with the session cookie, whatever its body.
            .DisableAntiforgery();

    /// <summary>Declares the permission an endpoint needs (an architecture test checks every API endpoint has one).</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string permission) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(PermissionPolicy.For(permission));
}
