using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using CentresConnectes.Members.Application.Import;
using CentresConnectes.Members.Domain;
using CentresConnectes.ReferenceData.Contracts;
using CentresConnectes.TestSupport;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CentresConnectes.Members.Tests.Integration.MembersTestHelpers;

namespace CentresConnectes.Members.Tests.Integration;

/// <summary>
/// The real-shaped corpus (Fixtures/real/, made by make-real-files.py: workbooks saved by LibreOffice
/// Calc, CSV as French Excel writes them) through the real import: the page finds the header and
/// shows the counts written here by hand, then the import is confirmed and the register holds exactly
/// the persons expected — none lost to a phone or an e-mail. A file without an expectation fails.
/// </summary>
public abstract class RealFilesImportTests(MembersFactory factory)
{
    /// <param name="Warnings">Persons registered without a phone or e-mail that could not be used.</param>
    private sealed record Expected(int HeaderLine, int New, int Duplicates, int Errors, int Warnings, int[] ErrorLines, params string[] Sentences)
    {
        public int Summary { get; init; }
        public string[] CreateGroups { get; init; } = [];
        public Func<Register, Task>? Check { get; init; }
    }

    /// <summary>What the import left in the structure.</summary>
    private sealed record Register(List<Person> Persons, IReadOnlyList<ReferenceItemDto> Groups, List<PersonGroup> Memberships, IReadOnlyList<ReferenceItemDto> Statuts)
    {
        public Person One(string firstName) => Persons.Single(p => p.FirstName == firstName);

        public int Members(string group) => Groups.SingleOrDefault(g => g.Label == group) is { } found ? Memberships.Count(m => m.GroupId == found.Id) : -1;

        public string? Statut(Person person) => Statuts.SingleOrDefault(s => s.Id == person.StatutId)?.Label;
    }

