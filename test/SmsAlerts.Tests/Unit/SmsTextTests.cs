using CentresConnectes.SmsAlerts.Domain;
using CentresConnectes.SmsAlerts.Providers;
using Shouldly;
using Xunit;

namespace CentresConnectes.SmsAlerts.Tests.Unit;

public sealed class SmsTextTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    public void GSM7_texts_go_160_in_one_SMS_then_153_per_part(int length, int segments)
    {
        var m = SmsText.Measure(new string('a', length));
        m.IsGsm7.ShouldBeTrue();
        m.Segments.ShouldBe(segments);
    }

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void One_character_outside_GSM7_makes_it_Unicode_70_then_67(int length, int segments)
    {
        var m = SmsText.Measure("ê" + new string('a', length - 1));
        m.IsGsm7.ShouldBeFalse();
        m.Segments.ShouldBe(segments);
        m.NonGsmCharacters.ShouldBe(['ê']);
    }

    [Fact]
    public void Extension_table_characters_count_double()
    {
        SmsText.Measure("€").Units.ShouldBe(2);
        SmsText.Measure("[]{}").Units.ShouldBe(8);
        SmsText.Measure(new string('a', 159) + "€").Segments.ShouldBe(2); // 161 septets
        SmsText.Measure(new string('a', 158) + "€").Segments.ShouldBe(1);
    }

    [Fact]
    public void French_accents_of_the_GSM_alphabet_stay_GSM7()
    {
        SmsText.Measure("éèàùì ÉÇ").IsGsm7.ShouldBeTrue();
        SmsText.Measure("être").IsGsm7.ShouldBeFalse();
    }

    [Fact]
    public void Replacement_makes_a_French_text_GSM7_and_halves_its_cost()
    {
        var text = "Bonjour, n’oubliez pas la fête « œcuménique » à l’hôtel de ville… Âge : tous ; réunion où l’on goûte.";
        var before = SmsText.Measure(text + new string('.', 40));
        before.IsGsm7.ShouldBeFalse();
        var replaced = SmsText.ToGsm7(text);
        // é, à, ù belong to the GSM alphabet and stay.
        replaced.ShouldBe("Bonjour, n'oubliez pas la fete \" oecuménique \" à l'hotel de ville... Age : tous ; réunion où l'on goute.");
        var after = SmsText.Measure(replaced + new string('.', 40));
        after.IsGsm7.ShouldBeTrue();
        after.Segments.ShouldBeLessThan(before.Segments);
    }

    [Fact]
    public void Emoji_take_two_units() => SmsText.Measure("🙂").Units.ShouldBe(2);

    [Fact]
    public void OVH_signature_is_dollar_one_and_the_sha1_of_the_joined_fields()
    {
        // SHA-1 of "AS+CK+GET+https://eu.api.ovh.com/1.0/me++1366560945", computed independently (sha1sum).
        OvhSmsProvider.Signature("AS", "CK", "GET", "https://eu.api.ovh.com/1.0/me", "", 1366560945)
            .ShouldBe("$1$" + Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData("AS+CK+GET+https://eu.api.ovh.com/1.0/me++1366560945"u8.ToArray())));
    }

    [Fact]
    public void Placeholders_are_replaced_and_unknown_ones_found()
    {
        Placeholders.Render("Bonjour {prenom} {nom}, le {date} — {structure}", "Awa", "DIOP", new DateOnly(2026, 3, 15), "Centre Nord")
            .ShouldBe("Bonjour Awa DIOP, le 15/03/2026 — Centre Nord");
        Placeholders.Unknown("Bonjour {prénom} {date_rdv} {prenom}").ShouldBe(["{prénom}", "{date_rdv}"]);
    }
}
