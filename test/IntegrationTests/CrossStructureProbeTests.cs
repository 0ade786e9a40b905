using CentresConnectes.IntegrationTests.Infrastructure;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.TestSupport;

namespace CentresConnectes.IntegrationTests;

/// <summary>
/// The TestSupport probe itself (it finds the host's id routes, it notices a missing sample) and
/// Platform's own id routes probed with it.
/// </summary>
public abstract class CrossStructureProbeTests(AppFactory app) : AppTest(app)
{
    [Fact]
    public void Every_id_route_belongs_to_a_module_probe()
    {
        var routes = CrossStructureProbe.Discover(App.Services);
        // The discovery sees pages and API routes, and page POST handlers.
        routes.ShouldContain(r => r.Template == "/adherents/{id:guid}" && r.IsPage);
        routes.ShouldContain(r => r.Template == "/api/persons/{id:guid}" && !r.IsPage && r.Verbs.Any(v => v.Method == "DELETE"));
        routes.ShouldContain(r => r.Template == "/adherents/{id:guid}/supprimer" && r.Verbs.Any(v => v.Method == "POST"));

        var orphans = routes.Where(r => ProbeOwners.OwnerOf(r.Template) is null).Select(r => r.Template).ToList();
        orphans.ShouldBeEmpty("every {id} route must be probed by its module's tests: add its prefix to TestSupport's ProbeOwners and sample ids in the module's cross-structure test");
    }

    [Fact]
    public async Task A_route_without_sample_ids_fails_the_probe_loudly()
    {
        var (_, a) = await App.StructureWithAdminAsync("Sonde A");
        var (_, b) = await App.StructureWithAdminAsync("Sonde B");
        var probe = new CrossStructureProbe(App.Services, "Platform")
            .Skip("/admin/structures/{id:guid}", "test");
        var failure = await Should.ThrowAsync<CrossStructureLeakException>(() => probe.CheckAsync(a, b));
        failure.Message.ShouldContain("no sample ids for");
        failure.Message.ShouldContain("/api/staff/{id:guid}");
    }

    [Fact]
    public async Task A_sample_id_the_owner_cannot_see_either_fails_the_probe()
    {
        var (_, a) = await App.StructureWithAdminAsync("Sonde faux A");
        var (_, b) = await App.StructureWithAdminAsync("Sonde faux B");
        var probe = new CrossStructureProbe(App.Services, "Platform")
            .Sample("/structure/comptes", new { id = Guid.NewGuid() })
            .Sample("/api/staff", new { id = Guid.NewGuid() })
            .Sample("/api/me", new { id = Guid.NewGuid() })
            .Skip("/admin/structures/{id:guid}", "test").Skip("/api/structures/{id:guid}", "test")
            .Skip("/api/structures/{id:guid}/suspend", "test").Skip("/api/structures/{id:guid}/reactivate", "test");
        var failure = await Should.ThrowAsync<CrossStructureLeakException>(() => probe.CheckAsync(a, b));
        failure.Message.ShouldContain("the owning structure itself gets 404");
    }

    [Fact]
    public async Task Another_structure_gets_404_on_every_platform_id_route()
    {
        var (structureA, a) = await App.StructureWithAdminAsync("Plateforme A");
        var (_, b) = await App.StructureWithAdminAsync("Plateforme B");
        var staffA = await UserIdAsync(await App.CreateStaffAsync(structureA.Id, Roles.Animateur));
        (await a.PostJsonAsync("/api/me/api-keys", new { name = "clé A" })).EnsureSuccessStatusCode();
        var keyA = (await a.GetJsonAsync<List<KeyRow>>("/api/me/api-keys")).Single().Id;

        var probe = new CrossStructureProbe(App.Services, "Platform")
            .Sample("/structure/comptes", new { id = staffA })
            .Sample("/api/staff", new { id = staffA })
            .Sample("/api/me", new { id = keyA })
            .Body("PUT", "/api/staff/{id:guid}/role", new { role = Roles.Animateur })
            .Form("/structure/comptes/{id:guid}", "Role", new { role = Roles.TravailleurSocial })
            // Host-only: a structure's admin is refused (403) before any lookup; the super-admin sees every structure by design.
            .Skip("/admin/structures/{id:guid}", "host-only page (super-admin)")
            .Skip("/api/structures/{id:guid}", "host-only API (super-admin)")
            .Skip("/api/structures/{id:guid}/suspend", "host-only API (super-admin)")
            .Skip("/api/structures/{id:guid}/reactivate", "host-only API (super-admin)");
        var checkedRequests = await probe.CheckAsync(a, b);
        checkedRequests.ShouldContain(r => r.StartsWith("DELETE /api/me/api-keys/", StringComparison.Ordinal));
        checkedRequests.ShouldContain(r => r.StartsWith("POST /api/staff/", StringComparison.Ordinal) && r.Contains("/disable"));

        // Nothing of A changed: the account is still active with its role, the key not revoked.
        (await a.GetJsonAsync<List<KeyRow>>("/api/me/api-keys")).Single().RevokedAtUtc.ShouldBeNull();
        (await a.GetAsync($"/api/staff/{staffA}")).EnsureSuccessStatusCode();
        (await App.DbAsync(null, db => Task.FromResult(db.Users.Single(u => u.Id == staffA).IsActive))).ShouldBeTrue();
    }

    private sealed record KeyRow(Guid Id, string Name, DateTime? RevokedAtUtc);
}

[Collection(Apps.Sqlite)]
public sealed class CrossStructureProbeTestsOnSqlite(SqliteApp app) : CrossStructureProbeTests(app);

[Collection(Apps.PostgreSql)]
public sealed class CrossStructureProbeTestsOnPostgreSql(PostgreSqlApp app) : CrossStructureProbeTests(app);
