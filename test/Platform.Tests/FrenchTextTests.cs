using CentresConnectes.Platform.Contracts;

namespace CentresConnectes.Platform.Tests;

/// <summary>The one French folding, and its table fast path, which must never differ from the general one.</summary>
public sealed class FrenchTextTests
{
    [Theory]
    [InlineData("Élodie", "elodie")]
    [InlineData("ÉLODIE", "elodie")]
    [InlineData("Françoise Lœuvre", "francoise loeuvre")]
    [InlineData("Æsa Straße Øyvind", "aesa strasse oyvind")]
    [InlineData("Łukasz Đorđe", "lukasz dorde")]
    [InlineData("e\u0301le\u0300ve", "eleve")] // combining accents (as a Mac or a copy-paste may write them)
    [InlineData("Nguyễn", "nguyen")] // Vietnamese: beyond the Latin table
    [InlineData("", "")]
    public void Folds_case_accents_and_ligatures(string text, string folded) =>
        FrenchText.Fold(text).ShouldBe(folded);

    [Fact]
    public void The_fast_path_folds_every_character_it_handles_as_the_general_path_does()
    {
        for (var c = 0; c < 0x180; c++)
            FrenchText.Fold(((char)c).ToString()).ShouldBe(FrenchText.FoldAnyText(((char)c).ToString()), $"U+{c:X4}");

        // Whole strings too, mixing the table's characters with others (combining marks, Greek, CJK).
        var random = new Random(20261202);
        char[] others = ['\u0301', '\u0327', 'Ω', 'ễ', '中', ' '];
        for (var i = 0; i < 2000; i++)
        {
            var chars = Enumerable.Range(0, random.Next(1, 20))
                .Select(_ => random.Next(10) == 0 ? others[random.Next(others.Length)] : (char)random.Next(0x20, 0x180)).ToArray();
            var text = new string(chars);
            FrenchText.Fold(text).ShouldBe(FrenchText.FoldAnyText(text), text);
        }
    }
}
