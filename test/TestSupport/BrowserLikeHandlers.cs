using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace CentresConnectes.TestSupport;

/// <summary>
/// Sends the antiforgery header with an unsafe /api request, as the application's pages do through
/// htmx: the token is read from the home page's <c>hx-headers</c>, fresh for each request (it belongs
/// to the signed-in identity, which changes with an impersonation). A request that already names
/// its own token, or an API key, is left alone — the tests of the CSRF rule send theirs bare.
/// </summary>
public sealed partial class AntiforgeryHeaderHandler : DelegatingHandler
{
    public const string Header = "RequestVerificationToken";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var unsafeMethod = request.Method != HttpMethod.Get && request.Method != HttpMethod.Head && request.Method != HttpMethod.Options;
        if (unsafeMethod && request.RequestUri?.AbsolutePath.StartsWith("/api/", StringComparison.Ordinal) == true
            && !request.Headers.Contains(Header) && !request.Headers.Contains("X-Api-Key") && request.Headers.Authorization is null
            && !request.Options.TryGetValue(WithoutAntiforgery, out _))
        {
            using var home = await base.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(request.RequestUri, "/")), ct);
            var match = TokenRegex().Match(await home.Content.ReadAsStringAsync(ct));
            if (match.Success)
                request.Headers.Add(Header, WebUtility.HtmlDecode(match.Groups[1].Value));
        }
        return await base.SendAsync(request, ct);
    }

    /// <summary>Set on a request to send it as a page of another site would: with the cookie, without the header.</summary>
    public static readonly HttpRequestOptionsKey<bool> WithoutAntiforgery = new("cc.without-antiforgery");

    [GeneratedRegex("\"RequestVerificationToken\": \"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}

/// <summary>
/// The test server has no network connection, so no client address: a request may name the one it
/// plays with the <see cref="Header"/> header (another machine, for the per-address locks and limits);
/// otherwise it comes from 127.0.0.1.
/// </summary>
internal sealed class TestClientAddressStartupFilter : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (context.Connection.RemoteIpAddress is null)
            {
                context.Connection.RemoteIpAddress = context.Request.Headers.TryGetValue(Header, out var value) && IPAddress.TryParse(value, out var address)
                    ? address
                    : IPAddress.Loopback;
            }
            await nextMiddleware();
        });
        next(app);
    };
}
