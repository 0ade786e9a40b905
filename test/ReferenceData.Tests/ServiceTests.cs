using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.ReferenceData.Application;
using CentresConnectes.ReferenceData.Contracts;
using CentresConnectes.ReferenceData.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace CentresConnectes.ReferenceData.Tests;

[Collection(SqliteCollection.Name)]
public sealed class ProvisioningTests(SqliteApp app)
{
    [Fact]
    public async Task A_new_structure_gets_a_copy_of_the_defaults_and_its_settings_row()
    {
        var structure = await app.CreateStructureAsync("Copie");
        await app.InScopeAsync(structure.Id, async sp =>
        {
            var query = sp.GetRequiredService<IReferenceDataQuery>();
            (await query.ListAsync(ReferenceListKind.Sexe)).Select(i => (i.Label, i.Code)).ShouldBe([("Femme", "f"), ("Homme", "m")]);
            (await query.ListAsync(ReferenceListKind.QuotientFamilial)).Select(i => i.Label).ShouldBe(
                ["0 à 480 €", "481 à 581 €", "582 à 683 €", "684 à 792 €", "793 à 963 €", "Plus de 964 €"]);
            (await query.ListAsync(ReferenceListKind.Statut)).Select(i => i.Code).ShouldContain(ReferenceCodes.EnfantACharge);
            (await query.ListAsync(ReferenceListKind.MinimaSociaux)).Select(i => i.Code).ShouldBe(["non", "rsa", "aah", "aeh", "minimum-vieillesse"]);
            foreach (var kind in ReferenceListKinds.All)
                (await query.ListAsync(kind)).ShouldNotBeEmpty(kind.ToString());
            (await query.AgeBracketsAsync()).Select(b => (b.MinAge, b.MaxAge)).ShouldBe([(0, 2), (3, 6), (7, 11), (12, 17), (18, 54), (55, 99)]);

            var db = sp.GetRequiredService<AppDbContext>();
            (await db.Set<StructureSettings>().CountAsync()).ShouldBe(1);
            // Stamped by the interceptor with the new structure, not by hand.
            (await db.Set<ReferenceItem>().AllAsync(i => i.TenantId == structure.Id)).ShouldBeTrue();
        });
    }

    [Fact]
    public async Task Completing_existing_structures_is_idempotent_and_leaves_filled_lists_alone()
    {
        var structure = await app.CreateStructureAsync("Ancienne");
        // Simulate a structure created before the module: no cities, no brackets, no settings; one custom group.
        await app.InScopeAsync(structure.Id, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            await db.Set<ReferenceItem>().Where(i => i.Kind == ReferenceListKind.Ville).ExecuteDeleteAsync();
            await db.Set<AgeBracket>().ExecuteDeleteAsync();
            await db.Set<StructureSettings>().ExecuteDeleteAsync();
            await db.Set<ReferenceItem>().Where(i => i.Kind == ReferenceListKind.Groupe).ExecuteDeleteAsync();
            db.Set<ReferenceItem>().Add(new ReferenceItem(ReferenceListKind.Groupe, "Atelier cuisine", null, 1));
            await db.SaveChangesAsync();
        });

        var first = await app.InScopeAsync(null, sp => sp.GetRequiredService<DefaultsService>().ProvisionExistingStructuresAsync());
        first.ShouldBeGreaterThanOrEqualTo(1);
        var second = await app.InScopeAsync(null, sp => sp.GetRequiredService<DefaultsService>().ProvisionExistingStructuresAsync());
        second.ShouldBe(0);

