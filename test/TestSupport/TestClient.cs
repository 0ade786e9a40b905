using System.Net;
using System.Net.Http.Headers;
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

    /// <summary>The page's text with entities decoded (the app encodes apostrophes as &amp;#x27;): what the assertions in French read.</summary>
    public async Task<string> GetTextAsync(string url) => WebUtility.HtmlDecode(await GetPageAsync(url));

    /// <summary>Form fields, in the order written; a null value is not sent.</summary>
    public static Dictionary<string, string?> Form(params (string Key, string? Value)[] fields) =>
        fields.ToDictionary(f => f.Key, f => f.Value);

    /// <summary>Reads the antiforgery token on <paramref name="pageUrl"/>, then posts the form to <paramref name="actionUrl"/> (default: the same page).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string pageUrl, IDictionary<string, string?> fields, string? actionUrl = null) =>
        await Http.PostAsync(actionUrl ?? pageUrl, await FormContentAsync(pageUrl, fields));

    /// <summary>A request htmx would send (HX-Request: true): the page answers with a fragment.</summary>
    public async Task<HttpResponseMessage> GetHtmxAsync(string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("HX-Request", "true");
        return await Http.SendAsync(request);
    }

    /// <summary><see cref="PostFormAsync"/> as htmx sends it (HX-Request: true).</summary>
    public async Task<HttpResponseMessage> PostHtmxFormAsync(string pageUrl, IDictionary<string, string?> fields, string? actionUrl = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, actionUrl ?? pageUrl) { Content = await FormContentAsync(pageUrl, fields) };
        request.Headers.Add("HX-Request", "true");
        return await Http.SendAsync(request);
    }

    /// <summary>
    /// Uploads a file as the page's form does (multipart, with the antiforgery token read from
    /// <paramref name="pageUrl"/>), to <paramref name="actionUrl"/> (default: the same page).
    /// </summary>
    public async Task<HttpResponseMessage> PostFileAsync(string pageUrl, string field, string fileName, byte[] bytes, string contentType,
        IDictionary<string, string>? fields = null, string? actionUrl = null)
    {
        var token = AntiforgeryToken(await GetPageAsync(pageUrl));
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        foreach (var (key, value) in fields ?? new Dictionary<string, string>())
            content.Add(new StringContent(value), key);
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Add(file, field, fileName);
        return await Http.PostAsync(actionUrl ?? pageUrl, content);
    }

    private async Task<FormUrlEncodedContent> FormContentAsync(string pageUrl, IDictionary<string, string?> fields)
    {
        var token = AntiforgeryToken(await GetPageAsync(pageUrl));
        var form = new Dictionary<string, string>(fields.Where(f => f.Value is not null).ToDictionary(f => f.Key, f => f.Value!))
        {
            ["__RequestVerificationToken"] = token,
        };
        return new FormUrlEncodedContent(form);
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
