using System.Net;
using CentresConnectes.Members.Application;
using CentresConnectes.ReferenceData.Application;
using CentresConnectes.ReferenceData.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace CentresConnectes.Members.Tests.Integration;

/// <summary>
/// ReferenceData asks Members (the real <c>MembersReferenceUsage</c>) before deleting a list value:
/// a Sexe or a group a person has is deactivated instead, and the person keeps showing it.
/// </summary>
public abstract class ReferenceValuesInUseTests(MembersFactory factory)
{
    private sealed record Used(Guid StructureId, TestSupport.TestClient Admin, Guid PersonId, ReferenceItemDto Sexe, ReferenceItemDto Group);

    private async Task<Used> PersonWithSexeAndGroupAsync(string structureName)
    {
        var (structure, admin) = await factory.StructureWithAdminAsync(structureName);
        var sexe = (await factory.ListAsync(structure.Id, ReferenceListKind.Sexe))[0];
        var group = (await factory.ListAsync(structure.Id, ReferenceListKind.Groupe))[0];
        var person = await factory.InScopeAsync(structure.Id, sp => sp.GetRequiredService<PersonService>().CreateAsync(new PersonInput
        {
            LastName = "UTILISE", FirstName = "Valeur", DateOfBirth = new DateOnly(1990, 3, 3), SexeId = sexe.Id, GroupIds = [group.Id],
        }));
        return new Used(structure.Id, admin, person, sexe, group);
    }

    private Task<ReferenceItemDto?> FindAsync(Guid structureId, ReferenceListKind kind, Guid id) =>
        factory.InScopeAsync(structureId, async sp => (await sp.GetRequiredService<ReferenceListService>().ListAsync(kind)).SingleOrDefault(i => i.Id == id));

    [Fact]
    public async Task A_sexe_or_group_used_by_a_person_is_deactivated_instead_of_deleted_by_the_service()
    {
        var used = await PersonWithSexeAndGroupAsync("Valeurs utilisées");

        foreach (var (kind, item) in new[] { (ReferenceListKind.Sexe, used.Sexe), (ReferenceListKind.Groupe, used.Group) })
        {
            var outcome = await factory.InScopeAsync(used.StructureId, sp => sp.GetRequiredService<ReferenceListService>().DeleteAsync(kind, item.Id));
            outcome.Deleted.ShouldBeFalse();
            outcome.Message.ShouldBe(ReferenceListService.UsedValueDeactivated);
            var kept = (await FindAsync(used.StructureId, kind, item.Id)).ShouldNotBeNull($"{kind} « {item.Label} » must not be deleted");
            kept.IsActive.ShouldBeFalse();
        }

        // An unused value of the same list is really deleted: the refusal above is about the person.
        var unused = (await factory.ListAsync(used.StructureId, ReferenceListKind.Sexe)).First(s => s.Id != used.Sexe.Id);
        (await factory.InScopeAsync(used.StructureId, sp => sp.GetRequiredService<ReferenceListService>().DeleteAsync(ReferenceListKind.Sexe, unused.Id)))
            .Deleted.ShouldBeTrue();
        (await FindAsync(used.StructureId, ReferenceListKind.Sexe, unused.Id)).ShouldBeNull();

        await AssertThePersonStillShowsThemAsync(used);
    }

    [Fact]
    public async Task Deleting_a_used_value_on_the_settings_page_deactivates_it_and_the_profile_keeps_showing_it()
    {
        var used = await PersonWithSexeAndGroupAsync("Page paramètres");

        foreach (var (slug, kind, item) in new[] { ("sexe", ReferenceListKind.Sexe, used.Sexe), ("groupes", ReferenceListKind.Groupe, used.Group) })
        {
            var page = "/parametres/listes/" + slug;
            var delete = await used.Admin.PostFormAsync(page, new Dictionary<string, string?>(), $"{page}?handler=Delete&id={item.Id}");
            delete.LocationOf().ShouldBe(page);
            (await used.Admin.GetTextAsync(page)).ShouldContain(ReferenceListService.UsedValueDeactivated);
            (await FindAsync(used.StructureId, kind, item.Id)).ShouldNotBeNull().IsActive.ShouldBeFalse();
        }

        await AssertThePersonStillShowsThemAsync(used);

        // The values are no longer offered to new persons.
        var form = await used.Admin.GetPageAsync("/adherents/nouveau");
        form.ShouldNotContain(used.Sexe.Id.ToString());
        form.ShouldNotContain(used.Group.Id.ToString());
    }