        await app.InScopeAsync(structure.Id, async sp =>
        {
            var query = sp.GetRequiredService<IReferenceDataQuery>();
            (await query.ListAsync(ReferenceListKind.Ville)).Select(i => i.Label).ShouldBe(["Faches-Thumesnil", "Lille", "Ronchin", "Autres"]);
            (await query.ListAsync(ReferenceListKind.Groupe)).Select(i => i.Label).ShouldBe(["Atelier cuisine"]);
            (await query.AgeBracketsAsync()).Count.ShouldBe(6);
            (await sp.GetRequiredService<AppDbContext>().Set<StructureSettings>().CountAsync()).ShouldBe(1);
        });
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ReferenceListServiceTests(SqliteApp app)
{
    private async Task<T> InStructure<T>(Func<ReferenceListService, IServiceProvider, Task<T>> action)
    {
        var structure = await app.CreateStructureAsync("Listes");
        return await app.InScopeAsync(structure.Id, sp => action(sp.GetRequiredService<ReferenceListService>(), sp));
    }

    [Fact]
    public async Task Duplicates_are_refused_whatever_the_case_accents_and_spaces() => await InStructure(async (lists, _) =>
    {
        var added = await lists.AddAsync(ReferenceListKind.Ville, "  Wattignies  ");
        added.Label.ShouldBe("Wattignies");
        added.Code.ShouldBeNull();
        foreach (var same in new[] { "wattignies", "WATTIGNIES", "Wattignïes", " Wattignies ", "lille", "Faches Thumesnil", "faches-thumesnil" })
        {
            var ex = await Should.ThrowAsync<BusinessException>(() => lists.AddAsync(ReferenceListKind.Ville, same));
            ex.Message.ShouldContain("existe déjà dans la liste « Ville de résidence »");
        }
        // The same label in another list is fine.
        await lists.AddAsync(ReferenceListKind.Groupe, "Lille");
        // Renaming onto another value is refused too; renaming to a new label works.
        (await Should.ThrowAsync<BusinessException>(() => lists.RenameAsync(ReferenceListKind.Ville, added.Id, "LILLE"))).Message.ShouldContain("Lille");
        (await lists.RenameAsync(ReferenceListKind.Ville, added.Id, "Wattignies-centre")).Label.ShouldBe("Wattignies-centre");
        return true;
    });

    [Fact]
    public async Task A_deactivated_duplicate_says_to_reactivate_it() => await InStructure(async (lists, _) =>
    {
        var lille = (await lists.ListAsync(ReferenceListKind.Ville)).Single(i => i.Label == "Lille");
        await lists.SetActiveAsync(ReferenceListKind.Ville, lille.Id, false);
        var ex = await Should.ThrowAsync<BusinessException>(() => lists.AddAsync(ReferenceListKind.Ville, "Lille"));
        ex.Message.ShouldContain("désactivée");
        return true;
    });

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("---")]
    public async Task Empty_labels_are_refused(string label) => await InStructure(async (lists, _) =>
    {
        await Should.ThrowAsync<BusinessException>(() => lists.AddAsync(ReferenceListKind.Groupe, label));
        return true;
    });

    [Fact]
    public async Task A_label_longer_than_100_characters_is_refused() => await InStructure(async (lists, _) =>
    {
        (await Should.ThrowAsync<BusinessException>(() => lists.AddAsync(ReferenceListKind.Groupe, new string('a', 101)))).Message.ShouldContain("100");
        return true;
    });

    [Fact]
    public async Task An_unused_value_is_deleted_a_used_one_is_deactivated() => await InStructure(async (lists, _) =>
    {
        var unused = await lists.AddAsync(ReferenceListKind.Groupe, "Sorties");
        var used = await lists.AddAsync(ReferenceListKind.Groupe, "Parentalité");
        app.Usage.MarkUsed(used.Id);

        var deleted = await lists.DeleteAsync(ReferenceListKind.Groupe, unused.Id);
        deleted.Deleted.ShouldBeTrue();
        var kept = await lists.DeleteAsync(ReferenceListKind.Groupe, used.Id);
        kept.Deleted.ShouldBeFalse();
        kept.Message.ShouldBe("Cette valeur est utilisée : elle a été désactivée au lieu d'être supprimée.");

        var groups = await lists.ListAsync(ReferenceListKind.Groupe);
        groups.ShouldNotContain(g => g.Id == unused.Id);
        groups.Single(g => g.Id == used.Id).IsActive.ShouldBeFalse();
        // Other modules see active values only, unless they ask.
        return true;
    });

