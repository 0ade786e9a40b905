using System.Reflection;
using CentresConnectes.Platform.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Razor.Hosting;

namespace CentresConnectes.ArchitectureTests;

/// <summary>
/// Every page says who may open it: a permission, <c>[Authorize]</c>, or <c>[AllowAnonymous]</c>, and
/// the anonymous pages are a short, reviewed list.
/// </summary>
public sealed class PageAuthorizationTests
{
    /// <summary>
    /// The pages anyone may open. Adding one here is a security decision: say why next to it.
    /// </summary>
    public static readonly HashSet<string> AnonymousPages =
    [
        "CentresConnectes.Platform.Areas.Platform.Pages.Account.SetupModel",          // first-run setup (refuses once done)
        "CentresConnectes.Platform.Areas.Platform.Pages.Account.LoginModel",          // sign-in
        "CentresConnectes.Platform.Areas.Platform.Pages.Account.ForgotPasswordModel", // password reset request
        "CentresConnectes.Platform.Areas.Platform.Pages.Account.SetPasswordModel",    // link from the invitation/reset e-mail
        "CentresConnectes.Web.Pages.ErrorModel",                                      // error pages
        "CentresConnectes.Web.Pages.IndexModel",                                      // home: redirects anonymous users to sign-in
        "CentresConnectes.Platform.Areas.Platform.Pages.Kiosk.NotEnrolledModel",      // where a device without kiosk credential is sent
        // Kiosk pages: anonymous, but they run only on an enrolled device, in its structure ([KioskPage], see KioskPageTests).
        .. KioskPageTests.KioskPages,
    ];

    /// <summary>A compiled Razor page: the generated page class and the model it binds (itself without @model).</summary>
    public sealed record RazorPage(string Path, Type PageType, Type ModelType)
    {
        public override string ToString() => Path;

        /// <summary>Attributes of the page (<c>@attribute</c>) and of its PageModel: MVC combines both.</summary>
        public IReadOnlyList<object> Attributes =>
            [.. PageType.GetCustomAttributes(inherit: true), .. ModelType == PageType ? [] : ModelType.GetCustomAttributes(inherit: true)];
    }

    public static IReadOnlyList<RazorPage> PagesOf(Assembly assembly) =>
        assembly.GetCustomAttributes<RazorCompiledItemAttribute>()
            .Where(i => i.Kind == "mvc.1.0.razor-page")
            .Select(i => new RazorPage(i.Identifier, i.Type, ModelOf(i.Type)))
            .ToList();

    private static Type ModelOf(Type page) =>
        page.GetProperty("Model", BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)?.PropertyType ?? page;

    public static IReadOnlyList<RazorPage> AllPages { get; } = Solution.WebAssemblies.SelectMany(PagesOf).ToList();

