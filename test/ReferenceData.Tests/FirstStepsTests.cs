using System.Net;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.ReferenceData.Application;
using CentresConnectes.ReferenceData.Contracts;
using CentresConnectes.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using static CentresConnectes.TestSupport.TestClient;

namespace CentresConnectes.ReferenceData.Tests;

/// <summary>Issue 11, point 4: the « Premiers pas » card of a new structure's home, until every step is done.</summary>
[Collection(SqliteCollection.Name)]
public sealed class FirstStepsTests(SqliteApp app)
{
    private const string Card = "data-testid=\"first-steps\"";

    [Fact]
    public async Task A_new_structure_is_guided_until_its_first_steps_are_done()
    {
        var (structure, admin) = await app.StructureWithAdminAsync("Nouvelle structure guidée");
        var home = await admin.GetTextAsync("/");
        home.ShouldContain("Premiers pas");
        home.ShouldContain(Card);
        home.ShouldContain("0 sur 5 fait(s)");
        foreach (var step in new[] { "Adapter les villes de résidence", "Adapter les groupes", "Écrire le message d'accueil", "Choisir le logo", "Créer les comptes de l'équipe" })
            home.ShouldContain(step);

        // Staff without the settings permission see no card (they could do none of it).
        var animateur = await app.SignInAsync(await app.CreateStaffAsync(structure.Id, Roles.Animateur));
        (await animateur.GetPageAsync("/")).ShouldNotContain(Card);

        // A ville of its own: that step is done; the others remain.
        (await admin.PostFormAsync("/parametres/listes/villes", Form(("label", "Marseille")), "/parametres/listes/villes?handler=Add")).ShouldBe(HttpStatusCode.Redirect);
        (await admin.GetTextAsync("/")).ShouldContain("2 sur 5 fait(s)"); // villes + the animateur's account

        // Another structure's progress is its own.
        var (_, other) = await app.StructureWithAdminAsync("Autre structure guidée");
        (await other.GetTextAsync("/")).ShouldContain("0 sur 5 fait(s)");

        // Everything done: the card goes.
        await app.InScopeAsync(structure.Id, async sp =>
        {
            var lists = sp.GetRequiredService<ReferenceListService>();
            var groups = await lists.ListAsync(ReferenceListKind.Groupe);
            await lists.SetActiveAsync(ReferenceListKind.Groupe, groups.Single(g => g.Code == "culture").Id, false);
            var settings = sp.GetRequiredService<StructureSettingsService>();
            await settings.UpdateWelcomeMessageAsync("<p>Bienvenue !</p>");
            await using var logo = new MemoryStream(TestImages.Make(200, 80, SkiaSharp.SKEncodedImageFormat.Png));
            await settings.UploadLogoAsync(logo, null, null);
        });
        (await admin.GetPageAsync("/")).ShouldNotContain(Card);
    }
}
