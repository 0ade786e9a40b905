using System.Net;
using CentresConnectes.Members.Domain;
using Microsoft.EntityFrameworkCore;
using CentresConnectes.TestSupport;
using Shouldly;
using Xunit;
using static CentresConnectes.Members.Tests.Integration.MembersTestHelpers;

namespace CentresConnectes.Members.Tests.Integration;

/// <summary>
/// Every file of the bad-input corpus (Fixtures/) goes through the real upload page, as a user would
/// send it: each gets its French answer (a refusal, or a preview with the right counts) and nobody is
/// registered before a confirmation. A new fixture without an expectation here fails the test.
/// </summary>
public abstract class ImportCorpusTests(MembersFactory factory)
{
    private abstract record Expected;

    /// <summary>The upload page refuses the file with this French message; nothing is kept.</summary>
    private sealed record Refused(string Message) : Expected;

    /// <summary>The file is kept for a preview showing these counts (and these sentences).</summary>
    private sealed record Preview(int New, int Duplicates, int Errors, params string[] Sentences) : Expected;

    private static readonly Dictionary<string, Expected> Expectations = new()
    {
        ["bad-values.csv"] = new Preview(4, 0, 6,
            "Ligne 2 : date de naissance invalide : « 31/02/2020 »",
            "Ligne 4 : « 061234567812345 » n'est pas un numéro de téléphone valide",
            "Ligne 6 : « pas-un-mail » n'est pas une adresse e-mail valide",
            "Ligne 9 : nom manquant"),
        ["broken.xlsx"] = new Refused("Ce fichier .xlsx est illisible ou endommagé : ouvrez-le dans votre tableur et enregistrez-le à nouveau."),
        ["csv-renamed.xlsx"] = new Preview(1, 0, 0, "Ce fichier porte l'extension .xlsx mais c'est un fichier texte (CSV) : il a été lu comme tel."),
        ["duplicates.csv"] = new Preview(3, 2, 0, "Ligne 3 : Doublon de la ligne 2 (même nom, prénom et date de naissance)"),
        ["empty.csv"] = new Refused("Le fichier est vide."),
        ["formulas.csv"] = new Preview(2, 0, 3),
        ["header-only.csv"] = new Refused("Le fichier ne contient que la ligne d'en-tête : aucune personne à importer."),
        ["libreoffice-source.csv"] = new Preview(3, 0, 0, "Fichier texte lu en UTF-8, séparateur « , »."),
        ["libreoffice.xlsx"] = new Preview(3, 0, 0),
        ["mixed-separators.csv"] = new Preview(2, 0, 1, "autre séparateur que « ; »"),
        ["utf8-bom-semicolon.csv"] = new Preview(4, 0, 0, "Fichier texte lu en UTF-8, séparateur « ; »."),
        ["utf8-comma.csv"] = new Preview(3, 0, 0, "Fichier texte lu en UTF-8, séparateur « , »."),
        ["windows1252-semicolon.csv"] = new Preview(4, 0, 0, "Fichier texte lu en Windows-1252, séparateur « ; »."),
        ["zip-bomb.xlsx"] = new Refused("Ce classeur est trop volumineux une fois décompressé (plus de 200 Mo) : découpez-le en plusieurs fichiers."),
    };

    private static string FixturesDirectory => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    /// <summary>Every file of the corpus, and every expectation (a missing file fails too).</summary>
    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        // The scripts that wrote the corpus are not part of it (the build does not copy them; an old output folder may still have them).
        var files = Directory.GetFiles(FixturesDirectory).Where(f => !f.EndsWith(".py", StringComparison.Ordinal)).Select(Path.GetFileName);
        foreach (var name in files.Union(Expectations.Keys).Order(StringComparer.Ordinal))
            data.Add(name!);
        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public async Task Every_fixture_uploaded_on_the_import_page_gets_its_french_outcome_and_registers_nobody(string fixture)
    {
        var path = Path.Combine(FixturesDirectory, fixture);
        File.Exists(path).ShouldBeTrue($"the expectation names a file that is not in Fixtures/: {fixture}");
        Expectations.TryGetValue(fixture, out var expected).ShouldBeTrue($"Fixtures/{fixture} has no expected outcome in {nameof(ImportCorpusTests)}");
        var (structure, client) = await factory.StructureWithAdminAsync("Corpus");

        var response = await client.UploadAsync("/adherents/import", fixture, await File.ReadAllBytesAsync(path));

        switch (expected)
        {
            case Refused refused:
                response.StatusCode.ShouldBe(HttpStatusCode.OK, "a refused file shows the upload page again");
                var page = await response.TextAsync();
                page.ShouldContain("data-testid=\"import-errors\"");
                page.ShouldContain(refused.Message);
                (await factory.DbAsync(structure.Id, db => db.Set<ImportSession>().CountAsync())).ShouldBe(0, "a refused file is not kept");
                break;
            case Preview preview:
                var sessionUrl = response.LocationOf();
                sessionUrl.ShouldStartWith("/adherents/import/");
                var text = await client.GetTextAsync(sessionUrl);
                text.ShouldContain($"{preview.New} nouvelle(s) personne(s)");
                text.ShouldContain($"{preview.Duplicates} doublon(s) ignoré(s)");
                text.ShouldContain($"{preview.Errors} ligne(s) en erreur");
                foreach (var sentence in preview.Sentences)
                    text.ShouldContain(sentence);
                (await factory.DbAsync(structure.Id, db => db.Set<ImportSession>().SingleAsync())).Status.ShouldBe(ImportStatus.Pending);
                break;
        }
        (await factory.CountPersonsAsync(structure.Id)).ShouldBe(0, "nobody is registered before the confirmation");
        (await factory.DbAsync(structure.Id, db => db.Set<Household>().CountAsync())).ShouldBe(0, "no family is created before the confirmation");
    }
}

[Collection(PostgresCollection.Postgres)]
public sealed class ImportCorpusTestsOnPostgres(PostgresMembersFactory factory) : ImportCorpusTests(factory);

[Collection(SqliteCollection.Sqlite)]
public sealed class ImportCorpusTestsOnSqlite(SqliteMembersFactory factory) : ImportCorpusTests(factory);
