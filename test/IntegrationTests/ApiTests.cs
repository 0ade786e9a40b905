using System.Data.Common;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CentresConnectes.IntegrationTests.Infrastructure;
using CentresConnectes.Platform.Application;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CentresConnectes.IntegrationTests.Infrastructure.Http;
using static CentresConnectes.TestSupport.TestClient;

namespace CentresConnectes.IntegrationTests;

/// <summary>OpenAPI document, reference page, and per-user API keys.</summary>
public abstract partial class ApiTests(AppFactory app) : AppTest(app)
{
    [Fact]
    public async Task The_OpenAPI_document_and_the_reference_page_are_served_to_signed_in_users_only()
    {
        var anonymous = App.CreateTestClient();
        (await anonymous.GetAsync("/openapi/v1.json")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await anonymous.GetAsync("/scalar/v1")).StatusCode.ShouldNotBe(HttpStatusCode.OK);

        var (_, admin) = await App.StructureWithAdminAsync("OpenAPI");
        var response = await admin.GetAsync("/openapi/v1.json");
        response.ShouldBe(HttpStatusCode.OK);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        document.RootElement.GetProperty("openapi").GetString()!.ShouldStartWith("3.");
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/api/structures");
        paths.ShouldContain("/api/structures/{id}");
        paths.ShouldContain("/api/staff");
        paths.ShouldContain("/api/staff/{id}");
        paths.ShouldContain("/api/staff/{id}/role");
        paths.ShouldContain("/api/me/api-keys");

        var scalar = await admin.GetAsync("/scalar/v1");
        scalar.ShouldBe(HttpStatusCode.OK);
        (await scalar.Content.ReadAsStringAsync()).ShouldContain("openapi/v1.json");
    }

    [Fact]
    public async Task An_api_key_acts_as_its_owner_in_their_structure_until_revoked()
    {
        var (a, _, _) = await StructureWithStaffAsync("Clés A");
        var (b, bStaff, _) = await StructureWithStaffAsync("Clés B");
        var admin = await App.SignInAsync(a.AdminEmail);

        var created = await admin.PostJsonAsync("/api/me/api-keys", new { name = "Tableur de suivi" });
        created.ShouldBe(HttpStatusCode.OK);
        var key = (await created.Content.ReadFromJsonAsync<ApiKeyCreatedDto>())!.Key;
        key.ShouldMatch("^cc_[0-9a-f]{8}_[A-Za-z0-9_-]{40,}$");
        var expectedA = await App.DbAsync(null, db => db.Users.Where(u => u.TenantId == a.Id).Select(u => u.Email!).ToListAsync());

        using var bearer = App.CreateBareClient();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var staff = await bearer.GetFromJsonAsync<List<StaffDto>>("/api/staff");
        staff!.Select(s => s.Email).ShouldBe(expectedA, ignoreOrder: true);
        (await bearer.GetFromJsonAsync<MeDto>("/api/me"))!.StructureId.ShouldBe(a.Id);
        (await bearer.GetAsync($"/api/staff/{await UserIdAsync(bStaff)}")).ShouldBe(HttpStatusCode.NotFound);
        (await bearer.GetAsync("/api/structures")).ShouldBe(HttpStatusCode.Forbidden);

        using var header = App.CreateBareClient();
        header.DefaultRequestHeaders.Add("X-Api-Key", key);
        (await header.GetFromJsonAsync<List<StaffDto>>("/api/staff"))!.Select(s => s.Email).ShouldBe(expectedA, ignoreOrder: true);

        // A key with a wrong secret, or none at all.
        using var wrong = App.CreateBareClient();
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key[..^4] + "AAAA");
        (await wrong.GetAsync("/api/staff")).ShouldBe(HttpStatusCode.Unauthorized);
        using var none = App.CreateBareClient();
        (await none.GetAsync("/api/staff")).ShouldBe(HttpStatusCode.Unauthorized);

        // Revoked: refused at once.
        var keys = await admin.GetJsonAsync<List<ApiKeyDto>>("/api/me/api-keys");
        var mine = keys.ShouldHaveSingleItem();
        key.ShouldStartWith($"cc_{mine.Prefix}_");
        (await admin.Http.DeleteAsync($"/api/me/api-keys/{mine.Id}")).ShouldBe(HttpStatusCode.NoContent);
        (await bearer.GetAsync("/api/staff")).ShouldBe(HttpStatusCode.Unauthorized);
        (await header.GetAsync("/api/staff")).ShouldBe(HttpStatusCode.Unauthorized);

