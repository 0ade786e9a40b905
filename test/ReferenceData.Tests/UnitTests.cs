using CentresConnectes.Platform.Contracts;
using CentresConnectes.ReferenceData.Application;
using CentresConnectes.ReferenceData.Contracts;
using CentresConnectes.ReferenceData.Domain;
using SkiaSharp;

namespace CentresConnectes.ReferenceData.Tests;

public sealed class LabelTextTests
{
    [Theory]
    [InlineData("Lille", "lille")]
    [InlineData("  LILLE  ", "lille")]
    [InlineData("Lillé", "lille")]
    [InlineData("Grand-Mère", "grand mere")]
    [InlineData("grand  mère", "grand mere")]
    [InlineData("Assistant(e) maternelle", "assistant e maternelle")]
    [InlineData("Cœur", "coeur")]
    [InlineData("0 à 480 €", "0 a 480 €")]
    public void Normalize_ignores_case_accents_spaces_and_hyphens(string label, string expected) =>
        LabelText.Normalize(label).ShouldBe(expected);

    [Fact]
    public void Clean_collapses_inner_spaces() => LabelText.Clean("  Faches   Thumesnil ").ShouldBe("Faches Thumesnil");

    [Fact]
    public void Kinds_parse_from_slug_or_name_but_not_numbers()
    {
        ReferenceListKinds.TryParse("minima-sociaux", out var k1).ShouldBeTrue();
        k1.ShouldBe(ReferenceListKind.MinimaSociaux);
        ReferenceListKinds.TryParse("Ville", out var k2).ShouldBeTrue();
        k2.ShouldBe(ReferenceListKind.Ville);
        ReferenceListKinds.TryParse("3", out _).ShouldBeFalse();
        ReferenceListKinds.TryParse("age-brackets", out _).ShouldBeFalse();
    }

    [Fact]
    public void Seed_defaults_match_the_calls_for_tenders()
    {
        string[] Labels(ReferenceListKind kind) => SeedDefaults.Items.Where(i => i.Kind == kind).OrderBy(i => i.Order).Select(i => i.Label).ToArray();
        Labels(ReferenceListKind.Sexe).ShouldBe(["Femme", "Homme"]);
        Labels(ReferenceListKind.Ville).ShouldBe(["Faches-Thumesnil", "Lille", "Ronchin", "Autres"]);
        Labels(ReferenceListKind.Statut).ShouldBe(["Mère", "Père", "Grand-mère", "Grand-père", "Assistant(e) maternelle", "Enfant à charge", "Enfant gardé"]);
        Labels(ReferenceListKind.MinimaSociaux).ShouldBe(["Non", "RSA", "AAH", "AEH", "Minimum vieillesse"]);
        Labels(ReferenceListKind.QuotientFamilial).ShouldBe(["0 à 480 €", "481 à 581 €", "582 à 683 €", "684 à 792 €", "793 à 963 €", "Plus de 964 €"]);
        SeedDefaults.Brackets.Select(b => (b.MinAge, b.MaxAge)).ShouldBe([(0, 2), (3, 6), (7, 11), (12, 17), (18, 54), (55, 99)]);
        SeedDefaults.Items.Select(i => i.Id).Distinct().Count().ShouldBe(SeedDefaults.Items.Count);
    }
}

public sealed class WelcomeMessageSanitizerTests
{
    [Fact]
    public void Scripts_styles_iframes_and_their_content_are_removed()
    {
        var html = WelcomeMessageSanitizer.Sanitize(
            "<p>Bonjour</p><script>alert('x')</script><style>body{display:none}</style><iframe src=\"https://evil.test\"></iframe>")!;
        html.ShouldContain("Bonjour");
        html.ShouldNotContain("script", Case.Insensitive);
        html.ShouldNotContain("alert");
        html.ShouldNotContain("style", Case.Insensitive);
        html.ShouldNotContain("display");
        html.ShouldNotContain("iframe", Case.Insensitive);
    }

    [Fact]
    public void Event_handlers_and_dangerous_links_are_removed()
    {
        var html = WelcomeMessageSanitizer.Sanitize(
            "<p onclick=\"steal()\">Texte <img src=x onerror=\"alert(1)\"> <a href=\"javascript:alert(1)\">piège</a> <a href=\"data:text/html;base64,PHNjcmlwdD4=\">data</a> <span style=\"color:red\">rouge</span></p>")!;
        html.ShouldNotContain("onclick", Case.Insensitive);
        html.ShouldNotContain("onerror", Case.Insensitive);
        html.ShouldNotContain("<img", Case.Insensitive);
        html.ShouldNotContain("javascript:", Case.Insensitive);
        html.ShouldNotContain("data:", Case.Insensitive);
        html.ShouldNotContain("style=", Case.Insensitive);
        html.ShouldContain("piège");
        html.ShouldContain("rouge");
    }

    [Fact]
    public void Basic_formatting_lists_and_links_survive()
    {
        var html = WelcomeMessageSanitizer.Sanitize(
            "<h3>Bienvenue</h3>\n<p><strong>Gras</strong> <em>italique</em> <a href=\"https://centre.test/horaires\">horaires</a></p>\n<ul>\n  <li>Jeux</li>\n  <li>Livres</li>\n</ul>")!;
        html.ShouldContain("<h3>Bienvenue</h3>");
        html.ShouldContain("<strong>Gras</strong>");
        html.ShouldContain("<em>italique</em>");
        html.ShouldContain("href=\"https://centre.test/horaires\"");
        html.ShouldContain("rel=\"noopener noreferrer\"");
        html.ShouldContain("<li>Jeux</li>");
    }

