using System.Threading.RateLimiting;
using CentresConnectes.Platform.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CentresConnectes.Platform.Infrastructure.Security;

/// <summary>
/// ASP.NET Core's rate limiter with the policies of <see cref="RateLimits"/>: a fixed window of one
/// minute per client address, counting unsafe requests only (a GET shows the form and is free).
/// A refusal answers 429: French problem details under /api, the French error page elsewhere.
/// </summary>
internal static class AppRateLimiting
{
    public static void AddAppRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("RateLimits").Get<RateLimitSettings>() ?? new RateLimitSettings();
        services.AddSingleton(settings);
        services.AddSingleton<FailureCounter>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, ct) => RejectAsync(context.HttpContext, ct);
            Add(o, RateLimits.SignIn, settings.SignInPerMinute);
            Add(o, RateLimits.PasswordReset, settings.PasswordResetPerMinute);
            Add(o, RateLimits.SetPassword, settings.SetPasswordPerMinute);
            Add(o, RateLimits.Setup, settings.SetupPerMinute);
            Add(o, RateLimits.KioskSignIn, settings.KioskSignInPerMinute);
        });
    }

    private static void Add(RateLimiterOptions options, string policy, int perMinute) =>
        options.AddPolicy(policy, context => HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
            ? RateLimitPartition.GetNoLimiter("safe")
            : RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(context), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = perMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            }));

    public const string RetryMessage = "Trop de tentatives en peu de temps. Patientez une minute, puis réessayez.";

    /// <summary>The 429 answer, shared by the rate limiter and the API-key failure limit.</summary>
    public static async ValueTask RejectAsync(HttpContext context, CancellationToken ct)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = "60";
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await context.Response.WriteAsJsonAsync(new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = RetryMessage,
            }, ct);
        }
        // Elsewhere the body stays empty: the status-code pages render the French page /erreur/429.
    }
}