    private static readonly Dictionary<string, Expected> Expectations = new()
    {
        ["titre-et-total.xlsx"] = new Expected(4, 8, 0, 0, 0, [], "Les lignes au-dessus (titre, lignes vides) sont ignorées.")
        {
            Summary = 1,
            Check = r =>
            {
                r.One("Jeanne").Email.ShouldBe("jeanne.martin@example.org");
                r.One("Jeanne").DateOfBirth.ShouldBe(new DateOnly(1950, 7, 5));
                r.One("Samia").LastName.ShouldBe("NAÏT");
                return Task.CompletedTask;
            },
        },
        ["fusion-titre-groupes.xlsx"] = new Expected(3, 6, 0, 0, 0, [], "Créer le groupe « Atelier cuisine »", "Créer le groupe « Théâtre »")
        {
            CreateGroups = ["Atelier cuisine"],
            Check = r =>
            {
                r.One("Inès").MobileE164.ShouldBe("+33652061785", "33652061785: Excel dropped the +");
                r.One("Inès").LandlineE164.ShouldBe("+33320112233");
                r.One("Tiago").MobileE164.ShouldBe("+33612345678", "a number cell lost the leading 0");
                r.One("Hugo").MobileE164.ShouldBe("+33611223344");
                r.One("Hugo").LandlineE164.ShouldBe("+33320445566");
                r.One("Maëlle").MobileE164.ShouldBe("+33622334455");
                r.Members("Atelier cuisine").ShouldBe(2, "created on request, lines 6 and 7");
                r.Members("Jeunesse").ShouldBe(2);
                r.Members("Culture").ShouldBe(1);
                r.Members("Petite enfance").ShouldBe(1);
                r.Members("RSA").ShouldBe(1);
                r.Groups.ShouldNotContain(g => g.Label == "Théâtre", "not asked for: ignored");
                return Task.CompletedTask;
            },
        },
        ["deuxieme-feuille.xlsx"] = new Expected(1, 5, 0, 0, 0, [], "de la feuille « Inscrits 2026 »"),
        ["colonnes-masquees.xlsx"] = new Expected(1, 5, 0, 0, 0, [], "Statut « Tante » inconnu")
        {
            Check = r =>
            {
                r.One("Sandrine").Notes.ShouldBe("Dossier CAF en cours", "a hidden column is still read");
                r.Statut(r.One("Marc")).ShouldBe("Père");
                r.Statut(r.One("Josette")).ShouldBe("Grand-mère");
                r.Statut(r.One("Lucas")).ShouldBe("Enfant à charge");
                r.One("Julie").StatutId.ShouldBeNull();
                return Task.CompletedTask;
            },
        },
        ["nom-prenom-une-colonne.xlsx"] = new Expected(1, 6, 0, 2, 0, [8, 9], "Ligne 8 : date de naissance invalide : « 31/02/2020 »", "Ligne 9 : prénom manquant")
        {
            Check = r =>
            {
                r.One("Marie-Anne").LastName.ShouldBe("DE LA FONTAINE");
                r.One("Marie-Anne").DateOfBirth.ShouldBe(new DateOnly(1985, 3, 12));
                r.One("Éric").DateOfBirth.ShouldBe(new DateOnly(1985, 3, 12));
                r.One("Anaïs").DateOfBirth.ShouldBe(new DateOnly(1990, 3, 12));
                r.One("Noé").DateOfBirth.ShouldBe(new DateOnly(2017, 6, 5));
                r.One("Léa").DateOfBirth.ShouldBe(new DateOnly(2001, 1, 31));
                return Task.CompletedTask;
            },
        },
        ["telephones-excel.xlsx"] = new Expected(1, 12, 0, 0, 5, [], "Guadeloupe (+590)", "Ligne 8 : « 0611 » n'est pas un numéro de téléphone valide",
            "Ligne 9 : Numéro de fixe « 04 91 12 34 56 » dans la colonne du portable")
        {
            Check = r =>
            {
                r.One("Sophie").MobileE164.ShouldBe("+33652061785");
                r.One("Lucas").MobileE164.ShouldBe("+33652061786");
                r.One("Aïcha").MobileE164.ShouldBe("+33652061787");
                r.One("Karim").MobileE164.ShouldBe("+33652061788");
                r.One("Rose").MobileE164.ShouldBe("+33652061789");
                r.One("Jules").MobileE164.ShouldBe("+590690123456", "+33 6 90… is Guadeloupe's");
                r.One("Yasmine").MobileE164.ShouldBeNull();
                r.One("Yasmine").Notes.ShouldNotBeNull().ShouldContain("« 0611 »");
                r.One("Naël").MobileE164.ShouldBeNull();
                r.One("Naël").LandlineE164.ShouldBe("+33491123456");
                r.One("Inès").Notes.ShouldNotBeNull().ShouldContain("07 11 22 33 44");
                r.One("Malik").Email.ShouldBeNull();
                r.One("Malik").MobileE164.ShouldBe("+33652061790");
                r.One("Malik").Notes.ShouldNotBeNull().ShouldContain("malik@@example");
                r.One("Sami").MobileE164.ShouldBeNull("his father's mobile stays his father's");
                r.One("Sami").Notes.ShouldNotBeNull().ShouldContain("06 52 06 17 90");
                r.One("Paul").Email.ShouldBeNull("a right-to-left override is refused");
                return Task.CompletedTask;
            },
        },
        ["doublons.xlsx"] = new Expected(1, 3, 4, 0, 1, [], "Ligne 2 : Doublon de la ligne 3", "Ligne 4 : Doublon de la ligne 3",
            "Ligne 7 : Doublon de la ligne 6", "Ligne 8 : Doublon de la ligne 6")
        {
            Check = r =>
            {
                var helene = r.Persons.Single(p => p.LastName.Equals("DUPONT", StringComparison.OrdinalIgnoreCase) && p.DateOfBirth.Year == 1970);
                helene.FirstName.ShouldBe("Hélène", "the well-written line wins over the first one");
                helene.LastName.ShouldBe("DUPONT");
                helene.MobileE164.ShouldBe("+33670000001");
                r.One("Théo").MobileE164.ShouldBeNull("his mother's mobile");
                r.One("Jean-Luc").MobileE164.ShouldBe("+33670000002");
                return Task.CompletedTask;
            },
        },
        ["erreurs.xlsx"] = new Expected(1, 1, 0, 6, 1, [2, 3, 4, 5, 6, 8], "Ligne 2 : nom manquant", "Ligne 3 : prénom manquant",
            "Ligne 4 : date de naissance invalide : « 31/02/2020 »", "Ligne 5 : la date de naissance est dans le futur",
            "Ligne 6 : la date de naissance doit être postérieure au 01/01/1900", "Ligne 8 : date de naissance manquante")
        {
            Check = r =>
            {
                r.One("Rémi").Notes.ShouldNotBeNull().ShouldContain("pas de téléphone");
                return Task.CompletedTask;
            },
        },
        ["totaux-pied-de-page.xlsx"] = new Expected(1, 5, 0, 0, 0, [], "4 ligne(s) de total ignorée(s)") { Summary = 4 },
        ["excel-titre.csv"] = new Expected(3, 4, 0, 1, 0, [8], "Fichier texte lu en Windows-1252, séparateur « ; ».", "Ligne 8 : date de naissance manquante")
        {
            Summary = 1,
            Check = r =>
            {
                r.One("Élodie").LastName.ShouldBe("LEFÈVRE");
                r.One("Élodie").MobileE164.ShouldBe("+33612345601");
                r.One("Élodie").LandlineE164.ShouldBe("+33320123456");
                r.One("François").MobileE164.ShouldBe("+33612345602");
                r.One("Amélie").MobileE164.ShouldBe("+33612345603");
                r.One("Amélie").LandlineE164.ShouldBe("+33320998877");
                return Task.CompletedTask;
            },
        },
        ["excel-groupes.csv"] = new Expected(1, 5, 0, 0, 2, [], "Créer le groupe « Atelier couture »")
        {
            Check = r =>
            {
                r.Members("Jeunesse").ShouldBe(2);
                r.Members("Petite enfance").ShouldBe(1);
                r.Members("Culture").ShouldBe(2);
                r.Groups.ShouldNotContain(g => g.Label == "Atelier couture");
                r.One("Alain").LandlineE164.ShouldBe("+33491000001");
                r.One("Alain").Email.ShouldBeNull();
                r.One("Alain").MobileE164.ShouldBe("+33633445502");
                r.One("Odile").MobileE164.ShouldBeNull();
                r.One("Julie").Email.ShouldBe("julie.caron@example.org");
                return Task.CompletedTask;
            },
        },
        ["excel-dates-texte.csv"] = new Expected(1, 6, 0, 1, 0, [8], "Ligne 8 : prénom manquant", "date du jour utilisée")
        {
            Check = r =>
            {
                r.One("Marc").DateOfBirth.ShouldBe(new DateOnly(1975, 6, 26));
                r.One("Marc").RegisteredOn.ShouldBe(new DateOnly(2025, 9, 1));
                r.One("Emma").DateOfBirth.ShouldBe(new DateOnly(2012, 3, 1));
                r.One("Emma").RegisteredOn.Year.ShouldBeGreaterThan(2000, "01/01/0001 is an empty Excel date");
                r.One("Tom").DateOfBirth.ShouldBe(new DateOnly(2015, 3, 12));
                r.One("Nora").DateOfBirth.ShouldBe(new DateOnly(1992, 2, 15));
                r.One("Nora").MobileE164.ShouldBe("+33644556677");
                r.One("Amine").DateOfBirth.ShouldBe(new DateOnly(1992, 8, 20));
                r.One("Lou").DateOfBirth.ShouldBe(new DateOnly(1992, 8, 20));
                return Task.CompletedTask;
            },
        },
    };

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static string RealDirectory => Path.Combine(AppContext.BaseDirectory, "Fixtures", "real");

