using System.Net;
using System.Net.Http.Json;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.ReferenceData.Application;
using CentresConnectes.ReferenceData.Contracts;
using CentresConnectes.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace CentresConnectes.ReferenceData.Tests;

/// <summary>The pages, the API and the logo URLs, through HTTP as a browser or an API client would.</summary>
[Collection(SqliteCollection.Name)]
public sealed class WebTests(SqliteApp app)
{
    private RefAppFactory Factory => app.Factory;

    [Fact]
    public async Task The_admin_manages_a_list_from_the_settings_pages()
    {
        var structure = await Factory.CreateStructureAsync("Pages");
        using var admin = await Factory.SignInAsync(structure.AdminEmail);
        var home = await admin.GetPageAsync("/");
        home.ShouldContain("href=\"/parametres\"");

        var hub = await admin.GetPageAsync("/parametres");
        foreach (var title in new[] { "Sexe", "Ville de résidence", "Statut", "Minima sociaux", "Quotient familial", "Groupes", "Catégories", "Tranches d'âge", "Message d'accueil" })
            hub.ShouldContain(title);

        const string page = "/parametres/listes/groupes";
        (await admin.GetPageAsync(page)).ShouldContain("Petite enfance");
        var add = await admin.PostPageAsync(page, page + "?handler=Add", new Dictionary<string, string?> { ["label"] = "Atelier couture" });
        add.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.GetPageAsync(page)).ShouldContain("« Atelier couture » est ajoutée.");

        // htmx: only the list comes back, with the refusal in French.
        var token = TestClient.AntiforgeryToken(await admin.GetPageAsync(page));
        using var request = new HttpRequestMessage(HttpMethod.Post, page + "?handler=Add")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["label"] = "atelier  COUTURE", ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Add("HX-Request", "true");
        var partial = await admin.Http.SendAsync(request);
        partial.StatusCode.ShouldBe(HttpStatusCode.OK);
        var fragment = await partial.Content.ReadAsStringAsync();
        fragment.ShouldStartWith("<div id=\"liste\"");
        fragment.ShouldNotContain("<html");
        fragment.ShouldContain("existe déjà dans la liste « Groupes »");

        var id = await Factory.InScopeAsync(structure.Id, async sp =>
            (await sp.GetRequiredService<ReferenceListService>().ListAsync(ReferenceListKind.Groupe)).Single(g => g.Label == "Atelier couture").Id);
        Factory.Usage.MarkUsed(id);
        var delete = await admin.PostPageAsync(page, $"{page}?handler=Delete&id={id}");
        delete.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        WebUtility.HtmlDecode(await admin.GetPageAsync(page)).ShouldContain("Cette valeur est utilisée : elle a été désactivée au lieu d'être supprimée.");