    [Fact]
    public void Plain_text_keeps_paragraphs_and_line_breaks_and_is_encoded()
    {
        var html = WelcomeMessageSanitizer.Sanitize("Bienvenue à la ludothèque !\nOuvert le mercredi.\n\nÀ bientôt & merci")!;
        html.ShouldBe("<p>Bienvenue à la ludothèque !<br>\nOuvert le mercredi.</p>\n<p>À bientôt &amp; merci</p>");
        // Saved HTML edited again comes back unchanged.
        WelcomeMessageSanitizer.Sanitize(html).ShouldBe(html);
    }

    [Fact]
    public void The_editors_html_keeps_its_paragraphs_titles_and_lists()
    {
        // What Trix (the settings page's editor) sends.
        var html = WelcomeMessageSanitizer.Sanitize(
            "<h1>Bienvenue</h1><div>Touchez votre nom<br>pour dire que vous êtes là.</div><ul><li>Jeux</li></ul><div><strong>Gras</strong> <del>barré</del></div><div onclick=\"x()\">fin</div>")!;
        html.ShouldContain("<h2>Bienvenue</h2>");
        html.ShouldContain("<p>Touchez votre nom<br>pour dire que vous êtes là.</p>");
        html.ShouldContain("<li>Jeux</li>");
        html.ShouldContain("<strong>Gras</strong> <s>barré</s>");
        html.ShouldContain("<p>fin</p>");
        html.ShouldNotContain("div", Case.Insensitive);
        html.ShouldNotContain("onclick", Case.Insensitive);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("<script>alert(1)</script>")]
    public void Nothing_left_means_no_message(string? input) => WelcomeMessageSanitizer.Sanitize(input).ShouldBeNull();
}

public sealed class LogoImageTests
{
    [Theory]
    [InlineData(SKEncodedImageFormat.Png, "image/png")]
    [InlineData(SKEncodedImageFormat.Jpeg, "image/jpeg")]
    [InlineData(SKEncodedImageFormat.Webp, "image/webp")]
    public void Real_images_are_recognised_by_content_and_resized_within_bounds(SKEncodedImageFormat format, string contentType)
    {
        var bytes = TestImages.Make(1600, 700, format);
        using var logo = LogoImage.Decode(bytes);
        logo.ContentType.ShouldBe(contentType);
        (logo.Width, logo.Height).ShouldBe((1600, 700));

        var resized = LogoImage.Resize(logo.Bitmap, 300, 120);
        resized.Width.ShouldBeLessThanOrEqualTo(300);
        resized.Height.ShouldBeLessThanOrEqualTo(120);
        // 1600 × 700 in 300 × 120: the height is the limit, the ratio is kept.
        (resized.Width, resized.Height).ShouldBe((274, 120));
        TestImages.SizeOf(resized.Bytes).ShouldBe((274, 120));
        LogoImage.Sniff(resized.Bytes).ShouldBe("image/png");
    }

    [Fact]
    public void Small_images_are_never_upscaled()
    {
        using var logo = LogoImage.Decode(TestImages.Make(80, 40, SKEncodedImageFormat.Png));
        var resized = LogoImage.Resize(logo.Bitmap, 300, 120);
        (resized.Width, resized.Height).ShouldBe((80, 40));
    }

    [Fact]
    public void A_text_file_renamed_png_is_refused() =>
        Should.Throw<BusinessException>(() => LogoImage.Decode("Ceci n'est pas une image.\n"u8.ToArray()))
            .Message.ShouldContain("n'est pas une image PNG, JPEG ou WebP");

    [Fact]
    public void An_svg_is_refused() =>
        Should.Throw<BusinessException>(() => LogoImage.Decode(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script></svg>"u8.ToArray()))
            .Message.ShouldContain("n'est pas une image PNG, JPEG ou WebP");

    [Theory]
    [InlineData(SKEncodedImageFormat.Png)]
    [InlineData(SKEncodedImageFormat.Jpeg)]
    public void A_truncated_image_is_refused(SKEncodedImageFormat format)
    {
        var bytes = TestImages.Make(400, 300, format, noise: true);
        var truncated = bytes[..(bytes.Length / 2)];
        Should.Throw<BusinessException>(() => LogoImage.Decode(truncated)).Message.ShouldMatch("incomplète|illisible");
    }

    [Fact]
    public void A_png_header_followed_by_garbage_is_refused()
    {
        var bytes = new byte[2000];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(bytes, 0);
        Should.Throw<BusinessException>(() => LogoImage.Decode(bytes)).Message.ShouldMatch("illisible|incomplète");
    }

    [Fact]
    public void More_than_5_MB_is_refused() =>
        Should.Throw<BusinessException>(() => LogoImage.Decode(new byte[6 * 1024 * 1024])).Message.ShouldContain("5 Mo");

    [Fact]
    public void Bounds_outside_16_to_2000_are_refused()
    {
        Should.Throw<BusinessException>(() => LogoImage.ValidateBounds(10, 120));
        Should.Throw<BusinessException>(() => LogoImage.ValidateBounds(300, 5000));
        LogoImage.ValidateBounds(300, 120);
    }
}
