using System.Security.Claims;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace CentresConnectes.Platform.Tests;

/// <summary>The real <see cref="CurrentTenant"/>: the user's claim, unless a scope changed it.</summary>
public sealed class CurrentTenantTests
{
    private static readonly Guid Claimed = Guid.CreateVersion7();
    private static readonly Guid A = Guid.CreateVersion7();
    private static readonly Guid B = Guid.CreateVersion7();

    private static ICurrentTenant Create(Guid? claimedTenant)
    {
        var accessor = new HttpContextAccessor();
        if (claimedTenant is { } id)
        {
            var identity = new ClaimsIdentity([new Claim(PlatformClaims.TenantId, id.ToString())], "Test");
            accessor.HttpContext = new DefaultHttpContext { User = new ClaimsPrincipal(identity) };
        }
        return new CurrentTenant(accessor);
    }

    [Fact]
    public void Without_a_user_it_is_host_level()
    {
        var tenant = Create(null);
        tenant.Id.ShouldBeNull();
        tenant.IsAvailable.ShouldBeFalse();
    }

    [Fact]
    public void It_is_the_structure_of_the_signed_in_user()
    {
        var tenant = Create(Claimed);
        tenant.Id.ShouldBe(Claimed);
        tenant.IsAvailable.ShouldBeTrue();
    }

    [Fact]
    public void Nested_changes_restore_the_previous_value()
    {
        var tenant = Create(Claimed);
        using (tenant.Change(A))
        {
            tenant.Id.ShouldBe(A);
            using (tenant.Change(B))
            {
                tenant.Id.ShouldBe(B);
                using (tenant.Change(null))
                    tenant.Id.ShouldBeNull();
                tenant.Id.ShouldBe(B);
            }
            tenant.Id.ShouldBe(A);
        }
        tenant.Id.ShouldBe(Claimed);
    }

    [Fact]
    public void Disposing_a_change_twice_restores_only_once()
    {
        var tenant = Create(null);
        using var outer = tenant.Change(A);
        var inner = tenant.Change(B);
        inner.Dispose();
        inner.Dispose();
        tenant.Id.ShouldBe(A);
    }

    [Fact]
    public void A_change_to_host_level_hides_the_claimed_structure()
    {
        var tenant = Create(Claimed);
        using (tenant.Change(null))
        {
            tenant.Id.ShouldBeNull();
            tenant.IsAvailable.ShouldBeFalse();
        }
        tenant.Id.ShouldBe(Claimed);
    }
}
