using CentresConnectes.Platform.Contracts;
using CentresConnectes.TestSupport;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CentresConnectes.ArchitectureTests;

/// <summary>The running application (real host on SQLite), started once for the class's tests.</summary>
public sealed class SqliteApp() : AppFactory(DatabaseProvider.Sqlite)
{
    /// <summary>Only the endpoints are read: no first-run setup needed.</summary>
    protected override bool Installed => false;
}

/// <summary>The running application's endpoints: nothing under /api is open.</summary>
public sealed class ApiAuthorizationTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private readonly IReadOnlyList<RouteEndpoint> _api = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("api/", StringComparison.Ordinal) || raw.StartsWith("/api/", StringComparison.Ordinal)))
        .ToList();

    private static string Describe(RouteEndpoint e) =>
        $"{string.Join(",", e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [])} {e.RoutePattern.RawText}";

    [Fact]
    public void Every_api_endpoint_requires_authorization()
    {
        _api.ShouldNotBeEmpty();
        _api.ShouldContain(e => e.RoutePattern.RawText!.Contains("api/staff", StringComparison.Ordinal));
        var open = _api
            .Where(e => !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any() || e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(Describe)
            .ToList();
        open.ShouldBeEmpty();
    }

    [Fact]
    public void Every_permission_required_by_an_api_endpoint_is_declared_by_a_module()
    {
        var undeclared = _api
            .SelectMany(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => (Endpoint: e, a.Policy)))
            .Where(x => x.Policy is { } policy && policy.StartsWith(RequirePermissionAttribute.PolicyPrefix, StringComparison.Ordinal)
                        && Solution.Permissions.Find(policy[RequirePermissionAttribute.PolicyPrefix.Length..]) is null)
            .Select(x => $"{Describe(x.Endpoint)}: {x.Policy}")
            .ToList();
        undeclared.ShouldBeEmpty();
    }
}
