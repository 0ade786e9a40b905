using System.Net;
using System.Net.Http.Json;
using System.Text;
using CentresConnectes.Members.Application;
using CentresConnectes.Members.Domain;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using CentresConnectes.TestSupport;
using Shouldly;
using Xunit;
using static CentresConnectes.Members.Tests.Integration.MembersTestHelpers;

namespace CentresConnectes.Members.Tests.Integration;

/// <summary>Registering persons through the pages and the API: groups, duplicates, lists, deletion, RGPD.</summary>
public abstract class RegisterTests(MembersFactory factory)
{
    [Fact]
    public async Task Person_with_groups_is_registered_and_the_user_lands_on_the_register_with_a_confirmation()
    {
        var (structure, client) = await factory.StructureWithAdminAsync("Inscription");
        var groups = new[] { await factory.GroupAsync(structure.Id, 0), await factory.GroupAsync(structure.Id, 1) };

        var response = await client.PostFormAsync("/adherents/nouveau",
            PersonForm("GRUJIC", "Stanko", "1975-06-26", "06 12 34 56 78", "stanko@example.org", groups));

        response.LocationOf().ShouldBe("/adherents");
        var home = await client.GetTextAsync("/adherents");
        home.ShouldContain("La fiche de GRUJIC Stanko a bien été enregistrée.");
        home.ShouldContain("GRUJIC");
        var person = (await factory.PersonsAsync(structure.Id)).ShouldHaveSingleItem();
        person.MobileE164.ShouldBe("+33612345678");
        person.DateOfBirth.ShouldBe(new DateOnly(1975, 6, 26));
        var saved = await factory.DbAsync(structure.Id, db => db.Set<PersonGroup>().Where(g => g.PersonId == person.Id).Select(g => g.GroupId).ToListAsync());
        saved.ShouldBe(groups, ignoreOrder: true);
        var profile = await client.GetTextAsync($"/adherents/{person.Id}");
        profile.ShouldContain("06 12 34 56 78");
        profile.ShouldContain("ans");
    }