    [Fact]
    public async Task Deactivated_values_are_hidden_from_other_modules_unless_asked() => await InStructure(async (lists, sp) =>
    {
        var item = await lists.AddAsync(ReferenceListKind.Categorie, "Logement");
        await lists.SetActiveAsync(ReferenceListKind.Categorie, item.Id, false);
        var query = sp.GetRequiredService<IReferenceDataQuery>();
        (await query.ListAsync(ReferenceListKind.Categorie)).ShouldNotContain(i => i.Id == item.Id);
        (await query.ListAsync(ReferenceListKind.Categorie, includeInactive: true)).ShouldContain(i => i.Id == item.Id && !i.IsActive);
        (await query.FindAsync(item.Id))!.IsActive.ShouldBeFalse();
        await lists.SetActiveAsync(ReferenceListKind.Categorie, item.Id, true);
        (await query.ListAsync(ReferenceListKind.Categorie)).ShouldContain(i => i.Id == item.Id);
        return true;
    });

    [Fact]
    public async Task Values_move_up_and_down_and_the_whole_order_can_be_set() => await InStructure(async (lists, _) =>
    {
        async Task<string[]> Labels() => (await lists.ListAsync(ReferenceListKind.Ville)).Select(i => i.Label).ToArray();
        var items = await lists.ListAsync(ReferenceListKind.Ville);
        var ronchin = items.Single(i => i.Label == "Ronchin");

        await lists.MoveAsync(ReferenceListKind.Ville, ronchin.Id, MoveDirection.Up);
        (await Labels()).ShouldBe(["Faches-Thumesnil", "Ronchin", "Lille", "Autres"]);
        await lists.MoveAsync(ReferenceListKind.Ville, ronchin.Id, MoveDirection.Up);
        await lists.MoveAsync(ReferenceListKind.Ville, ronchin.Id, MoveDirection.Up); // already first: nothing
        (await Labels()).ShouldBe(["Ronchin", "Faches-Thumesnil", "Lille", "Autres"]);
        await lists.MoveAsync(ReferenceListKind.Ville, ronchin.Id, MoveDirection.Down);
        (await Labels()).ShouldBe(["Faches-Thumesnil", "Ronchin", "Lille", "Autres"]);

        var reversed = (await lists.ListAsync(ReferenceListKind.Ville)).Select(i => i.Id).Reverse().ToList();
        await lists.SetOrderAsync(ReferenceListKind.Ville, reversed);
        (await Labels()).ShouldBe(["Autres", "Lille", "Ronchin", "Faches-Thumesnil"]);
        (await lists.ListAsync(ReferenceListKind.Ville)).Select(i => i.Order).ShouldBe([1, 2, 3, 4]);

        // Incomplete or repeated orders are refused; an id of another list is "not found".
        await Should.ThrowAsync<BusinessException>(() => lists.SetOrderAsync(ReferenceListKind.Ville, reversed.Take(2).ToList()));
        await Should.ThrowAsync<BusinessException>(() => lists.SetOrderAsync(ReferenceListKind.Ville, [.. reversed.Take(3), reversed[0]]));
        var sexe = (await lists.ListAsync(ReferenceListKind.Sexe)).First();
        await Should.ThrowAsync<EntityNotFoundException>(() => lists.SetOrderAsync(ReferenceListKind.Ville, [.. reversed.Take(3), sexe.Id]));
        await Should.ThrowAsync<EntityNotFoundException>(() => lists.RenameAsync(ReferenceListKind.Ville, sexe.Id, "Autre nom"));
        return true;
    });

