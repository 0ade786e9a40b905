using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace CentresConnectes.TestSupport;

/// <summary>
/// Finds every API route and Razor page of the running host with an id-like route parameter
/// ({id}, {personId}, any guid constraint) and checks that structure B's session gets 404 for
/// structure A's ids, on GET and on every unsafe verb the route answers (page POST handlers
/// included). Structure A's own session must not get 404 on the GETs: a sample id that A cannot see
/// either would make the check pass for nothing.
///
/// A module's test declares which routes it owns (<see cref="ProbeOwners"/>) and gives sample ids;
/// a route of the module with no sample and no stated reason to skip fails the test, so a new
/// {id} route cannot go unprobed.
/// </summary>
public sealed class CrossStructureProbe
{
    private readonly List<ProbeRoute> routes;
    private readonly string module;
    private readonly List<(string Prefix, IReadOnlyDictionary<string, string> Values)> samples = [];
    private readonly Dictionary<string, string> skipped = new(StringComparer.Ordinal);
    private readonly Dictionary<string, object> bodies = new(StringComparer.Ordinal);

    public CrossStructureProbe(IServiceProvider services, string module)
    {
        if (!ProbeOwners.Prefixes.ContainsKey(module))
            throw new ArgumentException($"{module} owns no routes in ProbeOwners.Prefixes.", nameof(module));
        this.module = module;
        routes = [.. Discover(services).Where(r => ProbeOwners.OwnerOf(r.Template) == module)];
    }

    /// <summary>The routes of this module the probe will visit (for a test to check a route is known).</summary>
    public IReadOnlyList<ProbeRoute> Routes => routes;

    /// <summary>
    /// Route values for every template whose literal start is <paramref name="prefix"/> (the longest
    /// matching prefix wins): e.g. ("/adherents", new { id = personA }).
    /// </summary>
    public CrossStructureProbe Sample(string prefix, object values)
    {
        var dictionary = new RouteValueDictionary(values).ToDictionary(v => v.Key, v => Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "", StringComparer.OrdinalIgnoreCase);
        samples.Add((prefix, dictionary));
        return this;
    }

    /// <summary>A route deliberately not probed, with why (host-only feature, public by design…).</summary>
    public CrossStructureProbe Skip(string template, string reason)
    {
        skipped[template] = reason;
        return this;
    }

    /// <summary>The JSON body sent with "<paramref name="method"/> <paramref name="template"/>" (default: {}), so validation does not answer before the lookup.</summary>
    public CrossStructureProbe Body(string method, string template, object body)
    {
        bodies[$"{method} {template}"] = body;
        return this;
    }

    /// <summary>Form fields posted to a page handler (default: the antiforgery token alone), so validation does not answer before the lookup.</summary>
    public CrossStructureProbe Form(string template, string? handler, object fields)
    {
        bodies[$"POST {template}?handler={handler}"] = fields;
        return this;
    }