    [Fact]
    public async Task A_value_used_only_in_another_structure_can_be_deleted()
    {
        // Structure A's person uses A's own values; structure B's values of the same labels are unused.
        var a = await PersonWithSexeAndGroupAsync("Structure A");
        var b = await factory.CreateStructureAsync("Structure B");
        var bSexe = (await factory.ListAsync(b.Id, ReferenceListKind.Sexe)).Single(s => s.Label == a.Sexe.Label);
        var bGroup = (await factory.ListAsync(b.Id, ReferenceListKind.Groupe)).Single(g => g.Label == a.Group.Label);

        var outcomes = await factory.InScopeAsync(b.Id, async sp =>
        {
            var lists = sp.GetRequiredService<ReferenceListService>();
            return (await lists.DeleteAsync(ReferenceListKind.Sexe, bSexe.Id), await lists.DeleteAsync(ReferenceListKind.Groupe, bGroup.Id));
        });

        outcomes.Item1.Deleted.ShouldBeTrue();
        outcomes.Item2.Deleted.ShouldBeTrue();
        (await FindAsync(a.StructureId, ReferenceListKind.Sexe, a.Sexe.Id)).ShouldNotBeNull().IsActive.ShouldBeTrue();
        (await FindAsync(a.StructureId, ReferenceListKind.Groupe, a.Group.Id)).ShouldNotBeNull().IsActive.ShouldBeTrue();
    }

    private async Task AssertThePersonStillShowsThemAsync(Used used)
    {
        var details = await used.Admin.GetJsonAsync<PersonDetails>($"/api/persons/{used.PersonId}");
        details.SexeId.ShouldBe(used.Sexe.Id);
        details.Sexe.ShouldBe(used.Sexe.Label);
        details.Groups.ShouldBe([new LabelledId(used.Group.Id, used.Group.Label)]);

        var profile = await used.Admin.GetTextAsync($"/adherents/{used.PersonId}");
        profile.ShouldContain(used.Sexe.Label);
        profile.ShouldContain(used.Group.Label);

        // The edit form keeps the deactivated values chosen, and saving it again keeps them.
        var edit = await used.Admin.GetPageAsync($"/adherents/{used.PersonId}/modifier");
        edit.ShouldContain(used.Sexe.Id.ToString());
        edit.ShouldContain(used.Group.Id.ToString());
        var save = await used.Admin.PutJsonAsync($"/api/persons/{used.PersonId}", new PersonInput
        {
            LastName = "UTILISE", FirstName = "Valeur", DateOfBirth = new DateOnly(1990, 3, 3), SexeId = used.Sexe.Id, GroupIds = [used.Group.Id],
        });
        save.StatusCode.ShouldBe(HttpStatusCode.NoContent, await save.Content.ReadAsStringAsync());
        var after = await used.Admin.GetJsonAsync<PersonDetails>($"/api/persons/{used.PersonId}");
        after.SexeId.ShouldBe(used.Sexe.Id);
        after.Groups.Select(g => g.Id).ShouldBe([used.Group.Id]);
    }
}

[Collection(PostgresCollection.Postgres)]
public sealed class ReferenceValuesInUseTestsOnPostgres(PostgresMembersFactory factory) : ReferenceValuesInUseTests(factory);

[Collection(SqliteCollection.Sqlite)]
public sealed class ReferenceValuesInUseTestsOnSqlite(SqliteMembersFactory factory) : ReferenceValuesInUseTests(factory);
