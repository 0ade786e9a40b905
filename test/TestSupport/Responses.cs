using System.Net;
using Shouldly;

namespace CentresConnectes.TestSupport;

/// <summary>Reads answers the way a user (or an API client) sees them, and says which request failed when one does.</summary>
public static class Responses
{
    /// <summary>The page's text with entities decoded (the app encodes apostrophes as &amp;#x27;).</summary>
    public static async Task<string> TextAsync(this HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    /// <summary>A redirect whose path (query string aside) is exactly <paramref name="path"/>.</summary>
    public static void ShouldRedirectTo(this HttpResponseMessage response, string path)
    {
        ((int)response.StatusCode).ShouldBeInRange(301, 303, $"expected a redirect to {path}, got {(int)response.StatusCode}");
        var location = response.Headers.Location?.OriginalString ?? "";
        if (location.StartsWith("http", StringComparison.Ordinal))
            location = new Uri(location).PathAndQuery;
        location.Split('?')[0].ShouldBe(path, $"redirected to {location}");
    }

    /// <summary>The status is <paramref name="status"/>; a failure names the request (and <paramref name="what"/> it was for).</summary>
    public static void ShouldBe(this HttpResponseMessage response, HttpStatusCode status, string? what = null) =>
        response.StatusCode.ShouldBe(status,
            $"{(what is null ? "" : what + ": ")}{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} answered {(int)response.StatusCode} {response.Headers.Location}");
}