    /// <summary>Every id-like route of the host, API and pages.</summary>
    public static IReadOnlyList<ProbeRoute> Discover(IServiceProvider services)
    {
        var source = services.GetRequiredService<EndpointDataSource>();
        var found = new Dictionary<string, ProbeRoute>(StringComparer.Ordinal);
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern;
            var ids = pattern.Parameters.Where(IsIdLike).Select(p => p.Name).ToList();
            if (ids.Count == 0)
                continue;
            var template = "/" + (pattern.RawText ?? "").TrimStart('/');
            var page = endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>();
            var isPage = page is not null || endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null;
            IEnumerable<(string Method, string? Handler)> verbs;
            if (isPage)
            {
                // A page answers GET; each named GET handler (OnGetProgress) and each POST handler
                // (OnPost, OnPostSave…) is another door.
                var handlers = page?.HandlerMethods
                    .Where(h => !string.Equals(h.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase) || h.Name is not null)
                    .Select(h => (h.HttpMethod.ToUpperInvariant(), h.Name)) ?? [];
                verbs = [("GET", null), .. handlers];
            }
            else
            {
                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                verbs = methods.Select(m => (m.ToUpperInvariant(), (string?)null));
            }
            var route = found.TryGetValue(template, out var existing)
                ? existing with { Verbs = [.. existing.Verbs.Union(verbs)] }
                : new ProbeRoute(template, isPage, [.. pattern.Parameters.Select(p => p.Name)], ids, [.. verbs]);
            found[template] = route;
        }
        return [.. found.Values.OrderBy(r => r.Template, StringComparer.Ordinal)];
    }

    private static bool IsIdLike(RoutePatternParameterPart parameter) =>
        parameter.Name.EndsWith("id", StringComparison.OrdinalIgnoreCase)
        || parameter.ParameterPolicies.Any(p => p.Content is not null && p.Content.StartsWith("guid", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Runs the probe: <paramref name="owner"/> is a session of the structure that owns the sample
    /// ids, <paramref name="other"/> a session of another structure (with every permission the
    /// routes need, so a 404 is the tenancy answering, not a 403). Returns what was checked.
    /// </summary>
    public async Task<IReadOnlyList<string>> CheckAsync(TestClient owner, TestClient other)
    {
        var problems = new List<string>();
        var checkedRequests = new List<string>();
        var unsampled = new List<string>();
        var token = await AntiforgeryTokenAsync(other);
        foreach (var route in routes)
        {
            if (skipped.ContainsKey(route.Template))
                continue;
            var url = Fill(route);
            if (url is null)
            {
                unsampled.Add(route.Template);
                continue;
            }
            var ownGet = route.Verbs.Any(v => v.Method == "GET") ? await owner.GetAsync(url) : null;
            if (ownGet is { StatusCode: HttpStatusCode.NotFound })
                problems.Add($"GET {url} ({route.Template}): the owning structure itself gets 404 — the sample id is wrong");
            foreach (var (method, handler) in route.Verbs)
            {
                var target = handler is null ? url : $"{url}{(url.Contains('?') ? '&' : '?')}handler={handler}";
                using var request = new HttpRequestMessage(new HttpMethod(method), target);
                if (method != "GET" && method != "HEAD")
                {
                    if (route.IsPage)
                    {
                        var fields = bodies.TryGetValue($"{method} {route.Template}?handler={handler}", out var given)
                            ? FormFields(given)
                            : [];
                        fields["__RequestVerificationToken"] = token;
                        request.Content = new FormUrlEncodedContent(fields);
                    }
                    else
                        request.Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(bodies.GetValueOrDefault($"{method} {route.Template}") ?? new { }),
                            Encoding.UTF8, "application/json");
                }
                var response = await other.Http.SendAsync(request);
                // A GET-less action page (…/supprimer) sends GETs on to the record's page: that one must refuse.
                for (var hops = 0; method == "GET" && hops < 3 && IsLocalRedirect(response); hops++)
                    response = await other.GetAsync(response.Headers.Location!.OriginalString);
                checkedRequests.Add($"{method} {target} → {(int)response.StatusCode}");
                if (response.StatusCode != HttpStatusCode.NotFound)
                    problems.Add($"{method} {target} ({route.Template}) answered {(int)response.StatusCode} to another structure instead of 404");
            }
        }
        var stale = skipped.Keys.Where(t => routes.All(r => r.Template != t)).ToList();
        if (stale.Count > 0)
            problems.Add($"{module}: Skip names routes that do not exist (renamed?): {string.Join(", ", stale)}");
        if (unsampled.Count > 0)
            problems.Add($"{module}: no sample ids for {string.Join(", ", unsampled)} — give them with Sample(prefix, values) or Skip(template, reason) in the module's cross-structure test");
        if (problems.Count > 0)
            throw new CrossStructureLeakException("Cross-structure probe:\n" + string.Join("\n", problems));
        return checkedRequests;
    }

    private static bool IsLocalRedirect(HttpResponseMessage response) =>
        (int)response.StatusCode is 301 or 302 or 303 or 307 or 308
        && response.Headers.Location is { IsAbsoluteUri: false } location && location.OriginalString.StartsWith('/')
        && !location.OriginalString.StartsWith("/connexion", StringComparison.Ordinal);

    /// <summary>Form fields from a dictionary (names with dots: "Input.Name") or an anonymous object.</summary>
    private static Dictionary<string, string> FormFields(object given) => given is IDictionary<string, string> dictionary
        ? new Dictionary<string, string>(dictionary)
        : new RouteValueDictionary(given).ToDictionary(f => f.Key, f => Convert.ToString(f.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "");

    /// <summary>The route's URL with its sample values, or null when one is missing.</summary>
    private string? Fill(ProbeRoute route)
    {
        var literal = route.Template.Split('{')[0];
        var values = samples.Where(s => literal.StartsWith(s.Prefix, StringComparison.Ordinal))
            .OrderByDescending(s => s.Prefix.Length).Select(s => s.Values).FirstOrDefault();
        if (values is null)
            return null;
        var builder = new StringBuilder();
        var template = route.Template;
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0)
            {
                builder.Append(template, i, template.Length - i);
                break;
            }
            builder.Append(template, i, open - i);
            var close = template.IndexOf('}', open);
            var name = template[(open + 1)..close].Split(':', '=', '?')[0].TrimStart('*');
            if (!values.TryGetValue(name, out var value))
                return null;
            builder.Append(Uri.EscapeDataString(value));
            i = close + 1;
        }
        return builder.ToString();
    }

    /// <summary>Any page of the signed-in user carries a token (the header's sign-out form); it is valid for every form of that session.</summary>
    private static async Task<string> AntiforgeryTokenAsync(TestClient client) => TestClient.AntiforgeryToken(await client.GetPageAsync("/"));
}

