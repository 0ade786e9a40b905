using System.Net;
using System.Net.Http.Json;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.ReferenceData.Application;
using CentresConnectes.ReferenceData.Contracts;
using CentresConnectes.ReferenceData.Domain;
using CentresConnectes.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using static CentresConnectes.TestSupport.TestClient;

namespace CentresConnectes.ReferenceData.Tests;

/// <summary>
/// Structure B cannot read, list, count, update or delete anything of structure A in the Ref_*
/// tenant tables (Ref_ReferenceItems, Ref_AgeBrackets, Ref_StructureSettings): not by the services,
/// not by the API with crafted ids, not by the pages' handlers. Same checks on both databases.
/// </summary>
public abstract class TenancyFixture(DatabaseProvider provider) : IAsyncLifetime
{
    public const string SecretCity = "Ville secrète de A";
    public const string SecretWelcome = "Message privé de A";

    public RefAppFactory Factory { get; } = new(provider);
    public TestStructure A { get; private set; } = null!;
    public TestStructure B { get; private set; } = null!;
    /// <summary>A's own city.</summary>
    public Guid AItem { get; private set; }
    /// <summary>A's copy of a default value.</summary>
    public Guid ADefault { get; private set; }
    public Guid ABracket { get; private set; }
    public byte[] ALogo { get; private set; } = [];