    public static TheoryData<string> RealFiles()
    {
        var data = new TheoryData<string>();
        foreach (var name in Directory.GetFiles(RealDirectory).Select(Path.GetFileName).Union(Expectations.Keys).Order(StringComparer.Ordinal))
            data.Add(name!);
        return data;
    }

    [Fact]
    public void The_corpus_has_at_least_twelve_real_shaped_lists() =>
        Directory.GetFiles(RealDirectory).Length.ShouldBeGreaterThanOrEqualTo(12);

    [Theory]
    [MemberData(nameof(RealFiles))]
    public async Task A_real_shaped_file_is_read_from_its_header_and_registers_every_possible_person_exactly_once(string fixture)
    {
        var path = Path.Combine(RealDirectory, fixture);
        File.Exists(path).ShouldBeTrue($"the expectation names a file that is not in Fixtures/real/: {fixture}");
        Expectations.TryGetValue(fixture, out var expected).ShouldBeTrue($"Fixtures/real/{fixture} has no expected outcome in {nameof(RealFilesImportTests)}");
        var (structure, client) = await factory.StructureWithAdminAsync("Réel " + Path.GetFileNameWithoutExtension(fixture));

        var sessionUrl = (await client.UploadAsync("/adherents/import", fixture, await File.ReadAllBytesAsync(path))).LocationOf();
        sessionUrl.ShouldStartWith("/adherents/import/");
        var page = await client.GetTextAsync(sessionUrl);
        page.ShouldContain($"En-tête trouvé à la ligne {expected!.HeaderLine}");
        page.ShouldContain($"{expected.New} nouvelle(s) personne(s)");
        page.ShouldContain($"{expected.Duplicates} doublon(s) ignoré(s)");
        page.ShouldContain($"{expected.Errors} ligne(s) en erreur");
        page.ShouldContain($"{expected.Warnings} personne(s) inscrite(s) sans un numéro ou un e-mail inutilisable");
        if (expected.Summary > 0)
            page.ShouldContain($"{expected.Summary} ligne(s) de total ignorée(s)");
        else
            page.ShouldNotContain("ligne(s) de total ignorée(s)");
        foreach (var line in expected.ErrorLines)
            page.ShouldContain($"Erreur — Ligne {line} :");
        CountOf(page, "Erreur — Ligne ").ShouldBe(expected.ErrorLines.Length, "every refused line, and only those, is reported with its number");
        foreach (var sentence in expected.Sentences)
            page.ShouldContain(sentence);
        (await factory.CountPersonsAsync(structure.Id)).ShouldBe(0, "nothing is written before the confirmation");

        // Confirmed through the API with the options the page saved (plus the groups to create).
        var id = sessionUrl["/adherents/import/".Length..];
        var preview = await client.GetJsonAsync<JsonElement>($"/api/persons/imports/{id}");
        var options = preview.GetProperty("options").Deserialize<ImportOptions>(Json)!;
        options.CreateGroups = [.. expected.CreateGroups];
        var confirm = await client.PostJsonAsync($"/api/persons/imports/{id}/confirm", options);
        confirm.StatusCode.ShouldBe(HttpStatusCode.OK, await confirm.Content.ReadAsStringAsync());
        var state = (await confirm.Content.ReadFromJsonAsync<ImportState>(Json))!;
        state.Status.ShouldBe(ImportStatus.Completed, state.Message);
        state.ImportedCount.ShouldBe(expected.New);

        var register = new Register(
            await factory.PersonsAsync(structure.Id),
            await factory.ListAsync(structure.Id, ReferenceListKind.Groupe),
            await factory.DbAsync(structure.Id, db => db.Set<PersonGroup>().AsNoTracking().ToListAsync()),
            await factory.ListAsync(structure.Id, ReferenceListKind.Statut));
        register.Persons.Count.ShouldBe(expected.New, "every line with a nom, a prénom and a possible date registers one person");
        register.Persons.Select(p => p.DuplicateKey + p.DateOfBirth).Distinct().Count().ShouldBe(expected.New, "exactly once");
        if (expected.Check is { } check)
            await check(register);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}

[Collection(PostgresCollection.Postgres)]
public sealed class RealFilesImportTestsOnPostgres(PostgresMembersFactory factory) : RealFilesImportTests(factory);

[Collection(SqliteCollection.Sqlite)]
public sealed class RealFilesImportTestsOnSqlite(SqliteMembersFactory factory) : RealFilesImportTests(factory);