/// <summary>An id-like route: its template, its parameters and the verbs (and page handlers) it answers.</summary>
public sealed record ProbeRoute(string Template, bool IsPage, IReadOnlyList<string> Parameters, IReadOnlyList<string> IdParameters,
    IReadOnlyList<(string Method, string? Handler)> Verbs);

/// <summary>
/// Which module's cross-structure test covers which routes (by the start of their template). A
/// route of the host under none of these fails <c>Every_id_route_belongs_to_a_module_probe</c>:
/// a new module adds its prefixes here and probes them in its own tests.
/// </summary>
public static class ProbeOwners
{
    public static readonly IReadOnlyDictionary<string, string[]> Prefixes = new Dictionary<string, string[]>
    {
        ["Platform"] = ["/admin/structures", "/structure/comptes", "/api/structures", "/api/staff", "/api/me"],
        ["ReferenceData"] = ["/parametres", "/api/reference", "/api/settings", "/api/host/reference-defaults", "/admin/listes-par-defaut", "/logo"],
        ["Members"] = ["/adherents", "/familles", "/api/persons", "/api/households"],
        ["Ludotheque"] = ["/ludotheque", "/api/ludotheque"],
        ["Statistics"] = ["/statistiques", "/api/statistics"],
        ["SmsAlerts"] = ["/alertes", "/api/sms", "/admin/sms", "/webhooks/sms"],
    };

    /// <summary>The module owning the route (longest matching prefix), or null.</summary>
    public static string? OwnerOf(string template) =>
        Prefixes.SelectMany(p => p.Value.Select(prefix => (Module: p.Key, Prefix: prefix)))
            .Where(p => template.Equals(p.Prefix, StringComparison.Ordinal) || template.StartsWith(p.Prefix + "/", StringComparison.Ordinal))
            .OrderByDescending(p => p.Prefix.Length).Select(p => p.Module).FirstOrDefault();
}

/// <summary>What the probe found (its own type, so a test can expect it: Shouldly rethrows its own assertion exceptions).</summary>
public sealed class CrossStructureLeakException(string message) : Exception(message);
