using System.Reflection;
using CentresConnectes.Members.Domain;
using Shouldly;
using Xunit;

namespace CentresConnectes.Members.Tests.Unit;

/// <summary>The catalogue of person fields is complete, and anonymisation does what it says of each field.</summary>
public sealed class PersonFieldsTests
{
    private static readonly PropertyInfo[] Properties = typeof(Person).GetProperties(BindingFlags.Public | BindingFlags.Instance);

    [Fact]
    public void Every_person_property_is_in_the_catalogue_once()
    {
        var keys = PersonFields.All.Select(f => f.Key).ToList();
        keys.ShouldBeUnique();
        foreach (var property in Properties)
            keys.ShouldContain(property.Name, $"Person.{property.Name} is not in PersonFields: say its label, limit, export, RGPD export, anonymisation and merge rule");
        foreach (var key in keys)
            Properties.Select(p => p.Name).ShouldContain(key, $"PersonFields names {key}, which Person does not have");
        PersonFields.All.Select(f => f.Label).ShouldBeUnique();
    }

    [Fact]
    public void Anonymisation_erases_what_the_catalogue_says_and_keeps_the_rest()
    {
        var person = new Person("DUPONT", "Jeanne", new DateOnly(1980, 5, 17), new DateOnly(2020, 1, 6))
        {
            SexeId = Guid.NewGuid(), VilleId = Guid.NewGuid(), StatutId = Guid.NewGuid(), MinimaSociauxId = Guid.NewGuid(), QuotientFamilialId = Guid.NewGuid(),
            HouseholdId = Guid.NewGuid(), Notes = "Suivi CAF", AvatarKey = "chat", LandlineE164 = "+33320123456",
            CreatedAtUtc = new DateTime(2020, 1, 6, 10, 0, 0, DateTimeKind.Utc),
        };
        person.SetContact("jeanne@example.org", "+33612345678");
        person.SetConsent(true, true, "Nadia", new DateTime(2020, 1, 6, 10, 0, 0, DateTimeKind.Utc));
        var before = Properties.ToDictionary(p => p.Name, p => p.GetValue(person));

        person.Anonymise(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        foreach (var field in PersonFields.All)
        {
            var after = typeof(Person).GetProperty(field.Key)!.GetValue(person);
            switch (field.Anonymisation)
            {
                case Anonymisation.Keep:
                    after.ShouldBe(before[field.Key], $"{field.Key} is kept by anonymisation (statistics)");
                    break;
                case Anonymisation.Erase:
                    after.ShouldNotBe(before[field.Key], $"{field.Key} must be erased by anonymisation");
                    break;
            }
        }
        // The day itself: a child born on 17 May is 5 on 16 May and 6 on 17 May, whatever the period's calculation date.
        person.DateOfBirth.ShouldBe(new DateOnly(1980, 5, 17));
    }
}