    public async Task InitializeAsync()
    {
        await Factory.EnsureSuperAdminAsync();
        A = await Factory.CreateStructureAsync("Structure A");
        B = await Factory.CreateStructureAsync("Structure B");
        ALogo = TestImages.Make(640, 320, SKEncodedImageFormat.Png);
        await Factory.InScopeAsync(A.Id, async sp =>
        {
            var lists = sp.GetRequiredService<ReferenceListService>();
            AItem = (await lists.AddAsync(ReferenceListKind.Ville, SecretCity)).Id;
            ADefault = (await lists.ListAsync(ReferenceListKind.Ville)).First(i => i.Code == "lille").Id;
            ABracket = (await sp.GetRequiredService<AgeBracketService>().ListAsync()).First().Id;
            var settings = sp.GetRequiredService<StructureSettingsService>();
            await settings.UpdateWelcomeMessageAsync(SecretWelcome);
            await settings.UpdateContactAsync(new ContactInput("Adresse de A", "0320000001", "a@structure.test", "Horaires de A"));
            await settings.UploadLogoAsync(new MemoryStream(ALogo), null, null);
        });
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

public sealed class PostgreSqlTenancyFixture() : TenancyFixture(DatabaseProvider.PostgreSql);

public sealed class SqliteTenancyFixture() : TenancyFixture(DatabaseProvider.Sqlite);

public abstract class TenancyTests(TenancyFixture fixture)
{
    private readonly RefAppFactory _factory = fixture.Factory;
    private readonly TestStructure _a = fixture.A;
    private readonly TestStructure _b = fixture.B;
    private readonly Guid _aItem = fixture.AItem;
    private readonly Guid _aDefault = fixture.ADefault;
    private readonly Guid _aBracket = fixture.ABracket;
    private readonly byte[] _aLogo = fixture.ALogo;
    private const string SecretCity = TenancyFixture.SecretCity;
    private const string SecretWelcome = TenancyFixture.SecretWelcome;

    [Fact]
    public async Task Services_of_B_cannot_see_or_touch_A()
    {
        await _factory.InScopeAsync(_b.Id, async sp =>
        {
            var lists = sp.GetRequiredService<ReferenceListService>();
            (await lists.ListAsync(ReferenceListKind.Ville)).ShouldNotContain(i => i.Id == _aItem || i.Id == _aDefault || i.Label == SecretCity);
            (await lists.CountsAsync())[ReferenceListKind.Ville].Total.ShouldBe(4);
            foreach (var id in new[] { _aItem, _aDefault })
            {
                await Should.ThrowAsync<EntityNotFoundException>(() => lists.GetAsync(ReferenceListKind.Ville, id));
                await Should.ThrowAsync<EntityNotFoundException>(() => lists.RenameAsync(ReferenceListKind.Ville, id, "Piraté"));
                await Should.ThrowAsync<EntityNotFoundException>(() => lists.MoveAsync(ReferenceListKind.Ville, id, MoveDirection.Up));
                await Should.ThrowAsync<EntityNotFoundException>(() => lists.SetActiveAsync(ReferenceListKind.Ville, id, false));
                await Should.ThrowAsync<EntityNotFoundException>(() => lists.DeleteAsync(ReferenceListKind.Ville, id));
            }
            var own = (await lists.ListAsync(ReferenceListKind.Ville)).Select(i => i.Id).ToList();
            await Should.ThrowAsync<EntityNotFoundException>(() => lists.SetOrderAsync(ReferenceListKind.Ville, [.. own.Skip(1), _aItem]));
            // B may use the same label as A: lists are per structure (another list here, to keep B's cities as they are).
            await lists.AddAsync(ReferenceListKind.Groupe, SecretCity);

            var query = sp.GetRequiredService<IReferenceDataQuery>();
            (await query.FindAsync(_aItem)).ShouldBeNull();
            (await query.AgeBracketsAsync(true)).ShouldNotContain(b => b.Id == _aBracket);

            var brackets = sp.GetRequiredService<AgeBracketService>();
            (await brackets.ListAsync()).ShouldNotContain(b => b.Id == _aBracket);
            await Should.ThrowAsync<EntityNotFoundException>(() => brackets.GetAsync(_aBracket));
            await Should.ThrowAsync<EntityNotFoundException>(() => brackets.UpdateAsync(_aBracket, new AgeBracketInput(null, 0, 1)));
            await Should.ThrowAsync<EntityNotFoundException>(() => brackets.SetActiveAsync(_aBracket, false));
            await Should.ThrowAsync<EntityNotFoundException>(() => brackets.DeleteAsync(_aBracket));

            var settings = sp.GetRequiredService<StructureSettingsService>();
            var view = await settings.GetAsync();
            view.StructureId.ShouldBe(_b.Id);
            (view.WelcomeMessageHtml ?? "").ShouldNotContain(SecretWelcome);
            view.Address.ShouldNotBe("Adresse de A");
            view.HasLogo.ShouldBeFalse();
            (await settings.GetLogoAsync(true)).ShouldBeNull();
            await settings.UpdateWelcomeMessageAsync("Message de B");

            // Raw counts through the shared context: the tenant filter shows B's rows only.
            var db = sp.GetRequiredService<AppDbContext>();
            (await db.Set<ReferenceItem>().CountAsync(i => i.TenantId == _a.Id)).ShouldBe(0);
            (await db.Set<AgeBracket>().CountAsync(a => a.TenantId == _a.Id)).ShouldBe(0);
            (await db.Set<StructureSettings>().CountAsync()).ShouldBe(1);
        });
        await AssertAUntouchedAsync();
    }

    [Fact]
    public async Task The_API_answers_404_to_B_for_A_ids()
    {
        using var b = await _factory.SignInAsync(_b.AdminEmail);
        var list = await b.GetJsonAsync<List<ReferenceItemDto>>("/api/reference/villes");
        list.ShouldNotContain(i => i.Id == _aItem || i.Label == SecretCity);
        list.Count.ShouldBe(4);

        foreach (var id in new[] { _aItem, _aDefault })
        {
            (await b.GetAsync($"/api/reference/villes/{id}")).ShouldBe(HttpStatusCode.NotFound, "GET item");
            (await b.PutJsonAsync($"/api/reference/villes/{id}", new { label = "Piraté" })).ShouldBe(HttpStatusCode.NotFound, "PUT label");
            (await b.PutJsonAsync($"/api/reference/villes/{id}", new { isActive = false })).ShouldBe(HttpStatusCode.NotFound, "PUT inactive");
            (await b.Http.DeleteAsync($"/api/reference/villes/{id}")).ShouldBe(HttpStatusCode.NotFound, "DELETE");
            (await b.PostJsonAsync($"/api/reference/villes/{id}/move", new { direction = "up" })).ShouldBe(HttpStatusCode.NotFound, "move");
        }
        var own = list.Select(i => i.Id).ToList();
        (await b.PostJsonAsync("/api/reference/villes/reorder", new { ids = own.Skip(1).Append(_aItem) })).ShouldBe(HttpStatusCode.NotFound, "reorder");

        var brackets = await b.GetJsonAsync<List<AgeBracketDto>>("/api/reference/age-brackets");
        brackets.ShouldNotContain(x => x.Id == _aBracket);
        (await b.GetAsync($"/api/reference/age-brackets/{_aBracket}")).ShouldBe(HttpStatusCode.NotFound, "GET bracket");
        (await b.PutJsonAsync($"/api/reference/age-brackets/{_aBracket}", new { minAge = 0, maxAge = 1 })).ShouldBe(HttpStatusCode.NotFound, "PUT bracket");
        (await b.Http.DeleteAsync($"/api/reference/age-brackets/{_aBracket}")).ShouldBe(HttpStatusCode.NotFound, "DELETE bracket");

        var settings = await b.GetJsonAsync<StructureSettingsView>("/api/settings");
        settings.StructureId.ShouldBe(_b.Id);
        (settings.WelcomeMessageHtml ?? "").ShouldNotContain(SecretWelcome);
        settings.Address.ShouldNotBe("Adresse de A");
        (await b.GetAsync("/api/settings/logo")).ShouldBe(HttpStatusCode.NotFound, "B has no logo");
        (await b.GetAsync("/structure/logo")).ShouldBe(HttpStatusCode.NotFound, "B has no logo");
        (await b.PutJsonAsync("/api/settings", new { welcomeMessageHtml = "B", address = "Adresse de B" })).ShouldBe(HttpStatusCode.OK);

        await AssertAUntouchedAsync();
    }

    [Fact]
    public async Task The_pages_answer_404_to_B_for_A_ids()
    {
        using var b = await _factory.SignInAsync(_b.AdminEmail);
        const string page = "/parametres/listes/villes";
        var html = await b.GetPageAsync(page);
        html.ShouldNotContain(SecretCity);
        html.ShouldNotContain(_aItem.ToString());

        foreach (var id in new[] { _aItem, _aDefault })
        {
            foreach (var handler in new[] { "Rename", "Deactivate", "Activate", "Delete", "Move" })
            {
                var response = await b.PostFormAsync(page, Form(("label", "Piraté")), $"{page}?handler={handler}&id={id}&direction=Up");
                response.ShouldBe(HttpStatusCode.NotFound, $"{handler} {id}");
            }
        }
        // Another list's URL with A's id: still not found.
        (await b.PostFormAsync("/parametres/listes/sexe", Form(), $"/parametres/listes/sexe?handler=Delete&id={_aItem}")).ShouldBe(HttpStatusCode.NotFound, "other list");

        const string brackets = "/parametres/tranches-d-age";
        (await b.GetPageAsync(brackets)).ShouldNotContain(_aBracket.ToString());
        foreach (var handler in new[] { "Update", "Deactivate", "Activate", "Delete" })
        {
            var response = await b.PostFormAsync(brackets, Form(("label", "Piraté"), ("minAge", "0"), ("maxAge", "1")),
                $"{brackets}?handler={handler}&id={_aBracket}");
            response.ShouldBe(HttpStatusCode.NotFound, $"bracket {handler}");
        }

        var welcome = await b.GetPageAsync("/parametres/message-d-accueil");
        welcome.ShouldNotContain(SecretWelcome);
        welcome.ShouldNotContain($"/logo/{_a.Id}");
        (await b.GetPageAsync("/parametres/coordonnees")).ShouldNotContain("Adresse de A");
        // The header of B never shows A's logo.
        (await b.GetPageAsync("/")).ShouldNotContain(_a.Id.ToString());

        await AssertAUntouchedAsync();
    }

    [Fact]
    public async Task The_cross_structure_probe_gets_404_on_every_reference_data_id_route()
    {
        using var a = await _factory.SignInAsync(_a.AdminEmail);
        using var b = await _factory.SignInAsync(_b.AdminEmail);
        var probe = new CrossStructureProbe(_factory.Services, "ReferenceData")
            .Sample("/api/reference", new { kind = "villes", id = _aItem })
            .Sample("/api/reference/age-brackets", new { id = _aBracket })
            .Body("PUT", "/api/reference/{kind}/{id:guid}", new { label = "Piraté" })
            .Body("PUT", "/api/reference/age-brackets/{id:guid}", new { minAge = 0, maxAge = 1 })
            .Body("POST", "/api/reference/{kind}/{id:guid}/move", new { direction = "up" })
            // Host-only lists (the super-admin's defaults): a structure admin is refused before any lookup.
            .Skip("/api/host/reference-defaults/items/{id:guid}", "host-only (super-admin)")
            .Skip("/api/host/reference-defaults/items/{id:guid}/move", "host-only (super-admin)")
            .Skip("/api/host/reference-defaults/age-brackets/{id:guid}", "host-only (super-admin)")
            // The kiosk shows a structure's logo before anyone signs in: public by design (SPEC).
            .Skip("/logo/{structureId:guid}", "public logo, by design");
        var requests = await probe.CheckAsync(a, b);
        requests.ShouldContain(r => r.StartsWith("DELETE /api/reference/villes/", StringComparison.Ordinal));
        requests.ShouldContain(r => r.StartsWith("DELETE /api/reference/age-brackets/", StringComparison.Ordinal));
        await AssertAUntouchedAsync();
    }

    private async Task AssertAUntouchedAsync() => await _factory.InScopeAsync(_a.Id, async sp =>
    {
        var lists = sp.GetRequiredService<ReferenceListService>();
        var villes = await lists.ListAsync(ReferenceListKind.Ville);
        villes.Select(i => i.Label).ShouldBe(["Faches-Thumesnil", "Lille", "Ronchin", "Autres", SecretCity]);
        villes.ShouldAllBe(i => i.IsActive);
        var brackets = await sp.GetRequiredService<AgeBracketService>().ListAsync();
        brackets.Count.ShouldBe(6);
        brackets.Single(x => x.Id == _aBracket).ShouldSatisfyAllConditions(x => x.MaxAge.ShouldBe(2), x => x.IsActive.ShouldBeTrue());
        var settings = await sp.GetRequiredService<StructureSettingsService>().GetAsync();
        settings.WelcomeMessageHtml!.ShouldContain(SecretWelcome);
        settings.Address.ShouldBe("Adresse de A");
        (await sp.GetRequiredService<StructureSettingsService>().GetLogoAsync(true))!.Bytes.ShouldBe(_aLogo);
    });
}

public sealed class PostgreSqlTenancyTests(PostgreSqlTenancyFixture fixture) : TenancyTests(fixture), IClassFixture<PostgreSqlTenancyFixture>;

public sealed class SqliteTenancyTests(SqliteTenancyFixture fixture) : TenancyTests(fixture), IClassFixture<SqliteTenancyFixture>;
