using CentresConnectes.Platform.Application;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CentresConnectes.Platform.Infrastructure.Security;

/// <summary>
/// When the operator set neither <c>AllowedHosts</c> nor <c>App:PublicUrl</c>, the address confirmed
/// at first-run setup becomes the only host name served (with the loopback names, for the machine
/// itself): a request for another name gets 400, as ASP.NET Core's host filtering would answer.
/// </summary>
internal static class PublicHostFilter
{
    private static readonly string[] Loopback = ["localhost", "127.0.0.1", "[::1]"];

    public static IApplicationBuilder UsePublicHostFilter(this IApplicationBuilder app)
    {
        var configuration = app.ApplicationServices.GetRequiredService<IConfiguration>();
        var allowedHosts = configuration["AllowedHosts"];
        if (!string.IsNullOrWhiteSpace(allowedHosts) && allowedHosts.Trim() != "*")
            return app; // the operator's own list, applied by the framework
        var publicAddress = app.ApplicationServices.GetRequiredService<PublicAddress>();
        return app.Use(async (context, next) =>
        {
            // Loopback names first: the machine itself never waits for the recorded address.
            if (!Loopback.Contains(context.Request.Host.Host, StringComparer.OrdinalIgnoreCase)
                && publicAddress.Configured is null && publicAddress.Recorded is { } recorded
                && Uri.TryCreate(recorded, UriKind.Absolute, out var uri)
                && !string.Equals(context.Request.Host.Host, uri.Host, StringComparison.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
            await next();
        });
    }
}
