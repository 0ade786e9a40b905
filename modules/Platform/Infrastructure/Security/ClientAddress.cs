using Microsoft.AspNetCore.Http;

namespace CentresConnectes.Platform.Infrastructure.Security;

/// <summary>The client's address as the rate limits and locks see it (after X-Forwarded-For from a trusted proxy).</summary>
public static class ClientAddress
{
    public static string Of(HttpContext? context) => context?.Connection.RemoteIpAddress?.ToString() ?? "inconnue";
}