    public static IReadOnlyList<Type> AllPageModels { get; } = Solution.WebAssemblies
        .SelectMany(a => a.LoadableTypes())
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(PageModel).IsAssignableFrom(t))
        .ToList();

    /// <summary>Why a page's authorization is wrong, or null.</summary>
    public static string? Problem(IReadOnlyList<object> attributes, string name, ISet<string> anonymousAllowed)
    {
        var anonymous = attributes.OfType<IAllowAnonymous>().Any();
        var authorized = attributes.OfType<IAuthorizeData>().Any();
        if (anonymous && !anonymousAllowed.Contains(name))
            return $"{name} is [AllowAnonymous] but not on the reviewed list of anonymous pages";
        if (!anonymous && !authorized)
            return $"{name} declares neither [RequirePermission], [Authorize] nor [AllowAnonymous]";
        return null;
    }

    [Fact]
    public void Pages_are_found()
    {
        AllPages.ShouldContain(p => p.ModelType.Name == "LoginModel");
        AllPages.ShouldContain(p => p.ModelType.FullName == "CentresConnectes.Web.Pages.IndexModel");
        AllPageModels.Count.ShouldBeGreaterThanOrEqualTo(AllPages.Count(p => p.ModelType != p.PageType));
    }

    [Fact]
    public void Every_page_declares_who_may_open_it()
    {
        var problems = AllPages
            .Select(p => Problem(p.Attributes, p.ModelType.FullName!, AnonymousPages))
            .OfType<string>()
            .ToList();
        problems.ShouldBeEmpty();
    }

    [Fact]
    public void Every_page_model_declares_who_may_open_it()
    {
        // Also catches a PageModel whose page is not compiled here.
        var problems = AllPageModels
            .Select(t => Problem(t.GetCustomAttributes(inherit: true), t.FullName!, AnonymousPages))
            .OfType<string>()
            .ToList();
        problems.ShouldBeEmpty();
    }

    [Fact]
    public void Every_allowed_anonymous_page_still_exists()
    {
        // A stale entry would let a new page of the same name in unreviewed.
        foreach (var name in AnonymousPages)
            AllPageModels.ShouldContain(t => t.FullName == name, name);
    }

    [Fact]
    public void The_rule_catches_an_undeclared_or_unlisted_anonymous_page()
    {
        Problem(typeof(PageProbes.Undeclared).GetCustomAttributes(true), "Undeclared", AnonymousPages).ShouldNotBeNull();
        Problem(typeof(PageProbes.Anonymous).GetCustomAttributes(true), "Anonymous", AnonymousPages).ShouldNotBeNull();
        Problem(typeof(PageProbes.Anonymous).GetCustomAttributes(true), "Anonymous", new HashSet<string> { "Anonymous" }).ShouldBeNull();
        Problem(typeof(PageProbes.WithPermission).GetCustomAttributes(true), "WithPermission", AnonymousPages).ShouldBeNull();
        Problem(typeof(PageProbes.Inheriting).GetCustomAttributes(true), "Inheriting", AnonymousPages).ShouldBeNull();
    }

    [Fact]
    public void No_handler_method_carries_authorization_attributes()
    {
        // Razor Pages ignore [Authorize]/[AllowAnonymous] on handlers: such an attribute would look
        // like protection and be none. Put the rule on the page, or split the page.
        var misplaced = AllPageModels
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttributes(true).Any(a => a is IAuthorizeData or IAllowAnonymous))
            .Select(m => $"{m.DeclaringType!.FullName}.{m.Name}")
            .ToList();
        misplaced.ShouldBeEmpty();
    }

    [Fact]
    public void Every_permission_required_by_a_page_is_declared_by_a_module()
    {
        var policies = AllPages.SelectMany(p => p.Attributes.OfType<IAuthorizeData>().Select(a => (Page: p.ToString(), a.Policy)))
            .Concat(AllPageModels.SelectMany(t => t.GetCustomAttributes<RequirePermissionAttribute>(true).Select(a => (Page: t.FullName!, a.Policy))))
            .ToList();
        policies.ShouldContain(p => p.Policy != null && p.Policy.StartsWith(RequirePermissionAttribute.PolicyPrefix, StringComparison.Ordinal));
        var undeclared = policies
            .Where(p => p.Policy is { } policy && policy.StartsWith(RequirePermissionAttribute.PolicyPrefix, StringComparison.Ordinal)
                        && Solution.Permissions.Find(policy[RequirePermissionAttribute.PolicyPrefix.Length..]) is null)
            .Select(p => $"{p.Page}: {p.Policy}")
            .Distinct()
            .ToList();
        undeclared.ShouldBeEmpty();
    }

    [Fact]
    public void The_permission_check_knows_declared_from_undeclared()
    {
        Solution.Permissions.Find(PlatformPermissions.Staff).ShouldNotBeNull();
        Solution.Permissions.Find("Platform.Nothing").ShouldBeNull();
    }
}

internal static class PageProbes
{
    internal sealed class Undeclared : PageModel;

    [AllowAnonymous]
    internal sealed class Anonymous : PageModel;

    [RequirePermission(PlatformPermissions.Staff)]
    internal class WithPermission : PageModel;

    internal sealed class Inheriting : WithPermission;
}
