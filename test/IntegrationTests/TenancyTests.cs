using System.Collections.Concurrent;
using System.Net;
using CentresConnectes.IntegrationTests.Infrastructure;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CentresConnectes.IntegrationTests.Infrastructure.Http;
using static CentresConnectes.TestSupport.TestClient;

namespace CentresConnectes.IntegrationTests;

/// <summary>
/// Isolation between structures: the admin of A never sees nor changes anything of B, whatever
/// the request says about the tenant; pooled contexts never carry a tenant from one request to another.
/// </summary>
public abstract class TenancyTests(AppFactory app) : AppTest(app), IAsyncLifetime
{
    private TestStructure _a = null!;
    private TestStructure _b = null!;
    private string _bStaff = null!;
    private Guid _bStaffId;
    private TestClient _adminA = null!;
    private TestClient _adminB = null!;

    public async Task InitializeAsync()
    {
        (_a, _, _) = await StructureWithStaffAsync("Structure A");
        (_b, _bStaff, _) = await StructureWithStaffAsync("Structure B");
        _bStaffId = await UserIdAsync(_bStaff);
        _adminA = await App.SignInAsync(_a.AdminEmail);
        _adminB = await App.SignInAsync(_b.AdminEmail);
    }

    public Task DisposeAsync()
    {
        _adminA.Dispose();
        _adminB.Dispose();
        return Task.CompletedTask;
    }

    private Task<List<string>> EmailsOfAsync(Guid structureId) =>
        App.DbAsync(null, db => db.Users.Where(u => u.TenantId == structureId).Select(u => u.Email!).ToListAsync());

    [Fact]
    public async Task Another_structures_account_answers_404_on_every_page_and_endpoint_and_stays_unchanged()
    {
        (await _adminB.GetAsync($"/structure/comptes/{_bStaffId}")).ShouldBe(HttpStatusCode.OK); // it exists, for B

        var page = await _adminA.GetAsync($"/structure/comptes/{_bStaffId}");
        page.ShouldBe(HttpStatusCode.NotFound);
        var text = await page.TextAsync();
        text.ShouldContain("Page introuvable");
        text.ShouldNotContain(_bStaff);

        (await _adminA.GetAsync($"/api/staff/{_bStaffId}")).ShouldBe(HttpStatusCode.NotFound);
        (await _adminA.PutJsonAsync($"/api/staff/{_bStaffId}/role", new { role = Roles.Admin })).ShouldBe(HttpStatusCode.NotFound);
        (await _adminA.PostJsonAsync($"/api/staff/{_bStaffId}/disable", new { })).ShouldBe(HttpStatusCode.NotFound);
        (await _adminA.PostJsonAsync($"/api/staff/{_bStaffId}/enable", new { })).ShouldBe(HttpStatusCode.NotFound);

        // The page handlers, with a valid antiforgery token of A's admin.
        (await _adminA.PostFormAsync("/structure/comptes", Form(("role", Roles.Admin)), $"/structure/comptes/{_bStaffId}?handler=Role"))
            .ShouldBe(HttpStatusCode.NotFound);
        (await _adminA.PostFormAsync("/structure/comptes", Form(), $"/structure/comptes/{_bStaffId}?handler=Disable"))
            .ShouldBe(HttpStatusCode.NotFound);
        (await _adminA.PostFormAsync("/structure/comptes", Form(), $"/structure/comptes/{_bStaffId}?handler=Invite"))
            .ShouldBe(HttpStatusCode.NotFound);

        var bStaff = await UserAsync(_bStaff);
        bStaff.IsActive.ShouldBeTrue();
        bStaff.TenantId.ShouldBe(_b.Id);
        (await _adminB.GetJsonAsync<StaffDto>($"/api/staff/{_bStaffId}")).Role.ShouldBe(Roles.Animateur);
        var bId = _bStaffId.ToString();
        (await App.DbAsync(null, db => db.AuditEntries.AnyAsync(a => a.EntityId == bId && a.TenantId == _a.Id))).ShouldBeFalse();
    }

