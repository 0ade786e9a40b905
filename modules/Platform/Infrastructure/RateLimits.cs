using System.Threading.RateLimiting;
using CentresConnectes.Platform.Application;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace CentresConnectes.Platform.Infrastructure;

/// <summary>
/// Rate limits offered to the modules' pages (<c>[EnableRateLimiting(PlatformRateLimits.SignIn)]</c>).
/// Identity's lockout protects each account; this protects against trying many identifiants from one
/// kiosk or one address.
/// </summary>
public static class PlatformRateLimits
{
    public const string SignIn = "sign-in";
    public const int SignInAttemptsPerMinute = 10;

    internal static void Add(IServiceCollection services) => services.AddRateLimiter(o =>
    {
        o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        o.OnRejected = async (context, ct) =>
        {
            context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
            await context.HttpContext.Response.WriteAsync("Trop d'essais en peu de temps : patientez une minute puis recommencez.", ct);
        };
        // Only the attempts (POST) count; showing the form is free. A kiosk is one partition (its device
        // credential), other clients one per address.
        o.AddPolicy(SignIn, http => HttpMethods.IsPost(http.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(
                KioskDeviceService.ReadCookie(http.Request) is { } device
                    ? "device:" + Convert.ToHexString(KioskDeviceService.Hash(device))
                    : "ip:" + http.Connection.RemoteIpAddress,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = SignInAttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("free"));
    });
}