    [Fact]
    public async Task Two_simultaneous_additions_of_the_same_value_give_one() 
    {
        var structure = await app.CreateStructureAsync("Course");
        var attempts = Enumerable.Range(0, 4).Select(_ => app.InScopeAsync(structure.Id, async sp =>
        {
            try
            {
                await sp.GetRequiredService<ReferenceListService>().AddAsync(ReferenceListKind.Groupe, "Théâtre");
                return true;
            }
            catch (BusinessException)
            {
                return false;
            }
        }));
        var results = await Task.WhenAll(attempts);
        results.Count(r => r).ShouldBe(1);
        await app.InScopeAsync(structure.Id, async sp =>
            (await sp.GetRequiredService<ReferenceListService>().ListAsync(ReferenceListKind.Groupe)).Count(g => g.Label == "Théâtre").ShouldBe(1));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AgeBracketServiceTests(SqliteApp app)
{
    private async Task Run(Func<AgeBracketService, Task> action)
    {
        var structure = await app.CreateStructureAsync("Tranches");
        await app.InScopeAsync(structure.Id, sp => action(sp.GetRequiredService<AgeBracketService>()));
    }

    [Theory]
    [InlineData(-1, 5, "0 à 120")]
    [InlineData(10, 121, "0 à 120")]
    [InlineData(12, 8, "inférieur ou égal")]
    [InlineData(null, 8, "âge mini")]
    public Task Invalid_bounds_are_refused(int? min, int? max, string message) => Run(async brackets =>
        (await Should.ThrowAsync<BusinessException>(() => brackets.AddAsync(new AgeBracketInput(null, min, max)))).Message.ShouldContain(message));

    [Fact]
    public Task Overlapping_active_brackets_are_refused() => Run(async brackets =>
    {
        (await Should.ThrowAsync<BusinessException>(() => brackets.AddAsync(new AgeBracketInput(null, 5, 8)))).Message.ShouldContain("chevauche");
        await Should.ThrowAsync<BusinessException>(() => brackets.AddAsync(new AgeBracketInput(null, 99, 99)));
        var added = await brackets.AddAsync(new AgeBracketInput(null, 100, 120));
        added.Label.ShouldBe("100 à 120 ans");
        (await brackets.ListAsync()).Last().Id.ShouldBe(added.Id);

        // A deactivated bracket frees its ages; it cannot come back while another covers them.
        var teens = (await brackets.ListAsync()).Single(b => b.MinAge == 12);
        await brackets.SetActiveAsync(teens.Id, false);
        var replacement = await brackets.AddAsync(new AgeBracketInput("Ados", 12, 15));
        await Should.ThrowAsync<BusinessException>(() => brackets.SetActiveAsync(teens.Id, true));
        await brackets.DeleteAsync(replacement.Id);
        await brackets.SetActiveAsync(teens.Id, true);

        // Editing a bracket onto its neighbour is refused; within its own range it is fine.
        var toddlers = (await brackets.ListAsync()).Single(b => b.MinAge == 0);
        await Should.ThrowAsync<BusinessException>(() => brackets.UpdateAsync(toddlers.Id, new AgeBracketInput(null, 0, 3)));
        (await brackets.UpdateAsync(toddlers.Id, new AgeBracketInput("Bébés", 0, 1))).Label.ShouldBe("Bébés");
        (await brackets.ListAsync()).Select(b => b.Order).ShouldBe(Enumerable.Range(1, 7));
    });
}

[Collection(SqliteCollection.Name)]
public sealed class StructureSettingsServiceTests(SqliteApp app)
{
    [Theory]
    [InlineData(SKEncodedImageFormat.Png, "image/png")]
    [InlineData(SKEncodedImageFormat.Jpeg, "image/jpeg")]
    [InlineData(SKEncodedImageFormat.Webp, "image/webp")]
    public async Task A_logo_is_kept_as_uploaded_and_resized_to_the_chosen_bounds(SKEncodedImageFormat format, string contentType)
    {
        var structure = await app.CreateStructureAsync("Logo");
        var bytes = TestImages.Make(900, 900, format);
        await app.InScopeAsync(structure.Id, async sp =>
        {
            var settings = sp.GetRequiredService<StructureSettingsService>();
            await settings.UploadLogoAsync(new MemoryStream(bytes), 200, 100);
            var view = await settings.GetAsync();
            view.HasLogo.ShouldBeTrue();
            (view.LogoOriginalWidth, view.LogoOriginalHeight).ShouldBe((900, 900));
            (view.LogoWidth, view.LogoHeight).ShouldBe((100, 100));
            (view.LogoMaxWidth, view.LogoMaxHeight).ShouldBe((200, 100));
            view.LogoUrl.ShouldStartWith($"/logo/{structure.Id}?v=");

            var original = (await settings.GetLogoAsync(original: true))!;
            original.Bytes.ShouldBe(bytes);
            original.ContentType.ShouldBe(contentType);
            var resized = (await settings.GetLogoAsync(original: false))!;
            TestImages.SizeOf(resized.Bytes).ShouldBe((100, 100));

            // New bounds: resized again from the kept original.
            await settings.ResizeLogoAsync(500, 400);
            TestImages.SizeOf((await settings.GetLogoAsync(false))!.Bytes).ShouldBe((400, 400));
        });
    }

    // Built in the test, not in the theory data: xunit would serialise a 6 MB array at discovery.
    private static byte[] RefusedFile(string what) => what switch
    {
        "texte renommé en .png" => "Bonjour, je suis un fichier texte.\n"u8.ToArray(),
        "SVG" => "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray(),
        "PNG tronqué" => TestImages.Make(300, 300, SKEncodedImageFormat.Png, noise: true)[..20_000],
        "PNG de plus de 5 Mo" => TestImages.Make(1400, 1100, SKEncodedImageFormat.Png, noise: true),
        "fichier vide" => [],
        _ => throw new ArgumentOutOfRangeException(nameof(what)),
    };

    [Theory]
    [InlineData("texte renommé en .png", "n'est pas une image PNG, JPEG ou WebP")]
    [InlineData("SVG", "n'est pas une image PNG, JPEG ou WebP")]
    [InlineData("PNG tronqué", "abîmée")]
    [InlineData("PNG de plus de 5 Mo", "5 Mo")]
    [InlineData("fichier vide", "vide")]
    public async Task Refused_files_change_nothing(string what, string message)
    {
        var bytes = RefusedFile(what);
        var structure = await app.CreateStructureAsync("Refus");
        var good = TestImages.Make(200, 100, SKEncodedImageFormat.Png);
        await app.InScopeAsync(structure.Id, async sp =>
        {
            var settings = sp.GetRequiredService<StructureSettingsService>();
            await settings.UploadLogoAsync(new MemoryStream(good), null, null);
        });
        if (what.Contains("5 Mo"))
            bytes.Length.ShouldBeGreaterThan(5 * 1024 * 1024);

        await app.InScopeAsync(structure.Id, async sp =>
        {
            var settings = sp.GetRequiredService<StructureSettingsService>();
            var ex = await Should.ThrowAsync<BusinessException>(() => settings.UploadLogoAsync(new MemoryStream(bytes), 50, 50));
            ex.Message.ShouldContain(message, Case.Insensitive, what);
        });
        await app.InScopeAsync(structure.Id, async sp =>
        {
            var settings = sp.GetRequiredService<StructureSettingsService>();
            (await settings.GetLogoAsync(original: true))!.Bytes.ShouldBe(good, what);
            var view = await settings.GetAsync();
            (view.LogoMaxWidth, view.LogoMaxHeight).ShouldBe((StructureSettings.DefaultLogoMaxWidth, StructureSettings.DefaultLogoMaxHeight), what);
        });
    }

    [Fact]
    public async Task Welcome_message_is_stored_sanitised_and_contact_is_checked()
    {
        var structure = await app.CreateStructureAsync("Accueil");
        await app.InScopeAsync(structure.Id, async sp =>
        {
            var settings = sp.GetRequiredService<StructureSettingsService>();
            var stored = await settings.UpdateWelcomeMessageAsync("<p>Bienvenue <img src=x onerror=alert(1)><a href=\"javascript:alert(1)\">ici</a></p><script>alert(2)</script>");
            stored.ShouldNotBeNull();
            stored.ShouldNotContain("onerror");
            stored.ShouldNotContain("javascript:");
            stored.ShouldNotContain("script");
            (await settings.GetAsync()).WelcomeMessageHtml.ShouldBe(stored);

            (await Should.ThrowAsync<BusinessException>(() => settings.UpdateContactAsync(new ContactInput(null, null, "pas-un-email", null)))).Message.ShouldContain("e-mail");
            (await Should.ThrowAsync<BusinessException>(() => settings.UpdateContactAsync(new ContactInput(null, "appelez-nous", null, null)))).Message.ShouldContain("téléphone");
            await settings.UpdateContactAsync(new ContactInput(" 80 chemin Rouge, 59155 Faches-Thumesnil ", "03 20 00 00 00", "Accueil@Centre.test", "Fermé le lundi."));
            var view = await settings.GetAsync();
            (view.Address, view.Phone, view.Email, view.OpeningNotice).ShouldBe(("80 chemin Rouge, 59155 Faches-Thumesnil", "03 20 00 00 00", "accueil@centre.test", "Fermé le lundi."));
        });
    }
}
