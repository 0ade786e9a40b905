using System.Net;
using System.Net.Http.Json;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.ReferenceData.Application;
using CentresConnectes.ReferenceData.Contracts;
using CentresConnectes.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using static CentresConnectes.TestSupport.TestClient;

namespace CentresConnectes.ReferenceData.Tests;

/// <summary>The pages, the API and the logo URLs, through HTTP as a browser or an API client would.</summary>
[Collection(SqliteCollection.Name)]
public sealed class WebTests(SqliteApp app)
{
    [Fact]
    public async Task The_admin_manages_a_list_from_the_settings_pages()
    {
        var (structure, admin) = await app.StructureWithAdminAsync("Pages");
        var home = await admin.GetPageAsync("/");
        home.ShouldContain("href=\"/parametres\"");

        var hub = await admin.GetPageAsync("/parametres");
        foreach (var title in new[] { "Sexe", "Ville de résidence", "Statut", "Minima sociaux", "Quotient familial", "Groupes", "Catégories", "Tranches d'âge", "Message d'accueil" })
            hub.ShouldContain(title);

        const string page = "/parametres/listes/groupes";
        (await admin.GetPageAsync(page)).ShouldContain("Petite enfance");
        var add = await admin.PostFormAsync(page, Form(("label", "Atelier couture")), page + "?handler=Add");
        add.ShouldBe(HttpStatusCode.Redirect);
        (await admin.GetPageAsync(page)).ShouldContain("« Atelier couture » est ajoutée.");

        // htmx: only the list comes back, with the refusal in French.
        var partial = await admin.PostHtmxFormAsync(page, Form(("label", "atelier  COUTURE")), page + "?handler=Add");
        partial.ShouldBe(HttpStatusCode.OK);
        var fragment = await partial.Content.ReadAsStringAsync();
        fragment.ShouldStartWith("<div id=\"liste\"");
        fragment.ShouldNotContain("<html");
        fragment.ShouldContain("existe déjà dans la liste « Groupes »");

        var id = await app.InScopeAsync(structure.Id, async sp =>
            (await sp.GetRequiredService<ReferenceListService>().ListAsync(ReferenceListKind.Groupe)).Single(g => g.Label == "Atelier couture").Id);
        app.Usage.MarkUsed(id);
        var delete = await admin.PostFormAsync(page, Form(), $"{page}?handler=Delete&id={id}");
        delete.ShouldBe(HttpStatusCode.Redirect);
        (await admin.GetTextAsync(page)).ShouldContain("Cette valeur est utilisée : elle a été désactivée au lieu d'être supprimée.");

        (await admin.GetAsync("/parametres/listes/inconnue")).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_logo_uploaded_from_the_page_shows_in_the_header_and_publicly_resized_only()
    {
        var (structure, admin) = await app.StructureWithAdminAsync("Entête");
        const string page = "/parametres/message-d-accueil";

        var refused = await admin.PostFileAsync(page, "logo", "logo.png", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8.ToArray(), "image/png",
            actionUrl: page + "?handler=Logo");
        refused.ShouldBe(HttpStatusCode.OK);
        (await refused.TextAsync()).ShouldContain("n'est pas une image PNG, JPEG ou WebP");

        var jpeg = TestImages.Make(1200, 600, SKEncodedImageFormat.Jpeg);
        var upload = await admin.PostFileAsync(page, "logo", "logo.jpg", jpeg, "image/jpeg",
            new Dictionary<string, string> { ["maxWidth"] = "240", ["maxHeight"] = "200" }, page + "?handler=Logo");
        upload.ShouldBe(HttpStatusCode.Redirect);

        var settingsPage = await admin.GetPageAsync(page);
        settingsPage.ShouldContain("1200 × 600");
        settingsPage.ShouldContain("240 × 120");

        var home = await admin.GetPageAsync("/");
        var logoUrl = $"/logo/{structure.Id}?v=";
        home.ShouldContain(logoUrl);
        home.ShouldContain("data-testid=\"logo-home\"");
        var src = home[home.IndexOf(logoUrl, StringComparison.Ordinal)..];
        src = src[..src.IndexOf('"')];

        using var anonymous = app.CreateTestClient();
        var publicLogo = await anonymous.GetAsync(src);
        publicLogo.ShouldBe(HttpStatusCode.OK);
        publicLogo.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        publicLogo.Headers.CacheControl!.Public.ShouldBeTrue();
        TestImages.SizeOf(await publicLogo.Content.ReadAsByteArrayAsync()).ShouldBe((240, 120));
        (await anonymous.GetAsync($"/logo/{Guid.NewGuid()}")).ShouldBe(HttpStatusCode.NotFound);
        // The original is not public.
        (await anonymous.GetAsync("/structure/logo?original=true")).StatusCode.ShouldNotBe(HttpStatusCode.OK);

        var original = await admin.GetAsync("/structure/logo?original=true");
        original.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
        (await original.Content.ReadAsByteArrayAsync()).ShouldBe(jpeg);

        // A staff member of the structure sees the resized logo, not the original.
        var staffEmail = await app.CreateStaffAsync(structure.Id, Roles.Animateur);
        using var staff = await app.SignInAsync(staffEmail);
        (await staff.GetAsync("/structure/logo")).ShouldBe(HttpStatusCode.OK);
        (await staff.GetAsync("/structure/logo?original=true")).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_welcome_preview_is_sanitised()
    {
        var (_, admin) = await app.StructureWithAdminAsync("Aperçu");
        const string page = "/parametres/message-d-accueil";
        var preview = await admin.PostFormAsync(page,
            Form(("welcomeMessage", "<strong>Bonjour</strong><script>alert(1)</script>")), page + "?handler=Preview");
        var html = await preview.Content.ReadAsStringAsync();
        html.ShouldContain("<strong>Bonjour</strong>");
        html.ShouldNotContain("script");

        var save = await admin.PostFormAsync(page,
            Form(("welcomeMessage", "Bienvenue <a href=\"javascript:alert(1)\" onclick=\"x()\">ici</a>")), page + "?handler=Welcome");
        save.ShouldBe(HttpStatusCode.Redirect);
        var saved = await admin.GetPageAsync(page);
        saved.ShouldContain("Bienvenue");
        saved.ShouldNotContain("javascript:alert");
        saved.ShouldNotContain("onclick=\"x()\"");
    }

    [Fact]
    public async Task The_api_reads_for_staff_and_writes_for_admins()
    {
        var (structure, admin) = await app.StructureWithAdminAsync("API");
        var staffEmail = await app.CreateStaffAsync(structure.Id, Roles.Animateur);
        using var staff = await app.SignInAsync(staffEmail);

        (await staff.GetJsonAsync<List<ReferenceItemDto>>("/api/reference/statuts")).Select(i => i.Code).ShouldContain(ReferenceCodes.Mere);
        (await staff.PostJsonAsync("/api/reference/statuts", new { label = "Tante" })).ShouldBe(HttpStatusCode.Forbidden);
        (await staff.GetAsync("/api/settings")).ShouldBe(HttpStatusCode.Forbidden);
        (await staff.GetAsync("/parametres")).ShouldBe(HttpStatusCode.Redirect); // access denied page

        var created = await admin.PostJsonAsync("/api/reference/statuts", new { label = "Tante" });
        created.ShouldBe(HttpStatusCode.Created);
        var tante = (await created.Content.ReadFromJsonAsync<ReferenceItemDto>())!;
        var duplicate = await admin.PostJsonAsync("/api/reference/Statut", new { label = "TANTE" });
        duplicate.ShouldBe(HttpStatusCode.BadRequest);
        (await duplicate.Content.ReadAsStringAsync()).ShouldContain("existe déjà");
        (await admin.PutJsonAsync($"/api/reference/statuts/{tante.Id}", new { label = "Tante ou oncle" })).ShouldBe(HttpStatusCode.OK);
        (await admin.PostJsonAsync($"/api/reference/statuts/{tante.Id}/move", new { direction = "up" })).ShouldBe(HttpStatusCode.OK);
        (await admin.GetAsync("/api/reference/inconnue")).ShouldBe(HttpStatusCode.NotFound);
        var deleted = await admin.Http.DeleteAsync($"/api/reference/statuts/{tante.Id}");
        (await deleted.Content.ReadAsStringAsync()).ShouldContain("\"deleted\":true");

        var bracket = await admin.PostJsonAsync("/api/reference/age-brackets", new { minAge = 100, maxAge = 110 });
        bracket.ShouldBe(HttpStatusCode.Created);
        (await admin.PostJsonAsync("/api/reference/age-brackets", new { minAge = 105, maxAge = 120 })).ShouldBe(HttpStatusCode.BadRequest);

        var png = TestImages.Make(500, 500, SKEncodedImageFormat.Webp);
        var logo = await admin.PutLogoAsync(png, "logo.webp", "image/webp", 100, 100);
        logo.ShouldBe(HttpStatusCode.OK);
        var view = (await logo.Content.ReadFromJsonAsync<StructureSettingsView>())!;
        (view.LogoWidth, view.LogoHeight).ShouldBe((100, 100));
        var bad = await admin.PutLogoAsync("pas une image"u8.ToArray(), "logo.png", "image/png");
        bad.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("PNG, JPEG ou WebP");
    }

    [Fact]
    public async Task The_public_logo_address_serves_that_structures_logo_only()
    {
        var (a, adminA) = await app.StructureWithAdminAsync("Logo public A");
        var (b, _) = await app.StructureWithAdminAsync("Logo public B");
        (await adminA.PutLogoAsync(TestImages.Make(400, 200, SKEncodedImageFormat.Png), "a.png", "image/png")).IsSuccessStatusCode.ShouldBeTrue();

        using var anonymous = app.CreateTestClient();
        var logoA = await anonymous.GetAsync($"/logo/{a.Id}");
        logoA.ShouldBe(HttpStatusCode.OK);
        TestImages.SizeOf(await logoA.Content.ReadAsByteArrayAsync()).Width.ShouldBeGreaterThan(0);
        // B has no logo: its address does not fall back on anyone else's.
        (await anonymous.GetAsync($"/logo/{b.Id}")).ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class DefaultsApp() : RefAppFactory(DatabaseProvider.Sqlite);

/// <summary>The super-admin's defaults (own database: they change what new structures get).</summary>
public sealed class DefaultsTests(DefaultsApp factory) : IClassFixture<DefaultsApp>
{
    [Fact]
    public async Task Edited_defaults_are_copied_into_structures_created_afterwards()
    {
        var superAdmin = await factory.EnsureSuperAdminAsync();
        var before = await factory.CreateStructureAsync("Avant");
        using var host = await factory.SignInAsync(superAdmin);
        const string page = "/admin/listes-par-defaut";
        var html = await host.GetPageAsync(page);
        html.ShouldContain("Faches-Thumesnil");
        html.ShouldContain("Plus de 964 €");

        (await host.PostFormAsync(page, Form(("label", "Wattignies")), page + "?handler=Add&kind=villes"))
            .ShouldBe(HttpStatusCode.Redirect);
        (await host.PostFormAsync(page, Form(("label", "wattignies")), page + "?handler=Add&kind=villes"))
            .ShouldBe(HttpStatusCode.Redirect);
        (await host.GetPageAsync(page)).ShouldContain("existe déjà");
        var ronchin = await factory.InScopeAsync(null, async sp =>
            (await sp.GetRequiredService<DefaultsService>().ListAsync()).Single(i => i.Kind == ReferenceListKind.Ville && i.Label == "Ronchin").Id);
        (await host.PostFormAsync(page, Form(), $"{page}?handler=Delete&id={ronchin}")).ShouldBe(HttpStatusCode.Redirect);
        (await host.PostFormAsync(page, Form(("minAge", "100"), ("maxAge", "120")), page + "?handler=AddBracket"))
            .ShouldBe(HttpStatusCode.Redirect);

        // The host API too; a structure admin has no access to the defaults.
        (await host.GetAsync("/api/host/reference-defaults")).ShouldBe(HttpStatusCode.OK);
        using var admin = await factory.SignInAsync(before.AdminEmail);
        (await admin.GetAsync("/api/host/reference-defaults")).ShouldBe(HttpStatusCode.Forbidden);
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
