using CentresConnectes.Members.Contracts;
using Shouldly;
using Xunit;

namespace CentresConnectes.SmsAlerts.Tests.Unit;

public sealed class PhoneTests
{
    [Theory]
    [InlineData("0690 12 34 56", "+590690123456")] // Guadeloupe
    [InlineData("0691 22 34 56", "+590691223456")]
    [InlineData("0694 12 34 56", "+594694123456")] // Guyane
    [InlineData("0696 12 34 56", "+596696123456")] // Martinique
    [InlineData("0697 12 34 56", "+596697123456")]
    [InlineData("0692 12 34 56", "+262692123456")] // La Réunion
    [InlineData("0693 12 34 56", "+262693123456")]
    [InlineData("06 12 34 56 78", "+33612345678")]
    [InlineData("+33 7 81 23 45 67", "+33781234567")]
    public void Overseas_mobiles_get_their_own_country_code(string input, string e164) =>
        FrenchMobile.Parse(input).E164.ShouldBe(e164);

    [Fact]
    public void Landlines_and_garbage_are_refused_in_French()
    {
        FrenchMobile.Parse("01 42 12 34 56").Error.ShouldNotBeNull().ShouldContain("portable");
        FrenchMobile.Parse("pas un numéro").IsValid.ShouldBeFalse();
        FrenchMobile.Display("+590690123456").ShouldBe("06 90 12 34 56");
    }
}
