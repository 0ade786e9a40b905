using CentresConnectes.Platform.Application;
using CentresConnectes.Platform.Contracts;

namespace CentresConnectes.Platform.Tests;

public sealed class ValidationTests
{
    [Theory]
    [InlineData("Centre social Léo-Lagrange", "centre-social-leo-lagrange")]
    [InlineData("  Maison pour tous — Saint-Étienne  ", "maison-pour-tous-saint-etienne")]
    [InlineData("L'Escale (Ça & Là) 2", "l-escale-ca-la-2")]
    [InlineData("Centre Cœur de ville", "centre-coeur-de-ville")]
    [InlineData("Æsope", "aesope")]
    [InlineData("---", "structure")]
    [InlineData("!!!", "structure")]
    public void Slugify_gives_lower_case_ascii_words(string name, string slug) =>
        Validation.Slugify(name).ShouldBe(slug);

    [Fact]
    public void Slugify_is_bounded()
    {
        var slug = Validation.Slugify(string.Join(" ", Enumerable.Repeat("centre", 40)));
        slug.Length.ShouldBeLessThanOrEqualTo(80);
        slug.ShouldNotEndWith("-");
    }

    [Theory]
    [InlineData("claire@centre.fr", "claire@centre.fr")]
    [InlineData("  Claire.Martin@Centre-Social.FR ", "claire.martin@centre-social.fr")]
    public void Email_is_trimmed_and_lower_cased(string input, string expected) =>
        Fields.Email(input).ShouldBe(expected);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_email_is_refused_in_French(string? input)
    {
        var error = Should.Throw<BusinessException>(() => Fields.Email(input, "Adresse e-mail du contact"));
        error.Message.ShouldBe("Le champ « Adresse e-mail du contact » est obligatoire.");
    }

    [Theory]
    [InlineData("claire")]
    [InlineData("claire@centre")]
    [InlineData("Claire <claire@centre.fr>")]
    [InlineData("claire@@centre.fr")]
    [InlineData("claire centre@centre.fr")]
    public void An_invalid_email_is_refused_in_French(string input)
    {
        var error = Should.Throw<BusinessException>(() => Fields.Email(input));
        error.Message.ShouldBe($"« {input.Trim()} » n'est pas une adresse e-mail valide.");
    }

    [Fact]
    public void A_too_long_email_is_refused_in_French()
    {
        var error = Should.Throw<BusinessException>(() => Fields.Email(new string('a', 250) + "@centre.fr"));
        error.Message.ShouldBe("Le champ « Adresse e-mail » ne doit pas dépasser 256 caractères.");
    }

    [Fact]
    public void Optional_email_accepts_blank() =>
        Fields.OptionalEmail("  ", "Courriel").ShouldBeNull();

    [Fact]
    public void Required_and_optional_text_are_trimmed_and_bounded()
    {
        Fields.Required("  Nom  ", "Nom", 10).ShouldBe("Nom");
        Fields.Optional("   ", "Nom", 10).ShouldBeNull();
        Should.Throw<BusinessException>(() => Fields.Required(new string('x', 11), "Nom", 10))
            .Message.ShouldBe("Le champ « Nom » ne doit pas dépasser 10 caractères.");
    }
}

public sealed class PagingTests
{
    [Theory]
    [InlineData(0, 50, 1, 50, 0)]
    [InlineData(-5, 50, 1, 50, 0)]
    [InlineData(3, 50, 3, 50, 100)]
    [InlineData(1, 0, 1, 1, 0)]
    [InlineData(1, 100_000, 1, 200, 0)]
    [InlineData(int.MaxValue, 200, int.MaxValue, 200, int.MaxValue)]
    public void A_page_request_is_clamped_once_for_every_list(int page, int size, int expectedPage, int expectedSize, int expectedSkip) =>
        Contracts.Paging.Clamp(page, size).ShouldBe((expectedPage, expectedSize, expectedSkip));
}