        // Someone else cannot revoke my key.
        var second = (await (await admin.PostJsonAsync("/api/me/api-keys", new { name = "Deuxième" })).Content.ReadFromJsonAsync<ApiKeyCreatedDto>())!.Key;
        var secondId = (await admin.GetJsonAsync<List<ApiKeyDto>>("/api/me/api-keys")).Single(k => k.RevokedAtUtc is null).Id;
        var adminB = await App.SignInAsync(b.AdminEmail);
        (await adminB.Http.DeleteAsync($"/api/me/api-keys/{secondId}")).ShouldBe(HttpStatusCode.NotFound);
        using var stillValid = App.CreateBareClient();
        stillValid.DefaultRequestHeaders.Add("X-Api-Key", second);
        (await stillValid.GetAsync("/api/staff")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Keys_created_and_revoked_on_the_profile_page_work_the_same()
    {
        var (_, admin) = await App.StructureWithAdminAsync("Profil clés");

        var page = await admin.PostFormAsync("/profil", Form(("keyName", "Intégration")), "/profil?handler=CreateKey");
        page.ShouldBe(HttpStatusCode.OK);
        var key = NewKeyRegex().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        key.ShouldStartWith("cc_");

        using var client = App.CreateBareClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        (await client.GetAsync("/api/staff")).ShouldBe(HttpStatusCode.OK);
        (await admin.GetTextAsync("/profil")).ShouldNotContain(key); // shown once only

        var keyId = (await admin.GetJsonAsync<List<ApiKeyDto>>("/api/me/api-keys")).Single().Id;
        (await admin.PostFormAsync("/profil", Form(), $"/profil?handler=RevokeKey&keyId={keyId}")).ShouldRedirectTo("/profil");
        (await client.GetAsync("/api/staff")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_key_of_a_disabled_user_or_of_a_suspended_structure_is_refused()
    {
        var structure = await App.CreateStructureAsync("Clé désactivée");
        var colleague = await App.CreateStaffAsync(structure.Id, Roles.Admin);
        var colleagueId = await UserIdAsync(colleague);
        var colleagueKey = await CreateKeyAsync(await App.SignInAsync(colleague));
        var admin = await App.SignInAsync(structure.AdminEmail);
        var adminKey = await CreateKeyAsync(admin);

        using var asColleague = App.CreateBareClient();
        asColleague.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", colleagueKey);
        (await asColleague.GetAsync("/api/staff")).ShouldBe(HttpStatusCode.OK);

        (await admin.PostJsonAsync($"/api/staff/{colleagueId}/disable", new { })).ShouldBe(HttpStatusCode.NoContent);
        (await asColleague.GetAsync("/api/staff")).ShouldBe(HttpStatusCode.Unauthorized);
        (await asColleague.GetAsync("/api/me")).ShouldBe(HttpStatusCode.Unauthorized);
        // Disabling revoked the key: enabling the account again does not bring it back.
        (await admin.PostJsonAsync($"/api/staff/{colleagueId}/enable", new { })).ShouldBe(HttpStatusCode.NoContent);
        (await asColleague.GetAsync("/api/staff")).ShouldBe(HttpStatusCode.Unauthorized);
        (await App.DbAsync(null, db => db.ApiKeys.Where(k => k.UserId == colleagueId).Select(k => k.RevokedAtUtc).SingleAsync())).ShouldNotBeNull();

        using var asAdmin = App.CreateBareClient();
        asAdmin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
        (await asAdmin.GetAsync("/api/staff")).ShouldBe(HttpStatusCode.OK);
        await App.InScopeAsync(null, sp => sp.GetRequiredService<StructureService>().SetActiveAsync(structure.Id, false));
        (await asAdmin.GetAsync("/api/staff")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Only_a_hash_of_the_key_is_stored()
    {
        var (_, admin) = await App.StructureWithAdminAsync("Clé stockée");
        var key = await CreateKeyAsync(admin);
        var prefix = key.Split('_')[1];
        var secret = key[(key.IndexOf('_', 3) + 1)..];
        secret.Length.ShouldBeGreaterThanOrEqualTo(40);

        var rows = await App.DbAsync(null, async db =>
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT * FROM \"Plt_ApiKeys\"";
                await using var reader = await command.ExecuteReaderAsync();
                var result = new List<Dictionary<string, object>>();
                while (await reader.ReadAsync())
                    result.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, reader.GetValue));
                return result;
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });

        rows.ShouldNotBeEmpty();
        // The query really reads the key's row (found by its public prefix).
        var row = rows.Where(r => r.Values.Any(v => v is string s && s == prefix)).ShouldHaveSingleItem();
        foreach (var (column, value) in row)
        {
            foreach (var form in Representations(value))
            {
                form.ShouldNotContain(secret, Case.Sensitive, $"column {column} holds the secret");
                form.ShouldNotContain(key, Case.Sensitive, $"column {column} holds the key");
            }
        }
    }

    private static IEnumerable<string> Representations(object value) => value switch
    {
        byte[] bytes => [Encoding.UTF8.GetString(bytes), Convert.ToBase64String(bytes), Convert.ToHexString(bytes), Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_')],
        DBNull => [],
        _ => [Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? ""],
    };

    private static async Task<string> CreateKeyAsync(TestSupport.TestClient client)
    {
        var response = await client.PostJsonAsync("/api/me/api-keys", new { name = "Clé de test" });
        response.ShouldBe(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<ApiKeyCreatedDto>())!.Key;
    }

    [GeneratedRegex("data-testid=\"new-api-key\">([^<]+)<")]
    private static partial Regex NewKeyRegex();
}

[Collection(Apps.Sqlite)]
public sealed class ApiTestsOnSqlite(SqliteApp app) : ApiTests(app);

[Collection(Apps.PostgreSql)]
public sealed class ApiTestsOnPostgreSql(PostgreSqlApp app) : ApiTests(app);
