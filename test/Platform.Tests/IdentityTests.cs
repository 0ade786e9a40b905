using System.Reflection;
using CentresConnectes.Platform.Domain;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace CentresConnectes.Platform.Tests;

public sealed class CommonPasswordValidatorTests
{
    private static readonly AppUser User = new() { UserName = "claire@centre.test", Email = "claire@centre.test" };

    private static Task<IdentityResult> ValidateAsync(string password) =>
        // The manager is not used by this validator.
        new CommonPasswordValidator().ValidateAsync(null!, User, password);

    [Theory]
    [InlineData("azerty123")]
    [InlineData("Motdepasse")]
    [InlineData("MOTDEPASSE1")]
    [InlineData("bonjour")]
    [InlineData("  azertyuiop  ")]
    [InlineData("12345678")]
    public async Task Common_passwords_are_refused_in_French(string password)
    {
        var result = await ValidateAsync(password);
        result.Succeeded.ShouldBeFalse();
        result.Errors.Single().Code.ShouldBe("CommonPassword");
        result.Errors.Single().Description.ShouldContain("trop courant");
    }

    [Theory]
    [InlineData("Une phrase de passe solide 42")]
    [InlineData("le chat de la ludothèque joue aux échecs")]
    public async Task A_long_phrase_is_accepted(string password)
    {
        (await ValidateAsync(password)).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task The_account_email_is_refused_as_password()
    {
        var result = await ValidateAsync("Claire@Centre.test");
        result.Succeeded.ShouldBeFalse();
        result.Errors.Single().Code.ShouldBe("PasswordIsEmail");
    }
}

public sealed class FrenchIdentityErrorDescriberTests
{
    private static IEnumerable<MethodInfo> ErrorMethods() =>
        typeof(IdentityErrorDescriber).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.IsVirtual && m.ReturnType == typeof(IdentityError));

    private static IdentityError Invoke(IdentityErrorDescriber describer, MethodInfo method) =>
        (IdentityError)method.Invoke(describer, method.GetParameters()
            .Select(p => p.ParameterType == typeof(int) ? (object)8 : "valeur").ToArray())!;

    [Fact]
    public void Messages_are_French()
    {
        var french = new FrenchIdentityErrorDescriber();
        french.PasswordTooShort(8).Description.ShouldBe("Le mot de passe doit comporter au moins 8 caractères.");
        french.DuplicateEmail("a@b.fr").Description.ShouldBe("Un compte existe déjà avec cette adresse e-mail.");
        french.InvalidToken().Description.ShouldContain("lien");
        french.PasswordMismatch().Description.ShouldBe("Mot de passe incorrect.");
    }

    [Fact]
    public void Every_message_of_Identity_is_translated()
    {
        // A message Identity adds in a new version would otherwise reach users in English.
        var english = new IdentityErrorDescriber();
        var french = new FrenchIdentityErrorDescriber();
        var untranslated = ErrorMethods()
            .Where(m => Invoke(french, m).Description == Invoke(english, m).Description)
            .Select(m => m.Name)
            .ToList();
        ErrorMethods().ShouldNotBeEmpty();
        untranslated.ShouldBeEmpty();
    }

    [Fact]
    public void Codes_stay_those_of_Identity()
    {
        var english = new IdentityErrorDescriber();
        var french = new FrenchIdentityErrorDescriber();
        foreach (var method in ErrorMethods())
            Invoke(french, method).Code.ShouldBe(Invoke(english, method).Code, method.Name);
    }
}
