using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CentresConnectes.TestSupport;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CentresConnectes.IntegrationTests.Infrastructure;

/// <summary>Helpers of these tests only (the shared ones are in TestSupport: TestClient, Responses).</summary>
public static partial class Http
{
    /// <summary>The &lt;main&gt; element only: what differs between two answers, without per-request tokens.</summary>
    public static string MainElement(string html)
    {
        var start = html.IndexOf("<main", StringComparison.Ordinal);
        var end = html.IndexOf("</main>", StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, "the page has no <main>");
        return html[start..end];
    }

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