        (await admin.GetAsync("/parametres/listes/inconnue")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_logo_uploaded_from_the_page_shows_in_the_header_and_publicly_resized_only()
    {
        var structure = await Factory.CreateStructureAsync("Entête");
        using var admin = await Factory.SignInAsync(structure.AdminEmail);
        const string page = "/parametres/message-d-accueil";

        var refused = await admin.PostMultipartAsync(page, page + "?handler=Logo", "logo", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8.ToArray(), "logo.png", "image/png");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()).ShouldContain("n'est pas une image PNG, JPEG ou WebP");

        var jpeg = TestImages.Make(1200, 600, SKEncodedImageFormat.Jpeg);
        var upload = await admin.PostMultipartAsync(page, page + "?handler=Logo", "logo", jpeg, "logo.jpg", "image/jpeg",
            new Dictionary<string, string> { ["maxWidth"] = "240", ["maxHeight"] = "200" });
        upload.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var settingsPage = await admin.GetPageAsync(page);
        settingsPage.ShouldContain("1200 × 600");
        settingsPage.ShouldContain("240 × 120");

        var home = await admin.GetPageAsync("/");
        var logoUrl = $"/logo/{structure.Id}?v=";
        home.ShouldContain(logoUrl);
        home.ShouldContain("data-testid=\"logo-home\"");
        var src = home[home.IndexOf(logoUrl, StringComparison.Ordinal)..];
        src = src[..src.IndexOf('"')];

        using var anonymous = Factory.CreateTestClient();
        var publicLogo = await anonymous.GetAsync(src);
        publicLogo.StatusCode.ShouldBe(HttpStatusCode.OK);
        publicLogo.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        publicLogo.Headers.CacheControl!.Public.ShouldBeTrue();
        TestImages.SizeOf(await publicLogo.Content.ReadAsByteArrayAsync()).ShouldBe((240, 120));
        (await anonymous.GetAsync($"/logo/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // The original is not public.
        (await anonymous.GetAsync("/structure/logo?original=true")).StatusCode.ShouldNotBe(HttpStatusCode.OK);

        var original = await admin.GetAsync("/structure/logo?original=true");
        original.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
        (await original.Content.ReadAsByteArrayAsync()).ShouldBe(jpeg);

        // A staff member of the structure sees the resized logo, not the original.
        var staffEmail = await Factory.CreateStaffAsync(structure.Id, Roles.Animateur);
        using var staff = await Factory.SignInAsync(staffEmail);
        (await staff.GetAsync("/structure/logo")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await staff.GetAsync("/structure/logo?original=true")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_welcome_preview_is_sanitised()
    {
        var structure = await Factory.CreateStructureAsync("Aperçu");
        using var admin = await Factory.SignInAsync(structure.AdminEmail);
        const string page = "/parametres/message-d-accueil";
        var preview = await admin.PostPageAsync(page, page + "?handler=Preview",
            new Dictionary<string, string?> { ["welcomeMessage"] = "<strong>Bonjour</strong><script>alert(1)</script>" });
        var html = await preview.Content.ReadAsStringAsync();
        html.ShouldContain("<strong>Bonjour</strong>");
        html.ShouldNotContain("script");

        var save = await admin.PostPageAsync(page, page + "?handler=Welcome",
            new Dictionary<string, string?> { ["welcomeMessage"] = "Bienvenue <a href=\"javascript:alert(1)\" onclick=\"x()\">ici</a>" });
        save.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await admin.GetPageAsync(page);
        saved.ShouldContain("Bienvenue");
        saved.ShouldNotContain("javascript:alert");
        saved.ShouldNotContain("onclick=\"x()\"");
    }

    [Fact]
    public async Task The_api_reads_for_staff_and_writes_for_admins()
    {
        var structure = await Factory.CreateStructureAsync("API");
        using var admin = await Factory.SignInAsync(structure.AdminEmail);
        var staffEmail = await Factory.CreateStaffAsync(structure.Id, Roles.Animateur);
        using var staff = await Factory.SignInAsync(staffEmail);

        (await staff.GetJsonAsync<List<ReferenceItemDto>>("/api/reference/statuts")).Select(i => i.Code).ShouldContain(ReferenceCodes.Mere);
        (await staff.PostJsonAsync("/api/reference/statuts", new { label = "Tante" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await staff.GetAsync("/api/settings")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await staff.GetAsync("/parametres")).StatusCode.ShouldBe(HttpStatusCode.Redirect); // access denied page

        var created = await admin.PostJsonAsync("/api/reference/statuts", new { label = "Tante" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var tante = (await created.Content.ReadFromJsonAsync<ReferenceItemDto>())!;
        var duplicate = await admin.PostJsonAsync("/api/reference/Statut", new { label = "TANTE" });
        duplicate.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await duplicate.Content.ReadAsStringAsync()).ShouldContain("existe déjà");
        (await admin.PutJsonAsync($"/api/reference/statuts/{tante.Id}", new { label = "Tante ou oncle" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PostJsonAsync($"/api/reference/statuts/{tante.Id}/move", new { direction = "up" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetAsync("/api/reference/inconnue")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var deleted = await admin.Http.DeleteAsync($"/api/reference/statuts/{tante.Id}");
        (await deleted.Content.ReadAsStringAsync()).ShouldContain("\"deleted\":true");

        var bracket = await admin.PostJsonAsync("/api/reference/age-brackets", new { minAge = 100, maxAge = 110 });
        bracket.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.PostJsonAsync("/api/reference/age-brackets", new { minAge = 105, maxAge = 120 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var png = TestImages.Make(500, 500, SKEncodedImageFormat.Webp);
        var logo = await admin.PutLogoAsync(png, "logo.webp", "image/webp", 100, 100);
        logo.StatusCode.ShouldBe(HttpStatusCode.OK);
        var view = (await logo.Content.ReadFromJsonAsync<StructureSettingsView>())!;
        (view.LogoWidth, view.LogoHeight).ShouldBe((100, 100));
        var bad = await admin.PutLogoAsync("pas une image"u8.ToArray(), "logo.png", "image/png");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("PNG, JPEG ou WebP");
    }
}

public sealed class DefaultsApp : IAsyncLifetime
{
    public RefAppFactory Factory { get; } = new(DatabaseProvider.Sqlite);
    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>The super-admin's defaults (own database: they change what new structures get).</summary>
public sealed class DefaultsTests(DefaultsApp app) : IClassFixture<DefaultsApp>
{
    [Fact]
    public async Task Edited_defaults_are_copied_into_structures_created_afterwards()
    {
        var factory = app.Factory;
        var superAdmin = await factory.EnsureSuperAdminAsync();
        var before = await factory.CreateStructureAsync("Avant");
        using var host = await factory.SignInAsync(superAdmin);
        const string page = "/admin/listes-par-defaut";
        var html = await host.GetPageAsync(page);
        html.ShouldContain("Faches-Thumesnil");
        html.ShouldContain("Plus de 964 €");

        (await host.PostPageAsync(page, page + "?handler=Add&kind=villes", new Dictionary<string, string?> { ["label"] = "Wattignies" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await host.PostPageAsync(page, page + "?handler=Add&kind=villes", new Dictionary<string, string?> { ["label"] = "wattignies" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await host.GetPageAsync(page)).ShouldContain("existe déjà");
        var ronchin = await factory.InScopeAsync(null, async sp =>
            (await sp.GetRequiredService<DefaultsService>().ListAsync()).Single(i => i.Kind == ReferenceListKind.Ville && i.Label == "Ronchin").Id);
        (await host.PostPageAsync(page, $"{page}?handler=Delete&id={ronchin}")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await host.PostPageAsync(page, page + "?handler=AddBracket", new Dictionary<string, string?> { ["minAge"] = "100", ["maxAge"] = "120" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // The host API too; a structure admin has no access to the defaults.
        (await host.GetAsync("/api/host/reference-defaults")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var admin = await factory.SignInAsync(before.AdminEmail);
        (await admin.GetAsync("/api/host/reference-defaults")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.GetAsync(page)).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        // The super-admin at host level has no structure settings.
        (await host.GetAsync("/parametres")).StatusCode.ShouldNotBe(HttpStatusCode.OK);

        var after = await factory.CreateStructureAsync("Après");
        await factory.InScopeAsync(after.Id, async sp =>
        {
            var query = sp.GetRequiredService<IReferenceDataQuery>();
            (await query.ListAsync(ReferenceListKind.Ville)).Select(i => i.Label).ShouldBe(["Faches-Thumesnil", "Lille", "Autres", "Wattignies"]);
            (await query.AgeBracketsAsync()).Count.ShouldBe(7);
        });
        // Existing structures keep their own copy.
        await factory.InScopeAsync(before.Id, async sp =>
            (await sp.GetRequiredService<IReferenceDataQuery>().ListAsync(ReferenceListKind.Ville)).Select(i => i.Label)
                .ShouldBe(["Faches-Thumesnil", "Lille", "Ronchin", "Autres"]));
    }
}