    [Theory]
    [InlineData("grujić", "STANKO", "1975-06-26", null, null)]
    [InlineData("  Grujic ", "stanko", "26/06/1975", null, null)]
    [InlineData("OTHER", "Name", "2001-01-01", "+33 6 12 34 56 78", null)]
    [InlineData("OTHER", "Name", "2001-01-01", null, "STANKO@Example.org")]
    public async Task The_same_person_again_lands_on_the_existing_profile(string last, string first, string date, string? mobile, string? email)
    {
        var (structure, client) = await factory.StructureWithAdminAsync("Doublons");
        (await client.PostFormAsync("/adherents/nouveau", PersonForm("GRUJIC", "Stanko", "1975-06-26", "0612345678", "stanko@example.org"))).LocationOf().ShouldBe("/adherents");
        var existing = (await factory.PersonsAsync(structure.Id)).Single();

        var again = await client.PostFormAsync("/adherents/nouveau", PersonForm(last, first, date, mobile, email));

        again.LocationOf().ShouldBe($"/adherents/{existing.Id}");
        (await client.GetTextAsync($"/adherents/{existing.Id}")).ShouldContain("Cette personne est déjà inscrite");
        (await factory.CountPersonsAsync(structure.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task Hyphens_and_spaces_do_not_defeat_the_duplicate_rule()
    {
        var (structure, client) = await factory.StructureWithAdminAsync("Tirets");
        (await client.PostFormAsync("/adherents/nouveau", PersonForm("Le Gall", "Jean-Pierre", "1980-01-01"))).LocationOf().ShouldBe("/adherents");
        var again = await client.PostFormAsync("/adherents/nouveau", PersonForm("LEGALL", "jean  pierre", "1980-01-01"));
        again.LocationOf().ShouldStartWith("/adherents/");
        (await factory.CountPersonsAsync(structure.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task Simultaneous_registrations_of_the_same_person_give_one_row()
    {
        var structure = await factory.CreateStructureAsync("Course");
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => factory.InScopeAsync(structure.Id, async sp =>
        {
            try
            {
                return await sp.GetRequiredService<PersonService>().CreateAsync(new PersonInput
                {
                    LastName = i % 2 == 0 ? "Bénard" : "BENARD", FirstName = "Zoé", DateOfBirth = new DateOnly(2010, 5, 5),
                });
            }
            catch (DuplicatePersonException ex)
            {
                return ex.ExistingPersonId;
            }
        })));
        outcomes.Distinct().ShouldHaveSingleItem();
        (await factory.CountPersonsAsync(structure.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task The_database_itself_refuses_a_duplicate_identity_mobile_or_email()
    {
        var structure = await factory.CreateStructureAsync("Index");
        async Task InsertAsync(string last, string first, DateOnly dob, string? mobile, string? email) =>
            await factory.InScopeAsync(structure.Id, async sp =>
            {
                var db = sp.GetRequiredService<Platform.Data.AppDbContext>();
                var p = new Person(last, first, dob, dob);
                p.SetContact(email, mobile);
                db.Add(p);
                await db.SaveChangesAsync();
            });
        await InsertAsync("MARTIN", "Léa", new DateOnly(2000, 1, 1), "+33611111111", "lea@example.org");
        await Should.ThrowAsync<DbUpdateException>(() => InsertAsync("Martin", "LEA", new DateOnly(2000, 1, 1), null, null));
        await Should.ThrowAsync<DbUpdateException>(() => InsertAsync("AUTRE", "Nom", new DateOnly(2001, 1, 1), "+33611111111", null));
        await Should.ThrowAsync<DbUpdateException>(() => InsertAsync("AUTRE", "Nom", new DateOnly(2001, 1, 1), null, "LEA@example.org".ToLowerInvariant()));
        // Another structure may register the same person.
        var other = await factory.CreateStructureAsync("Index bis");
        await factory.InScopeAsync(other.Id, sp => sp.GetRequiredService<PersonService>().CreateAsync(new PersonInput
        {
            LastName = "MARTIN", FirstName = "Léa", DateOfBirth = new DateOnly(2000, 1, 1), Mobile = "0611111111", Email = "lea@example.org",
        }));
    }

    [Fact]
    public async Task Form_errors_are_shown_in_french()
    {
        var (_, client) = await factory.StructureWithAdminAsync("Erreurs");
        var response = await client.PostFormAsync("/adherents/nouveau", PersonForm("DUPONT", "Jean", "2090-01-01"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.TextAsync()).ShouldContain("La date de naissance est dans le futur.");
        response = await client.PostFormAsync("/adherents/nouveau", PersonForm("DUPONT", "Jean", "1990-01-01", "03 20 00 00 00"));
        (await response.TextAsync()).ShouldContain("n'est pas un numéro de portable");
    }

    [Fact]
    public async Task List_is_alphabetical_the_french_way_and_search_works_by_prefix()
    {
        var (structure, client) = await factory.StructureWithAdminAsync("Liste");
        foreach (var (last, first) in new[] { ("ÉTIENNE", "Émile"), ("ZOLA", "Zoé"), ("ETIENNE", "Eve"), ("ABEL", "Ânne"), ("Dupont", "Jean"), ("DUPONTEL", "Élise") })
            await factory.InScopeAsync(structure.Id, sp => sp.GetRequiredService<PersonService>().CreateAsync(
                new PersonInput { LastName = last, FirstName = first, DateOfBirth = new DateOnly(1990, 1, 1) }));

        var page = await client.GetJsonAsync<Page<PersonRow>>("/api/persons");
        page.Items.Select(p => p.LastName + " " + p.FirstName).ShouldBe(["ABEL Ânne", "Dupont Jean", "DUPONTEL Élise", "ÉTIENNE Émile", "ETIENNE Eve", "ZOLA Zoé"]);
        (await client.GetJsonAsync<Page<PersonRow>>("/api/persons?q=etie")).TotalCount.ShouldBe(2);
        (await client.GetJsonAsync<Page<PersonRow>>("/api/persons?q=%C3%A9mile")).Items.ShouldHaveSingleItem().LastName.ShouldBe("ÉTIENNE");
        (await client.GetJsonAsync<Page<PersonRow>>("/api/persons?q=dupont%20j")).Items.ShouldHaveSingleItem().FirstName.ShouldBe("Jean");

        var html = await client.GetTextAsync("/adherents?q=zo");
        html.ShouldContain("<strong>ZOLA</strong>");
        html.ShouldNotContain("<strong>ABEL</strong>");
        // htmx asks for the results only.
        var partial = await (await client.GetHtmxAsync("/adherents?q=abel")).Content.ReadAsStringAsync();
        partial.ShouldContain("<strong>ABEL</strong>");
        partial.ShouldNotContain("<html");
    }

    [Fact]
    public async Task Filters_by_group_age_bracket_and_consent()
    {
        var (structure, client) = await factory.StructureWithAdminAsync("Filtres");
        var group = await factory.GroupAsync(structure.Id, 1);
        var today = DateOnly.FromDateTime(DateTime.Today);
        await factory.InScopeAsync(structure.Id, async sp =>
        {
            var s = sp.GetRequiredService<PersonService>();
            await s.CreateAsync(new PersonInput { LastName = "BEBE", FirstName = "Un", DateOfBirth = today.AddMonths(-8), GroupIds = [group] });
            await s.CreateAsync(new PersonInput { LastName = "ADULTE", FirstName = "Deux", DateOfBirth = today.AddYears(-40), Mobile = "0622222222", ConsentSms = true });
        });
        (await client.GetJsonAsync<Page<PersonRow>>($"/api/persons?groupId={group}")).Items.ShouldHaveSingleItem().LastName.ShouldBe("BEBE");
        (await client.GetJsonAsync<Page<PersonRow>>("/api/persons?consent=Sms")).Items.ShouldHaveSingleItem().LastName.ShouldBe("ADULTE");
        var brackets = await factory.InScopeAsync(structure.Id, sp => sp.GetRequiredService<ReferenceData.Contracts.IReferenceDataQuery>().AgeBracketsAsync());
        var babies = brackets.First(b => b.MinAge == 0);
        var babyList = await client.GetJsonAsync<Page<PersonRow>>($"/api/persons?ageBracketId={babies.Id}");
        babyList.Items.ShouldHaveSingleItem().Age.ShouldBe("8 mois");
    }

    [Fact]
    public async Task Deletion_is_refused_when_another_module_refers_to_the_person_and_audited_otherwise()
    {
        var (structure, client) = await factory.StructureWithAdminAsync("Suppression");
        Guid present = default, absent = default;
        await factory.InScopeAsync(structure.Id, async sp =>
        {
            var s = sp.GetRequiredService<PersonService>();
            present = await s.CreateAsync(new PersonInput { LastName = "PRÉSENT", FirstName = "Paul", DateOfBirth = new DateOnly(2012, 1, 1) });
            absent = await s.CreateAsync(new PersonInput { LastName = "ABSENT", FirstName = "Anna", DateOfBirth = new DateOnly(2012, 1, 1) });
        });
        var refused = await client.PostFormAsync($"/adherents/{present}", new Dictionary<string, string?>(), $"/adherents/{present}/supprimer");
        refused.LocationOf().ShouldBe($"/adherents/{present}");
        (await client.GetTextAsync($"/adherents/{present}")).ShouldContain(TestPresenceCheck.Reason);
        var api = await client.Http.DeleteAsync($"/api/persons/{present}");
        api.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        (await client.PostFormAsync($"/adherents/{absent}", new Dictionary<string, string?>(), $"/adherents/{absent}/supprimer")).LocationOf().ShouldBe("/adherents");
        (await factory.CountPersonsAsync(structure.Id)).ShouldBe(1);
        var audit = await factory.DbAsync(structure.Id, db => db.AuditEntries.Where(a => a.TenantId == structure.Id).Select(a => a.Action).ToListAsync());
        audit.ShouldContain("Adhérent supprimé");
    }

    [Fact]
    public async Task Family_deletion_is_refused_when_another_module_refers_to_it_and_keeps_its_members_otherwise()
    {
        var (structure, client) = await factory.StructureWithAdminAsync("Familles");
        Guid subscribed = default, free = default, member = default;
        await factory.InScopeAsync(structure.Id, async sp =>
        {
            var families = sp.GetRequiredService<HouseholdService>();
            subscribed = await families.CreateAsync(new HouseholdInput { Name = "ABONNÉE" });
            free = await families.CreateAsync(new HouseholdInput { Name = "Libre" });
            member = await sp.GetRequiredService<PersonService>().CreateAsync(
                new PersonInput { LastName = "Libre", FirstName = "Léa", DateOfBirth = new DateOnly(2015, 6, 1), HouseholdId = free });
        });

        var refused = await client.PostFormAsync($"/familles/{subscribed}", new Dictionary<string, string?>(), $"/familles/{subscribed}/supprimer");
        refused.LocationOf().ShouldBe($"/familles/{subscribed}");
        (await client.GetTextAsync($"/familles/{subscribed}")).ShouldContain(TestSubscriptionCheck.Reason);
        (await client.Http.DeleteAsync($"/api/households/{subscribed}")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await factory.DbAsync(structure.Id, db => db.Set<Household>().CountAsync())).ShouldBe(2);

        (await client.PostFormAsync($"/familles/{free}", new Dictionary<string, string?>(), $"/familles/{free}/supprimer")).LocationOf().ShouldBe("/familles");
        (await factory.DbAsync(structure.Id, db => db.Set<Household>().CountAsync())).ShouldBe(1);
        var kept = await factory.DbAsync(structure.Id, db => db.Set<Person>().SingleAsync(p => p.Id == member));
        kept.HouseholdId.ShouldBeNull();
    }

    [Fact]
    public async Task Rgpd_export_and_anonymisation_keep_statistics_only()
    {
        var (structure, client) = await factory.StructureWithAdminAsync("RGPD");
        var group = await factory.GroupAsync(structure.Id);
        var sexe = (await factory.ListAsync(structure.Id, ReferenceData.Contracts.ReferenceListKind.Sexe))[0].Id;
        // Through the admin's API: notes need the notes permission, which a service call without a user lacks.
        var id = await client.CreatePersonAsync(new PersonInput
        {
            LastName = "SECRET", FirstName = "Sophie", DateOfBirth = new DateOnly(1985, 7, 14), SexeId = sexe, Mobile = "0633333333",
            Email = "sophie@example.org", Notes = "Suivi confidentiel", GroupIds = [group],
        });

        var json = await client.Http.GetStringAsync($"/adherents/{id}/donnees?format=json");
        json.ShouldContain("\"Nom\": \"SECRET\"");
        json.ShouldContain("06 33 33 33 33");
        json.ShouldContain("Suivi confidentiel");
        var xlsx = await client.Http.GetAsync($"/api/persons/{id}/rgpd?format=xlsx");
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe(ExportService.XlsxContentType);

        (await client.PostFormAsync($"/adherents/{id}", new Dictionary<string, string?>(), $"/adherents/{id}/anonymiser")).LocationOf().ShouldBe($"/adherents/{id}");
        var p = (await factory.PersonsAsync(structure.Id)).Single();
        p.IsAnonymised.ShouldBeTrue();
        p.LastName.ShouldBe("Anonyme");
        p.FirstName.ShouldBe("");
        p.Email.ShouldBeNull();
        p.MobileE164.ShouldBeNull();
        p.Notes.ShouldBeNull();
        p.SexeId.ShouldBe(sexe);
        // Kept to the day for the statistics (ages on any date, ADR 0015), and shown nowhere: she left every list.
        p.DateOfBirth.ShouldBe(new DateOnly(1985, 7, 14));
        (await factory.DbAsync(structure.Id, db => db.Set<PersonGroup>().CountAsync())).ShouldBe(1);
        (await client.GetJsonAsync<Page<PersonRow>>("/api/persons")).TotalCount.ShouldBe(0);
        // The same person may register again.
        await factory.InScopeAsync(structure.Id, sp => sp.GetRequiredService<PersonService>().CreateAsync(new PersonInput
        {
            LastName = "SECRET", FirstName = "Sophie", DateOfBirth = new DateOnly(1985, 7, 14), Mobile = "0633333333",
        }));
        var actions = await factory.DbAsync(structure.Id, db => db.AuditEntries.Where(a => a.TenantId == structure.Id).Select(a => a.Action).ToListAsync());
        actions.ShouldContain("Export RGPD d'un adhérent");
        actions.ShouldContain("Adhérent anonymisé (RGPD)");
    }

    [Fact]
    public async Task Register_export_opens_in_french_excel_and_is_audited()
    {
        var (structure, client) = await factory.StructureWithAdminAsync("Export");
        await client.CreatePersonAsync(new PersonInput { LastName = "LEFÈVRE", FirstName = "Élodie", DateOfBirth = new DateOnly(1990, 3, 12), Mobile = "0690123456", Notes = "=HYPERLINK(\"x\")" });
        await client.CreatePersonAsync(new PersonInput { LastName = "ABEL", FirstName = "Ânne", DateOfBirth = new DateOnly(1980, 1, 2) });
        var response = await client.GetAsync("/adherents/export?format=csv");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("Nom;Prénom;Sexe;Date de naissance;Âge;Ville;Statut;Minima sociaux;Quotient familial;Famille;Portable");
        lines[1].ShouldStartWith("ABEL;Ânne;;02/01/1980;");
        lines[2].ShouldStartWith("LEFÈVRE;Élodie;;12/03/1990;");
        lines[2].ShouldContain(";06 90 12 34 56;");
        lines[2].ShouldContain("\"'=HYPERLINK(\"\"x\"\")\"");

        var filtered = await client.GetAsync("/adherents/export?format=xlsx&q=abel");
        filtered.Content.Headers.ContentType!.MediaType.ShouldBe(ExportService.XlsxContentType);
        var rows = MiniExcelLibs.MiniExcel.Query(await filtered.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        rows.ShouldHaveSingleItem()["Nom"].ShouldBe("ABEL");
        var audits = await factory.DbAsync(structure.Id, db => db.AuditEntries.Where(a => a.TenantId == structure.Id && a.Action == "Export du registre").CountAsync());
        audits.ShouldBe(2);
    }

    [Fact]
    public async Task Social_fields_need_their_permission_and_import_export_need_theirs()
    {
        var structure = await factory.CreateStructureAsync("Rôles");
        var animateur = await factory.SignInAsync(await factory.CreateStaffAsync(structure.Id, Platform.Contracts.Roles.Animateur));
        var minima = (await factory.ListAsync(structure.Id, ReferenceData.Contracts.ReferenceListKind.MinimaSociaux))[1].Id;
        var id = await factory.InScopeAsync(structure.Id, sp => sp.GetRequiredService<PersonService>().CreateAsync(
            new PersonInput { LastName = "SOCIAL", FirstName = "Sam", DateOfBirth = new DateOnly(1990, 1, 1) }));
        await factory.DbAsync(structure.Id, async db =>
        {
            var p = await db.Set<Person>().SingleAsync();
            p.MinimaSociauxId = minima;
            return await db.SaveChangesAsync();
        });

        var page = await animateur.GetTextAsync($"/adherents/{id}");
        page.ShouldNotContain("Minima sociaux");
        (await animateur.GetTextAsync("/adherents/nouveau")).ShouldNotContain("data-testid=\"social-minima\"");
        var details = await animateur.GetJsonAsync<PersonDetails>($"/api/persons/{id}");
        details.MinimaSociauxId.ShouldBeNull();
        // Editing without the permission keeps the hidden value.
        (await animateur.PostFormAsync($"/adherents/{id}/modifier", PersonForm("SOCIAL", "Samuel", "1990-01-01"))).LocationOf().ShouldBe($"/adherents/{id}");
        (await factory.PersonsAsync(structure.Id)).Single().MinimaSociauxId.ShouldBe(minima);

        (await animateur.GetAsync("/adherents/import")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await animateur.GetAsync("/api/persons/export")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await animateur.Http.DeleteAsync($"/api/persons/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var social = await factory.SignInAsync(await factory.CreateStaffAsync(structure.Id, Platform.Contracts.Roles.TravailleurSocial));
        (await social.GetTextAsync($"/adherents/{id}")).ShouldContain("Minima sociaux");
    }

    [Fact]
    public async Task After_editing_the_user_goes_back_where_they_came_from()
    {
        var (structure, client) = await factory.StructureWithAdminAsync("Retour");
        var id = await client.CreatePersonAsync(new PersonInput { LastName = "RETOUR", FirstName = "Rémi", DateOfBirth = new DateOnly(1970, 4, 4) });

        // From the list searched for « ret »: the file's link carries the way back, and so does its « Modifier ».
        var list = await client.GetPageAsync("/adherents?q=ret");
        var back = "/adherents?q=ret";
        list.ShouldContain($"/adherents/{id}?retour={Uri.EscapeDataString(back)}");
        var profile = await client.GetPageAsync($"/adherents/{id}?retour={Uri.EscapeDataString(back)}");
        profile.ShouldContain($"href=\"{back}\"");
        var self = $"/adherents/{id}?retour={Uri.EscapeDataString(back)}";
        profile.ShouldContain(System.Net.WebUtility.HtmlEncode($"/adherents/{id}/modifier?retour={Uri.EscapeDataString(self)}"));

        // Saving lands on the file (with its way back to the searched list), naming the person.
        var saved = await client.PostFormAsync($"/adherents/{id}/modifier", PersonForm("RETOUR", "Rémy", "1970-04-04").With("retour", self));
        saved.LocationOf().ShouldBe(self);
        (await client.GetTextAsync(self)).ShouldContain("La fiche de RETOUR Rémy a bien été enregistrée.");

        // Without a way back: the person's file. A foreign address is never followed.
        (await client.PostFormAsync($"/adherents/{id}/modifier", PersonForm("RETOUR", "Rémy", "1970-04-04"))).LocationOf().ShouldBe($"/adherents/{id}");
        foreach (var evil in new[] { "https://example.org/", "//example.org/adherents", "/parametres", "/adherents\\..\\x" })
            (await client.PostFormAsync($"/adherents/{id}/modifier", PersonForm("RETOUR", "Rémy", "1970-04-04").With("retour", evil))).LocationOf().ShouldBe($"/adherents/{id}");

        // From a family: back to the family.
        var household = await factory.InScopeAsync(structure.Id, sp => sp.GetRequiredService<HouseholdService>().CreateAsync(new HouseholdInput { Name = "RETOUR" }));
        await factory.InScopeAsync(structure.Id, sp => sp.GetRequiredService<HouseholdService>().AddMemberAsync(household, id));
        (await client.GetPageAsync($"/familles/{household}")).ShouldContain(System.Net.WebUtility.HtmlEncode($"/adherents/{id}/modifier?retour={Uri.EscapeDataString($"/familles/{household}")}"));
        (await client.PostFormAsync($"/adherents/{id}/modifier", PersonForm("RETOUR", "Rémy", "1970-04-04", householdId: household).With("retour", $"/familles/{household}")))
            .LocationOf().ShouldBe($"/familles/{household}");
    }

    [Fact]
    public async Task A_new_family_member_inherits_the_familys_ville_minima_and_quotient()
    {
        var (structure, admin) = await factory.StructureWithAdminAsync("Héritage");
        var ville = (await factory.ListAsync(structure.Id, ReferenceData.Contracts.ReferenceListKind.Ville))[1].Id;
        var minima = (await factory.ListAsync(structure.Id, ReferenceData.Contracts.ReferenceListKind.MinimaSociaux))[1].Id;
        var qf = (await factory.ListAsync(structure.Id, ReferenceData.Contracts.ReferenceListKind.QuotientFamilial))[2].Id;
        var household = await factory.InScopeAsync(structure.Id, sp => sp.GetRequiredService<HouseholdService>().CreateAsync(new HouseholdInput { Name = "HÉRITIER" }));
        await admin.CreatePersonAsync(new PersonInput
        {
            LastName = "HÉRITIER", FirstName = "Mère", DateOfBirth = new DateOnly(1980, 1, 1), HouseholdId = household,
            VilleId = ville, MinimaSociauxId = minima, QuotientFamilialId = qf,
        });

        // The form for the next member comes filled in with the family's values (the admin sees them all).
        var form = await admin.GetPageAsync($"/adherents/nouveau?famille={household}");
        form.ShouldContain("repris de la famille");
        foreach (var id in new[] { ville, minima, qf })
            form.ShouldContain($"<option value=\"{id}\" selected=\"selected\">");

        // An animateur, who does not see minima and QF, registers a child: the child takes the family's.
        var animateur = await factory.SignInAsync(await factory.CreateStaffAsync(structure.Id, Platform.Contracts.Roles.Animateur));
        var animateurForm = await animateur.GetPageAsync($"/adherents/nouveau?famille={household}");
        animateurForm.ShouldContain($"<option value=\"{ville}\" selected=\"selected\">");
        animateurForm.ShouldNotContain(minima.ToString());
        (await animateur.PostFormAsync($"/adherents/nouveau?famille={household}", PersonForm("HÉRITIER", "Enfant", "2018-05-05", householdId: household)))
            .LocationOf().ShouldBe($"/familles/{household}");
        var child = (await factory.PersonsAsync(structure.Id)).Single(p => p.FirstName == "Enfant");
        child.MinimaSociauxId.ShouldBe(minima);
        child.QuotientFamilialId.ShouldBe(qf);
    }

    [Fact]
    public async Task Api_answers_409_with_the_existing_id()
    {
        var (_, client) = await factory.StructureWithAdminAsync("API");
        var created = await client.PostJsonAsync("/api/persons", new { lastName = "API", firstName = "Alice", dateOfBirth = "2000-02-02", mobile = "06 44 44 44 44" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var person = await created.Content.ReadFromJsonAsync<PersonDetails>();
        person!.Mobile.ShouldBe("06 44 44 44 44");
        var again = await client.PostJsonAsync("/api/persons", new { lastName = "api", firstName = "ALICE", dateOfBirth = "2000-02-02" });
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.Content.ReadAsStringAsync()).ShouldContain(person.Id.ToString());
        var bad = await client.PostJsonAsync("/api/persons", new { lastName = "API", firstName = "Bob", dateOfBirth = "2000-02-02", mobile = "01 23 45 67 89" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("portable");
    }

    [Fact]
    public async Task Family_page_lists_members_with_avatars_and_ages()
    {
        var (structure, client) = await factory.StructureWithAdminAsync("Famille");
        var created = await client.PostFormAsync("/familles/nouvelle", new Dictionary<string, string?> { ["Input.Name"] = "GRUJIC" });
        var next = created.LocationOf();
        next.ShouldStartWith("/adherents/nouveau?famille=");
        var householdId = Guid.Parse(next.Split('=')[1]);
        (await client.PostFormAsync(next, PersonForm("GRUJIC", "Stanko", "1975-06-26", householdId: householdId) .With("next", "famille")))
            .LocationOf().ShouldBe(next);
        // The last member's « Valider » lands on the family, with a confirmation naming the person.
        (await client.PostFormAsync(next, PersonForm("GRUJIC", "Luka", DateTime.Today.AddMonths(-8).ToString("yyyy-MM-dd"), householdId: householdId)))
            .LocationOf().ShouldBe($"/familles/{householdId}");
        var page = await client.GetTextAsync($"/familles/{householdId}");
        page.ShouldContain("La fiche de GRUJIC Luka a bien été enregistrée.");
        page.ShouldContain("Stanko");
        page.ShouldContain("8 mois");
        page.ShouldContain("/_content/CentresConnectes.Members/avatars/");
        (await client.GetAsync("/_content/CentresConnectes.Members/avatars/chat.svg")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var households = await client.GetJsonAsync<Page<HouseholdRow>>("/api/households?q=gruj");
        households.Items.ShouldHaveSingleItem().MemberCount.ShouldBe(2);
    }
}

internal static class FormExtensions
{
    public static Dictionary<string, string?> With(this Dictionary<string, string?> form, string key, string? value)
    {
        form[key] = value;
        return form;
    }
}

[Collection(PostgresCollection.Postgres)]
public sealed class RegisterTestsOnPostgres(PostgresMembersFactory factory) : RegisterTests(factory);

[Collection(SqliteCollection.Sqlite)]
public sealed class RegisterTestsOnSqlite(SqliteMembersFactory factory) : RegisterTests(factory);
