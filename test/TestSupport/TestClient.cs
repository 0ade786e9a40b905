using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace CentresConnectes.TestSupport;

/// <summary>
/// An HttpClient that behaves like a browser on the server-rendered pages: it keeps the session
/// cookie and posts forms with the antiforgery token read from the page.
/// </summary>
public sealed partial class TestClient(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(url);

    public async Task<string> GetPageAsync(string url)
    {
        var response = await Http.GetAsync(url);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode} {response.Headers.Location}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Reads the antiforgery token on <paramref name="pageUrl"/>, then posts the form to <paramref name="actionUrl"/> (default: the same page).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string pageUrl, IDictionary<string, string?> fields, string? actionUrl = null)
    {
        var html = await GetPageAsync(pageUrl);
        var token = AntiforgeryToken(html);
        var form = new Dictionary<string, string>(fields.Where(f => f.Value is not null).ToDictionary(f => f.Key, f => f.Value!))
        {
            ["__RequestVerificationToken"] = token,
        };
        return await Http.PostAsync(actionUrl ?? pageUrl, new FormUrlEncodedContent(form));
    }

    public async Task SignInAsync(string email, string password)
    {
        var response = await PostFormAsync("/connexion", new Dictionary<string, string?> { ["Email"] = email, ["Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in of {email} failed: {(int)response.StatusCode}");
    }

    public Task<HttpResponseMessage> PostJsonAsync<T>(string url, T body) => Http.PostAsJsonAsync(url, body);

    public Task<HttpResponseMessage> PutJsonAsync<T>(string url, T body) => Http.PutAsJsonAsync(url, body);

    public async Task<T> GetJsonAsync<T>(string url) =>
        await Http.GetFromJsonAsync<T>(url) ?? throw new InvalidOperationException($"GET {url} returned null");

    public static string AntiforgeryToken(string html)
    {
        var match = TokenRegex().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("No antiforgery token on the page.");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();

    public void Dispose() => Http.Dispose();
}
