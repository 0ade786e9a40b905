using System.Security.Claims;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CentresConnectes.Platform.Tests;

public sealed class PermissionCatalogTests
{
    private static readonly Guid Structure = Guid.CreateVersion7();
    private static readonly PermissionCatalog Catalog = new(SqliteDatabase.Modules);

    private static ClaimsPrincipal User(Guid? tenantId, params string[] roles)
    {
        var claims = roles.Select(r => new Claim(ClaimTypes.Role, r)).ToList();
        claims.Add(new Claim(ClaimTypes.NameIdentifier, Guid.CreateVersion7().ToString()));
        if (tenantId is { } id)
            claims.Add(new Claim(PlatformClaims.TenantId, id.ToString()));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Test"));
    }

    private static ClaimsPrincipal Anonymous(params string[] roles) =>
        new(new ClaimsIdentity(roles.Select(r => new Claim(ClaimTypes.Role, r)))); // no authentication type

    [Fact]
    public void A_host_permission_needs_the_super_admin_at_host_level()
    {
        Catalog.IsGranted(User(null, Roles.SuperAdmin), PlatformPermissions.Structures).ShouldBeTrue();
        // The super-admin inside a structure (or acting as its admin) holds no host permission.
        Catalog.IsGranted(User(Structure, Roles.SuperAdmin), PlatformPermissions.Structures).ShouldBeFalse();
        Catalog.IsGranted(User(null, Roles.Admin), PlatformPermissions.Structures).ShouldBeFalse();
        Catalog.IsGranted(User(Structure, Roles.Admin), PlatformPermissions.HostAuditLog).ShouldBeFalse();
        Catalog.IsGranted(Anonymous(Roles.SuperAdmin), PlatformPermissions.Structures).ShouldBeFalse();
    }

    [Fact]
    public void A_structure_permission_needs_a_structure_and_a_role_holding_it()
    {
        Catalog.IsGranted(User(Structure, Roles.Admin), PlatformPermissions.Staff).ShouldBeTrue();
        Catalog.IsGranted(User(null, Roles.Admin), PlatformPermissions.Staff).ShouldBeFalse();
        Catalog.IsGranted(User(null, Roles.SuperAdmin), PlatformPermissions.Staff).ShouldBeFalse();
        Catalog.IsGranted(User(Structure, Roles.Animateur), PlatformPermissions.Staff).ShouldBeFalse();
        Catalog.IsGranted(User(Structure, Roles.Famille), PlatformPermissions.AuditLog).ShouldBeFalse();
        Catalog.IsGranted(User(Structure, Roles.Animateur), "Test.Notes").ShouldBeTrue();
        Catalog.IsGranted(User(Structure, Roles.TravailleurSocial), "Test.Notes").ShouldBeFalse();
        Catalog.IsGranted(Anonymous(Roles.Admin), PlatformPermissions.Staff).ShouldBeFalse();
    }

    [Fact]
    public void A_malformed_structure_claim_is_no_structure()
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Admin), new Claim(PlatformClaims.TenantId, "pas-un-guid")], "Test");
        Catalog.IsGranted(new ClaimsPrincipal(identity), PlatformPermissions.Staff).ShouldBeFalse();
    }

    [Theory]
    [InlineData("Platform.Unknown")]
    [InlineData("platform.staff")] // names are case-sensitive
    [InlineData("")]
    public void An_unknown_permission_is_denied(string permission)
    {
        Catalog.IsGranted(User(null, Roles.SuperAdmin), permission).ShouldBeFalse();
        Catalog.IsGranted(User(Structure, Roles.SuperAdmin, Roles.Admin, Roles.Animateur, Roles.TravailleurSocial), permission).ShouldBeFalse();
    }

    [Fact]
    public void The_catalog_lists_every_module_permission()
    {
        Catalog.All.Select(p => p.Name).ShouldContain(PlatformPermissions.Staff);
        Catalog.All.Select(p => p.Name).ShouldContain("Test.Notes");
        Catalog.Find(PlatformPermissions.Jobs)!.HostOnly.ShouldBeTrue();
        Catalog.Find(PlatformPermissions.Jobs)!.GrantedToRoles.ShouldBe([Roles.SuperAdmin]);
    }

    [Fact]
    public void A_permission_defined_twice_is_refused()
    {
        var context = new PermissionDefinitionContext().Add("X.One", "Un", "X", Roles.Admin);
        Should.Throw<InvalidOperationException>(() => context.Add("X.One", "Un bis", "X", Roles.Animateur));
        Should.Throw<InvalidOperationException>(() => context.AddHostOnly("X.One", "Un hôte", "X"));
        // Across modules too: the catalog refuses to start.
        Should.Throw<InvalidOperationException>(() => new PermissionCatalog([.. SqliteDatabase.Modules, new DuplicatingModule()]))
            .Message.ShouldContain(PlatformPermissions.Staff);
    }

    private sealed class DuplicatingModule : IModule
    {
        public string Name => "Duplicating";
        public void AddServices(IServiceCollection services, IConfiguration configuration) { }
        public void ConfigureModel(ModelBuilder modelBuilder, DatabaseProvider provider) { }
        public void DefinePermissions(PermissionDefinitionContext context) =>
            context.Add(PlatformPermissions.Staff, "Doublon", "Autre", Roles.Animateur);
        public void MapEndpoints(IEndpointRouteBuilder endpoints) { }
    }
}
