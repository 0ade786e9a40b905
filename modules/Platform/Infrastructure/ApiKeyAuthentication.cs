using System.Security.Claims;
using System.Text.Encodings.Web;
using CentresConnectes.Platform.Application;
using CentresConnectes.Platform.Domain;
using CentresConnectes.Platform.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CentresConnectes.Platform.Infrastructure;

/// <summary>
/// "Authorization: Bearer cc_…" or "X-Api-Key: cc_…". The key acts as its owner: same structure,
/// same roles, refused when the owner or the structure is disabled.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyService apiKeys,
    IUserClaimsPrincipalFactory<AppUser> principalFactory,
    FailureCounter failures,
    RateLimitSettings limits)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    public static string? ReadKey(Microsoft.AspNetCore.Http.HttpRequest request)
    {
        if (request.Headers.TryGetValue("X-Api-Key", out var header) && !string.IsNullOrWhiteSpace(header))
            return header.ToString().Trim();
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? authorization["Bearer ".Length..].Trim()
            : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = ReadKey(Request);
        if (key is null)
            return AuthenticateResult.NoResult();
        // Guessing keys from one address is cut short: past the limit, not even looked up (429).
        var failureKey = "api-key:" + ClientAddress.Of(Context);
        if (failures.IsBlocked(failureKey, limits.ApiKeyFailuresPerMinute))
        {
            Context.Items[TooManyFailures] = true;
            return AuthenticateResult.Fail("Trop de clés d'API invalides.");
        }
        var user = await apiKeys.FindActiveOwnerAsync(key, Context.RequestAborted);
        if (user is null)
        {
            failures.RecordFailure(failureKey, limits.ApiKeyFailuresPerMinute, TimeSpan.FromMinutes(1));
            return AuthenticateResult.Fail("Clé d'API invalide.");
        }
        var principal = await principalFactory.CreateAsync(user);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(principal.Identities), SchemeName));
    }

    private const string TooManyFailures = "cc.api-key.too-many";

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items.ContainsKey(TooManyFailures))
            await AppRateLimiting.RejectAsync(Context, Context.RequestAborted);
        else
            await base.HandleChallengeAsync(properties);
    }
}
