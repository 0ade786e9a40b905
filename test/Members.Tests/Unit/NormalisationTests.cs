using CentresConnectes.Platform.Contracts;
using CentresConnectes.Members.Domain;
using Shouldly;
using Xunit;

namespace CentresConnectes.Members.Tests.Unit;

public sealed class NormalisationTests
{
    [Theory]
    [InlineData("  Jean-François   DE L'ÉTANG ", "jean francois de l etang")]
    [InlineData("Œdipe", "oedipe")]
    [InlineData("ÉLODIE", "elodie")]
    [InlineData("Zoë\u00A0Ança", "zoe anca")]
    [InlineData("", "")]
    public void Sort_key_drops_accents_case_hyphens_and_extra_spaces(string input, string expected) =>
        NameNormalizer.SortKey(input).ShouldBe(expected);

    [Theory]
    [InlineData("Dupont", "Élodie", "DUPONT", "elodie")]
    [InlineData("Le Gall", "Jean-Pierre", "LEGALL", "jean pierre")]
    [InlineData("N'Diaye", "Aïssatou", "n diaye", "AISSATOU")]
    [InlineData("  dupont  ", " Marie  Claire ", "Dupont", "Marie-Claire")]
    public void Duplicate_key_is_the_same_whatever_the_spelling(string last1, string first1, string last2, string first2) =>
        NameNormalizer.DuplicateKey(last1, first1).ShouldBe(NameNormalizer.DuplicateKey(last2, first2));

    [Fact]
    public void Duplicate_key_keeps_nom_and_prenom_apart() =>
        NameNormalizer.DuplicateKey("Jean", "Pierre").ShouldNotBe(NameNormalizer.DuplicateKey("Jeanpierre", ""));

    [Fact]
    public void Ordinal_order_of_the_keys_is_the_french_alphabetical_order()
    {
        var names = new[] { "Zoé ABEL", "Émile ÉTIENNE", "Eve ETIENNE", "Ebert EBERT", "Élise DUPONTEL", "Jean DUPONT", "Ânne ANNE" };
        var sorted = names.Select(n => (Name: n, Key: NameNormalizer.SortKey(string.Join(' ', n.Split(' ').Reverse()))))
            .OrderBy(n => n.Key, StringComparer.Ordinal).Select(n => n.Name).ToList();
        sorted.ShouldBe(["Zoé ABEL", "Ânne ANNE", "Jean DUPONT", "Élise DUPONTEL", "Ebert EBERT", "Émile ÉTIENNE", "Eve ETIENNE"]);
    }
}

public sealed class PhoneTests
{
    [Theory]
    [InlineData("06 12 34 56 78", "+33612345678")]
    [InlineData("06.12.34.56.78", "+33612345678")]
    [InlineData("06-12-34-56-78", "+33612345678")]
    [InlineData("0612345678", "+33612345678")]
    [InlineData("+33612345678", "+33612345678")]
    [InlineData("+33 6 12 34 56 78", "+33612345678")]
    [InlineData("+33 (0)6 12 34 56 78", "+33612345678")]
    [InlineData("0033 6 12 34 56 78", "+33612345678")]
    [InlineData("612345678", "+33612345678")]
    [InlineData("07 81 23 45 67", "+33781234567")]
    [InlineData("0690 12 34 56", "+590690123456")]
    [InlineData("0691 22 34 56", "+590691223456")]
    [InlineData("0694 12 34 56", "+594694123456")]
    [InlineData("0696 12 34 56", "+596696123456")]
    [InlineData("0697 12 34 56", "+596697123456")]
    [InlineData("0692 12 34 56", "+262692123456")]
    [InlineData("0693 12 34 56", "+262693123456")]
    [InlineData("+32 470 12 34 56", "+32470123456")]
    public void French_and_overseas_mobiles_are_stored_in_E164(string input, string expected)
    {
        var result = FrenchPhone.ParseMobile(input);
        result.Error.ShouldBeNull();
        result.E164.ShouldBe(expected);
    }

    [Theory]
    [InlineData("03 20 12 34 56", "n'est pas un numéro de portable")]
    [InlineData("01 23 45 67 89", "n'est pas un numéro de portable")]
    [InlineData("061234567812345", "n'est pas un numéro de téléphone valide")]
    [InlineData("06 12 34", "n'est pas un numéro de téléphone valide")]
    [InlineData("appeler la mère", "n'est pas un numéro de téléphone valide")]
    [InlineData("+999 123", "n'est pas un numéro de téléphone valide")]
    public void Landlines_and_garbage_are_refused_in_french(string input, string message)
    {
        var result = FrenchPhone.ParseMobile(input);
        result.E164.ShouldBeNull();
        result.Error.ShouldNotBeNull().ShouldContain(message);
    }

    [Fact]
    public void Empty_is_no_phone_and_no_error() => FrenchPhone.ParseMobile("  ").ShouldBe(new PhoneParseResult(null, null));

    [Theory]
    [InlineData("+33612345678", "06 12 34 56 78")]
    [InlineData("+590690123456", "06 90 12 34 56")]
    [InlineData("+262692123456", "06 92 12 34 56")]
    [InlineData("+32470123456", "+32 470 12 34 56")]
    public void Numbers_are_shown_the_french_way(string e164, string display) => FrenchPhone.Display(e164).ShouldBe(display);

    [Theory]
    [InlineData("06 12", "+33612")]
    [InlineData("0690", "+590690")]
    [InlineData("dupont", null)]
    [InlineData("061", null)]
    public void Searching_by_phone_digits_gives_an_E164_prefix(string query, string? prefix) => FrenchPhone.SearchPrefix(query).ShouldBe(prefix);
}

public sealed class AgeTests
{
    private static readonly DateOnly Today = new(2018, 10, 23);

    [Theory]
    [InlineData("1975-06-26", "43 ans")]
    [InlineData("1975-10-24", "42 ans")]
    [InlineData("1975-10-23", "43 ans")]
    [InlineData("2018-02-10", "8 mois")]
    [InlineData("2018-10-01", "moins d'un mois")]
    [InlineData("2017-10-23", "1 an")]
    [InlineData("2016-10-24", "1 an")]
    [InlineData("2016-10-23", "2 ans")]
    [InlineData("2019-01-01", "")]
    public void Age_is_said_in_french(string dateOfBirth, string expected) =>
        Ages.Text(DateOnly.Parse(dateOfBirth, System.Globalization.CultureInfo.InvariantCulture), Today).ShouldBe(expected);

    [Fact]
    public void Leap_day_babies_have_their_birthday_on_the_28th_of_february()
    {
        Ages.Years(new DateOnly(2016, 2, 29), new DateOnly(2017, 2, 27)).ShouldBe(0);
        Ages.Years(new DateOnly(2016, 2, 29), new DateOnly(2017, 2, 28)).ShouldBe(1);
    }

    [Fact]
    public void Birth_range_of_an_age_bracket_includes_both_ends()
    {
        var (from, to) = Ages.BirthRange(3, 6, Today);
        Ages.Years(to, Today).ShouldBe(3);
        Ages.Years(from, Today).ShouldBe(6);
        Ages.Years(from.AddDays(-1), Today).ShouldBe(7);
        Ages.Years(to.AddDays(1), Today).ShouldBe(2);
    }
}
