using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CentresConnectes.TestSupport;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CentresConnectes.IntegrationTests.Infrastructure;

/// <summary>Small helpers to read answers the way a user (or an API client) sees them.</summary>
public static partial class Http
{
    public static Dictionary<string, string?> Form(params (string Key, string? Value)[] fields) =>
        fields.ToDictionary(f => f.Key, f => f.Value);

    /// <summary>The page's text with entities decoded (the app encodes apostrophes as &amp;#x27;).</summary>
    public static async Task<string> TextAsync(this HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public static async Task<string> GetTextAsync(this TestClient client, string url) =>
        WebUtility.HtmlDecode(await client.GetPageAsync(url));

    /// <summary>The &lt;main&gt; element only: what differs between two answers, without per-request tokens.</summary>
    public static string MainElement(string html)
    {
        var start = html.IndexOf("<main", StringComparison.Ordinal);
        var end = html.IndexOf("</main>", StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, "the page has no <main>");
        return html[start..end];
    }

    /// <summary>A redirect whose path (query string aside) is exactly <paramref name="path"/>.</summary>
    public static void ShouldRedirectTo(this HttpResponseMessage response, string path)
    {
        ((int)response.StatusCode).ShouldBeInRange(301, 303, $"expected a redirect to {path}, got {(int)response.StatusCode}");
        var location = response.Headers.Location?.OriginalString ?? "";
        if (location.StartsWith("http", StringComparison.Ordinal))
            location = new Uri(location).PathAndQuery;
        location.Split('?')[0].ShouldBe(path, $"redirected to {location}");
    }

    public static void ShouldBe(this HttpResponseMessage response, HttpStatusCode status) =>
        response.StatusCode.ShouldBe(status, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} answered {(int)response.StatusCode} {response.Headers.Location}");

    /// <summary>
    /// A browser refused access: either 403 at once, or the cookie handler's redirect to the
    /// friendly 403 page, which itself answers 403.
    /// </summary>
    public static async Task ShouldBeForbiddenAsync(this TestClient client, HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Forbidden)
            return;
        response.ShouldRedirectTo("/erreur/403");
        var page = await client.GetAsync(response.Headers.Location!.OriginalString);
        page.ShouldBe(HttpStatusCode.Forbidden);
        (await page.TextAsync()).ShouldContain("Accès refusé");
    }

    public static async Task<string> ProblemTitleAsync(this HttpResponseMessage response)
    {
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        problem.ShouldNotBeNull();
        return problem.Title ?? "";
    }

    /// <summary>A client with no cookies: only what it sends in its headers authenticates it.</summary>
    public static HttpClient CreateBareClient(this AppFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>The path and query of the first link to <paramref name="pathPart"/> in an e-mail received by the sink.</summary>
    public static async Task<string> MailLinkAsync(string recipient, string pathPart, Func<MimeKit.MimeMessage, bool>? predicate = null)
    {
        var message = await MailSink.WaitForAsync(recipient, predicate: predicate);
        return new Uri(MailSink.LinkIn(message, pathPart)).PathAndQuery;
    }

    public static bool HasLogoLinkToHome(string html) => LogoRegex().IsMatch(html);

    [GeneratedRegex("<a[^>]*href=\"/\"[^>]*data-testid=\"logo-home\"")]
    private static partial Regex LogoRegex();
}

/// <summary>The API's JSON as a client reads it (the contract, not the server's types).</summary>
public sealed record StaffDto(Guid Id, string Email, string DisplayName, string Role, bool IsActive, bool HasPassword);

public sealed record MeDto(Guid Id, string? Email, string? DisplayName, Guid? StructureId, bool IsSuperAdmin, Guid? ImpersonatorId, List<string> Permissions);

public sealed record AuditItemDto(string? StructureName, string? UserName, string? ImpersonatorName, string Action, string? EntityType, string? EntityId, string? Details);

public sealed record AuditPageDto(List<AuditItemDto> Items, int PageNumber, int PageSize, int TotalCount);

public sealed record StructureCreatedDto(Guid Id, bool InvitationSent);

public sealed record StructureDto(Guid Id, string Name, string Slug, string? ContactEmail, bool IsActive, int Accounts);

public sealed record ApiKeyCreatedDto(string Key);

public sealed record ApiKeyDto(Guid Id, string Name, string Prefix, DateTime? RevokedAtUtc);

public sealed record StaffCreatedDto(Guid Id, bool InvitationSent);