    [Fact]
    public async Task Lists_show_only_the_own_structures_accounts()
    {
        var expectedA = await EmailsOfAsync(_a.Id);
        var expectedB = await EmailsOfAsync(_b.Id);
        expectedA.Count.ShouldBe(3);
        expectedB.Count.ShouldBe(3);

        (await _adminA.GetJsonAsync<List<StaffDto>>("/api/staff")).Select(s => s.Email).ShouldBe(expectedA, ignoreOrder: true);
        (await _adminB.GetJsonAsync<List<StaffDto>>("/api/staff")).Select(s => s.Email).ShouldBe(expectedB, ignoreOrder: true);

        var pageA = await _adminA.GetTextAsync("/structure/comptes");
        foreach (var email in expectedA) pageA.ShouldContain(email);
        foreach (var email in expectedB) pageA.ShouldNotContain(email);
    }

    [Fact]
    public async Task The_audit_log_of_A_never_shows_Bs_entries()
    {
        // B's admin does things in B (sign-ins happened in InitializeAsync; a role change now).
        (await _adminB.PutJsonAsync($"/api/staff/{_bStaffId}/role", new { role = Roles.TravailleurSocial })).ShouldBe(HttpStatusCode.NoContent);
        (await App.DbAsync(null, db => db.AuditEntries.CountAsync(a => a.TenantId == _b.Id))).ShouldBeGreaterThanOrEqualTo(2);
        var bEmails = await EmailsOfAsync(_b.Id);

        var api = await _adminA.GetJsonAsync<AuditPageDto>("/api/audit");
        api.Items.ShouldNotBeEmpty();
        api.TotalCount.ShouldBe(await App.DbAsync(null, db => db.AuditEntries.CountAsync(a => a.TenantId == _a.Id)));
        api.Items.ShouldContain(i => i.UserName == _a.AdminEmail && i.Action == "Connexion");
        api.Items.ShouldAllBe(i => i.StructureName == _a.Name);
        api.Items.ShouldNotContain(i => bEmails.Contains(i.UserName ?? "") || i.EntityId == _bStaffId.ToString());

        var page = await _adminA.GetTextAsync("/structure/journal");
        page.ShouldContain(_a.AdminEmail);
        page.ShouldNotContain(_b.Name);
        foreach (var email in bEmails) page.ShouldNotContain(email);

        // And the other way round: B sees its own entries, not A's.
        var apiB = await _adminB.GetJsonAsync<AuditPageDto>("/api/audit");
        apiB.Items.ShouldContain(i => i.Action == "Rôle modifié");
        apiB.Items.ShouldAllBe(i => i.StructureName == _b.Name);
        (await _adminA.GetJsonAsync<AuditPageDto>("/api/audit")).Items.ShouldNotContain(i => i.Action == "Rôle modifié");

        // The host-level journal is not theirs.
        (await _adminA.GetAsync("/api/host/audit")).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_forged_tenant_in_header_query_or_form_changes_nothing()
    {
        var expectedA = await EmailsOfAsync(_a.Id);
        var forged = await App.SignInAsync(_a.AdminEmail);
        forged.Http.DefaultRequestHeaders.Add("X-Tenant-Id", _b.Id.ToString());
        forged.Http.DefaultRequestHeaders.Add("X-Tenant", _b.Id.ToString());
        forged.Http.DefaultRequestHeaders.Add("__tenant", _b.Id.ToString());
        var query = $"tenantId={_b.Id}&__tenant={_b.Id}&TenantId={_b.Id}&structureId={_b.Id}";

        // Reads.
        (await forged.GetJsonAsync<List<StaffDto>>($"/api/staff?{query}")).Select(s => s.Email).ShouldBe(expectedA, ignoreOrder: true);
        (await forged.GetAsync($"/api/staff/{_bStaffId}?{query}")).ShouldBe(HttpStatusCode.NotFound);
        (await forged.GetAsync($"/structure/comptes/{_bStaffId}?{query}")).ShouldBe(HttpStatusCode.NotFound);
        var page = await forged.GetTextAsync($"/structure/comptes?{query}");
        page.ShouldContain(_a.AdminEmail);
        page.ShouldNotContain(_b.AdminEmail);
        (await forged.GetJsonAsync<AuditPageDto>($"/api/audit?{query}")).Items.ShouldAllBe(i => i.StructureName == _a.Name);
        (await forged.GetJsonAsync<MeDto>($"/api/me?{query}")).StructureId.ShouldBe(_a.Id);

        // Writes: a form field and a JSON property naming B, on top of the header and query.
        var fromForm = $"form-{Guid.NewGuid():N}@structure.test";
        (await forged.PostFormAsync("/structure/comptes", Form(
                ("Input.DisplayName", "Par formulaire"), ("Input.Email", fromForm), ("Input.Role", Roles.Animateur),
                ("TenantId", _b.Id.ToString()), ("Input.TenantId", _b.Id.ToString()), ("__tenant", _b.Id.ToString())),
            $"/structure/comptes?{query}"))
            .ShouldRedirectTo("/structure/comptes");
        (await UserAsync(fromForm)).TenantId.ShouldBe(_a.Id);

        var fromJson = $"json-{Guid.NewGuid():N}@structure.test";
        (await forged.PostJsonAsync($"/api/staff?{query}", new { email = fromJson, displayName = "Par API", role = Roles.Animateur, tenantId = _b.Id, structureId = _b.Id }))
            .ShouldBe(HttpStatusCode.Created);
        (await UserAsync(fromJson)).TenantId.ShouldBe(_a.Id);

        (await forged.PostJsonAsync($"/api/staff/{_bStaffId}/disable?{query}", new { tenantId = _b.Id })).ShouldBe(HttpStatusCode.NotFound);
        (await UserAsync(_bStaff)).IsActive.ShouldBeTrue();
        (await _adminB.GetJsonAsync<List<StaffDto>>("/api/staff")).ShouldNotContain(s => s.Email == fromForm || s.Email == fromJson);
    }

    [Fact]
    public async Task A_thousand_requests_alternating_two_structures_never_leak_across_pooled_contexts()
    {
        var expected = new Dictionary<Guid, HashSet<string>>
        {
            [_a.Id] = [.. await EmailsOfAsync(_a.Id)],
            [_b.Id] = [.. await EmailsOfAsync(_b.Id)],
        };
        expected[_a.Id].Overlaps(expected[_b.Id]).ShouldBeFalse();
        var clients = new[] { (_a.Id, _adminA), (_b.Id, _adminB) };
        var failures = new ConcurrentBag<string>();
        var served = 0;

        // Four workers, each alternating A and B: requests of both structures interleave on the pool.
        await Parallel.ForEachAsync(Enumerable.Range(0, 1000), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
        {
            var (structureId, client) = clients[i % 2];
            var response = await client.Http.GetAsync("/api/staff", ct);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"#{i}: {(int)response.StatusCode}");
                return;
            }
            var emails = (await response.Content.ReadFromJsonAsync<List<StaffDto>>(ct))!.Select(s => s.Email).ToHashSet();
            if (!emails.SetEquals(expected[structureId]))
                failures.Add($"#{i} for {structureId}: {string.Join(", ", emails)}");
            Interlocked.Increment(ref served);
        });

        failures.ShouldBeEmpty();
        served.ShouldBe(1000);
    }
}

[Collection(Apps.Sqlite)]
public sealed class TenancyTestsOnSqlite(SqliteApp app) : TenancyTests(app);

[Collection(Apps.PostgreSql)]
public sealed class TenancyTestsOnPostgreSql(PostgreSqlApp app) : TenancyTests(app);
