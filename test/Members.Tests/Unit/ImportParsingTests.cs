using System.IO.Compression;
using System.Text;
using CentresConnectes.Members.Application;
using CentresConnectes.Members.Application.Import;
using CentresConnectes.Members.Domain;
using MiniExcelLibs;
using Shouldly;
using Xunit;

namespace CentresConnectes.Members.Tests.Unit;

/// <summary>The bad-input corpus (Fixtures/, plus files too big to commit made here): every file gets a clear French result.</summary>
public sealed class ImportParsingTests
{
    private static readonly DateOnly Today = new(2024, 6, 1);
    private static readonly Guid Tenant = Guid.Parse("11111111-2222-3333-4444-555555555555");

    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    private static async Task<ImportAnalysis> AnalyseAsync(string fileName, byte[] content, Action<ImportOptions>? configure = null, ExistingKeys? existing = null)
    {
        var kind = SpreadsheetReader.Detect(content, fileName, out _);
        var sheet = SpreadsheetReader.Read(content, kind);
        var options = new ImportOptions { Columns = ImportMapping.Guess(sheet.Headers), SocialData = true };
        configure?.Invoke(options);
        var lookup = await ReferenceLookup.LoadAsync(new TestReferenceData(new FixedTenant(Tenant)), CancellationToken.None);
        return new ImportAnalyzer(lookup, existing ?? new ExistingKeys(), Today).Analyse(sheet, options, collectDrafts: true);
    }

    private static Task<ImportAnalysis> FixtureAsync(string name, Action<ImportOptions>? configure = null, ExistingKeys? existing = null) =>
        AnalyseAsync(name, Fixture(name), configure, existing);

    private static string Issue(ImportAnalysis analysis, int line) =>
        string.Join(" | ", analysis.Issues.Where(i => i.Line == line).Select(i => i.Message));

    [Fact]
    public async Task Utf8_with_bom_and_semicolons()
    {
        var a = await FixtureAsync("utf8-bom-semicolon.csv");
        a.TotalRows.ShouldBe(4);
        a.NewCount.ShouldBe(4);
        a.ErrorCount.ShouldBe(0);
        var ines = a.Drafts.Single(d => d.FirstName == "Inès");
        ines.LastName.ShouldBe("GRUJIC");
        ines.DateOfBirth.ShouldBe(new DateOnly(2012, 9, 3));
        ines.HouseholdName.ShouldBe("GRUJIC");
        ines.SexeId.ShouldBe(TestReferenceData.IdFor(Tenant, "Sexe/Femme"));
        a.Drafts.Single(d => d.FirstName == "Affida").MobileE164.ShouldBe("+33612345679");
        a.Drafts.Single(d => d.FirstName == "Stanko").Email.ShouldBe("stanko.grujic@example.org");
    }

    [Fact]
    public void Windows_1252_is_detected_when_the_bytes_are_not_utf8()
    {
        var (text, encoding) = SpreadsheetReader.Decode(Fixture("windows1252-semicolon.csv"));
        encoding.ShouldBe("Windows-1252");
        text.ShouldContain("LEFÈVRE;Élodie");
        text.ShouldContain("Noël");
    }

    [Fact]
    public async Task Windows_1252_file_imports_with_its_accents()
    {
        var a = await FixtureAsync("windows1252-semicolon.csv");
        a.ErrorCount.ShouldBe(0);
        a.Drafts.Select(d => d.LastName).ShouldBe(["LEFÈVRE", "BÉNARD", "NGUYEN", "DUPRÉ"]);
        a.Drafts[0].MobileE164.ShouldBe("+33611223344");
        a.Drafts[1].MobileE164.ShouldBe("+33655443322");
        a.Drafts[0].VilleId.ShouldBe(TestReferenceData.IdFor(Tenant, "Ville/Faches-Thumesnil"));
    }

    [Fact]
    public async Task Commas_quotes_line_breaks_and_overseas_mobiles()
    {
        var content = Fixture("utf8-comma.csv");
        SpreadsheetReader.DetectSeparator(Encoding.UTF8.GetString(content)).ShouldBe(',');
        var a = await AnalyseAsync("utf8-comma.csv", content);
        a.ErrorCount.ShouldBe(0);
        a.Drafts.Count.ShouldBe(3);
        a.Drafts[0].Notes.ShouldBe("Aime les jeux, surtout les \"grands\"");
        a.Drafts[0].MobileE164.ShouldBe("+590690123456");
        a.Drafts[1].Notes.ShouldBe("Notes sur\ndeux lignes");
        a.Drafts[1].MobileE164.ShouldBe("+596696112233");
        // The record after a quoted line break keeps its physical line number.
        a.Drafts[2].Line.ShouldBe(5);
        a.Drafts[2].MobileE164.ShouldBe("+262692445566");
    }

    [Fact]
    public void Empty_file_is_refused() =>
        Should.Throw<ImportFileException>(() => SpreadsheetReader.Detect(Fixture("empty.csv"), "empty.csv", out _)).Message.ShouldBe("Le fichier est vide.");

    [Fact]
    public async Task Header_only_file_has_nobody_to_import() =>
        (await Should.ThrowAsync<ImportFileException>(() => FixtureAsync("header-only.csv")))
            .Message.ShouldBe("Le fichier ne contient que la ligne d'en-tête : aucune personne à importer.");

    [Fact]
    public void Broken_zip_is_refused_clearly()
    {
        var content = Fixture("broken.xlsx");
        var kind = SpreadsheetReader.Detect(content, "broken.xlsx", out _);
        Should.Throw<ImportFileException>(() => SpreadsheetReader.Read(content, kind)).Message.ShouldContain("illisible ou endommagé");
    }

    [Fact]
    public async Task Csv_renamed_xlsx_is_read_as_csv_and_said_so()
    {
        SpreadsheetReader.Detect(Fixture("csv-renamed.xlsx"), "csv-renamed.xlsx", out var note).ShouldBe(ImportFileKind.Csv);
        note.ShouldNotBeNull().ShouldContain("c'est un fichier texte (CSV)");
        var a = await FixtureAsync("csv-renamed.xlsx");
        a.NewCount.ShouldBe(1);
    }

    [Fact]
    public void Binary_garbage_is_refused()
    {
        var garbage = new byte[4096];
        new Random(42).NextBytes(garbage);
        garbage[0] = 0;
        Should.Throw<ImportFileException>(() => SpreadsheetReader.Detect(garbage, "x.xlsx", out _)).Message.ShouldContain("illisible");
        Should.Throw<ImportFileException>(() => SpreadsheetReader.Detect(garbage, "x.csv", out _)).Message.ShouldContain("ni un classeur Excel");
    }

    [Fact]
    public void Old_xls_gets_a_hint_to_save_as_xlsx()
    {
        byte[] ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0];
        Should.Throw<ImportFileException>(() => SpreadsheetReader.Detect(ole, "vieux.xls", out _)).Message.ShouldContain("Excel 97-2003");
    }

    [Fact]
    public void Zip_bomb_is_refused_before_it_is_inflated()
    {
        var bomb = new MemoryStream();
        using (var zip = new ZipArchive(bomb, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("[Content_Types].xml").Open().Dispose();
            using (var w = new StreamWriter(zip.CreateEntry("xl/workbook.xml").Open())) w.Write("<workbook/>");
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 64; i++)
                sheet.Write(zeros);
        }
        var content = bomb.ToArray();
        content.Length.ShouldBeLessThan(1024 * 1024);
        var kind = SpreadsheetReader.Detect(content, "bombe.xlsx", out _);
        Should.Throw<ImportFileException>(() => SpreadsheetReader.Read(content, kind)).Message.ShouldContain("bombe zip");
    }

    [Fact]
    public void Committed_zip_bomb_really_inflates_beyond_the_limit_and_is_refused_without_being_inflated()
    {
        // Fixtures/zip-bomb.xlsx (make-zip-bomb.py): a few KB whose sheet is a Deflate64 stream of 210 MiB.
        var content = Fixture("zip-bomb.xlsx");
        content.Length.ShouldBeLessThan(20 * 1024);
        using (var archive = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read))
        {
            var sheet = archive.GetEntry("xl/worksheets/sheet1.xml").ShouldNotBeNull();
            sheet.Length.ShouldBeGreaterThan(ImportLimits.MaxUncompressedBytes);
            // Really inflated once here (to the end, so the stream and its CRC are checked), never by the app.
            using var stream = sheet.Open();
            var buffer = new byte[1024 * 1024];
            long total = 0;
            int read;
            var start = new StringBuilder();
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (total == 0)
                    start.Append(Encoding.UTF8.GetString(buffer, 0, Math.Min(read, 200)));
                total += read;
            }
            total.ShouldBe(sheet.Length);
            total.ShouldBeGreaterThan(ImportLimits.MaxUncompressedBytes);
            start.ToString().ShouldContain("<sheetData>");
        }
        var kind = SpreadsheetReader.Detect(content, "zip-bomb.xlsx", out _);
        kind.ShouldBe(ImportFileKind.Xlsx);
        Should.Throw<ImportFileException>(() => SpreadsheetReader.Read(content, kind)).Message.ShouldContain("trop volumineux une fois décompressé");
    }

    [Fact]
    public void Xlsx_too_big_once_inflated_is_refused()
    {
        // 210 MB of varied text (ratio under the bomb threshold) still exceeds the 200 MB limit.
        var big = new MemoryStream();
        using (var zip = new ZipArchive(big, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var w = new StreamWriter(zip.CreateEntry("xl/workbook.xml").Open())) w.Write("<workbook/>");
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
            var random = new Random(1);
            var chunk = new byte[1024 * 1024];
            for (var i = 0; i < 210; i++)
            {
                for (var j = 0; j < chunk.Length; j++)
                    chunk[j] = (byte)('a' + random.Next(4));
                sheet.Write(chunk);
            }
        }
        Should.Throw<ImportFileException>(() => SpreadsheetReader.CheckZip(big.ToArray())).Message.ShouldContain("trop volumineux une fois décompressé");
    }

    [Fact]
    public async Task Formulas_in_names_are_refused_and_notes_kept_as_text()
    {
        var a = await FixtureAsync("formulas.csv");
        Issue(a, 2).ShouldContain("nom invalide");
        Issue(a, 3).ShouldContain("nom invalide");
        Issue(a, 4).ShouldContain("nom invalide");
        a.Drafts.Select(d => d.LastName).ShouldBe(["MOREAU", "PETIT"]);
        a.Drafts[0].Notes.ShouldBe("=1+1");
    }

    [Fact]
    public async Task Bad_values_are_reported_per_line_in_french()
    {
        var a = await FixtureAsync("bad-values.csv");
        a.TotalRows.ShouldBe(10);
        Issue(a, 2).ShouldContain("date de naissance invalide : « 31/02/2020 »");
        Issue(a, 3).ShouldContain("la date de naissance est dans le futur");
        // A phone or an e-mail never costs a person: lines 4 to 6 are registered without them (warnings).
        Issue(a, 4).ShouldContain("« 061234567812345 » n'est pas un numéro de téléphone valide : personne inscrite sans ce numéro");
        Issue(a, 5).ShouldContain("Numéro de fixe « 03 20 12 34 56 » dans la colonne du portable : enregistré comme téléphone fixe");
        Issue(a, 6).ShouldContain("« pas-un-mail » n'est pas une adresse e-mail valide : personne inscrite sans cette adresse");
        Issue(a, 7).ShouldContain("le nom dépasse 100 caractères");
        Issue(a, 8).ShouldContain("le nom de famille (foyer) dépasse 100 caractères");
        Issue(a, 9).ShouldContain("nom manquant");
        Issue(a, 10).ShouldContain("date de naissance manquante");
        a.ErrorCount.ShouldBe(6);
        a.Issues.Where(i => i.IsError).Select(i => i.Line).ShouldBe([2, 3, 7, 8, 9, 10]);
        a.Drafts.Select(d => d.FirstName).ShouldBe(["Hugo", "Emma", "Léo", "Julie"]);
        var hugo = a.Drafts[0];
        hugo.MobileE164.ShouldBeNull();
        hugo.Notes.ShouldNotBeNull().ShouldContain("portable « 061234567812345 »", customMessage: "the original text is kept on the person's file");
        a.Drafts[1].MobileE164.ShouldBeNull();
        a.Drafts[1].LandlineE164.ShouldBe("+33320123456");
        a.Drafts[2].Email.ShouldBeNull();
        a.Drafts[2].Notes.ShouldNotBeNull().ShouldContain("pas-un-mail");
        a.ContactWarningCount.ShouldBe(2);
        var valid = a.Drafts[3];
        valid.VilleId.ShouldBeNull();
        Issue(a, 11).ShouldContain("Ville « Atlantide » inconnu(e)");
    }

    [Fact]
    public async Task Duplicated_lines_are_reported_and_skipped()
    {
        var a = await FixtureAsync("duplicates.csv");
        a.NewCount.ShouldBe(3);
        a.DuplicateInFileCount.ShouldBe(2);
        Issue(a, 3).ShouldContain("Doublon de la ligne 2 (même nom, prénom et date de naissance)");
        Issue(a, 4).ShouldContain("Doublon de la ligne 2");
        // Another person (another first name) with the same mobile is registered without it, not lost.
        Issue(a, 5).ShouldContain("« 06 10 20 30 40 » est déjà le portable de la ligne 2 : personne inscrite sans ce numéro");
        a.Drafts.Select(d => d.FirstName).ShouldBe(["Marie-Claire", "Pierre", "Jules"]);
        a.Drafts[1].MobileE164.ShouldBeNull();
    }

    [Fact]
    public async Task Duplicates_of_the_register_are_skipped_or_merged_on_request()
    {
        var existingId = Guid.NewGuid();
        var existing = new ExistingKeys();
        existing.Add(existingId, NameNormalizer.DuplicateKey("Durand", "Marie Claire"), new DateOnly(1970, 2, 1), null, null);

        var skipped = await FixtureAsync("duplicates.csv", existing: existing);
        // Lines 2 to 4 are all the registered person; the mobile of line 2 is then free for line 5.
        skipped.DuplicateInRegisterCount.ShouldBe(3);
        Issue(skipped, 2).ShouldContain("Déjà inscrite (même nom, prénom et date de naissance) : ignorée");
        Issue(skipped, 3).ShouldContain("Déjà inscrite");
        skipped.Drafts.Select(d => d.FirstName).ShouldBe(["Pierre", "Jules"]);
        skipped.Drafts.ShouldAllBe(d => d.ExistingId == null);

        var merged = await FixtureAsync("duplicates.csv", o => o.MergeDuplicates = true, existing);
        merged.MergeCount.ShouldBe(1);
        merged.Drafts.Single(d => d.ExistingId == existingId).Line.ShouldBe(2);
    }

    [Fact]
    public async Task Lines_with_another_separator_are_reported()
    {
        var a = await FixtureAsync("mixed-separators.csv");
        a.NewCount.ShouldBe(2);
        Issue(a, 3).ShouldContain("autre séparateur que « ; »");
    }

    [Fact]
    public async Task Very_long_fields_do_not_break_the_reader()
    {
        var text = "Nom;Prénom;Date de naissance;Notes\r\nLONG;Texte;01/01/2000;" + new string('n', 9000) + "\r\nLONG;Suite;02/02/2000;" + new string('m', 50_000) + "\r\n";
        var a = await AnalyseAsync("long.csv", Encoding.UTF8.GetBytes(text));
        Issue(a, 2).ShouldContain("les notes dépassent 4 000 caractères");
        Issue(a, 3).ShouldContain("beaucoup trop longue");
        a.Drafts.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_million_lines_are_refused_with_the_limit()
    {
        var sb = new StringBuilder("Nom;Prénom;Date de naissance\n", 12_000_000);
        for (var i = 0; i < 1_000_000; i++)
            sb.Append("A;B;1\n");
        var content = Encoding.UTF8.GetBytes(sb.ToString());
        content.Length.ShouldBeLessThan(ImportLimits.MaxFileBytes);
        (await Should.ThrowAsync<ImportFileException>(() => AnalyseAsync("million.csv", content)))
            .Message.ShouldBe("Le fichier contient plus de 100 000 lignes : découpez-le en plusieurs fichiers.");
    }

    [Fact]
    public async Task Xlsx_saved_by_libreoffice_with_real_dates()
    {
        var a = await FixtureAsync("libreoffice.xlsx");
        a.ErrorCount.ShouldBe(0);
        a.Drafts.Select(d => d.FirstName).ShouldBe(["Léonie", "Rémi", "Maëlys"]);
        a.Drafts[0].DateOfBirth.ShouldBe(new DateOnly(1988, 4, 12));
        a.Drafts[0].MobileE164.ShouldBe("+33621436587");
        a.Drafts[0].ConsentSms.ShouldBeTrue();
        a.Drafts[1].SexeId.ShouldBe(TestReferenceData.IdFor(Tenant, "Sexe/Homme"));
        a.Drafts[2].DateOfBirth.ShouldBe(new DateOnly(2016, 1, 20));
    }

    [Fact]
    public async Task Xlsx_with_excel_dates_numbers_and_text_dates()
    {
        var rows = new[]
        {
            new Dictionary<string, object?> { ["Nom"] = "EXCEL", ["Prénom"] = "Date", ["Date de naissance"] = new DateTime(1975, 6, 26), ["Portable"] = 612345678d },
            new Dictionary<string, object?> { ["Nom"] = "EXCEL", ["Prénom"] = "Texte", ["Date de naissance"] = "26/06/1976", ["Portable"] = "07 81 23 45 67" },
            new Dictionary<string, object?> { ["Nom"] = "EXCEL", ["Prénom"] = "Serial", ["Date de naissance"] = 27937d, ["Portable"] = null },
        };
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows);
        var a = await AnalyseAsync("dates.xlsx", stream.ToArray());
        a.ErrorCount.ShouldBe(0, string.Join(" | ", a.Issues.Select(i => i.Message)));
        a.Drafts.Select(d => d.DateOfBirth).ShouldBe([new DateOnly(1975, 6, 26), new DateOnly(1976, 6, 26), DateOnly.FromDateTime(DateTime.FromOADate(27937))]);
        a.Drafts[0].MobileE164.ShouldBe("+33612345678");
    }

    [Fact]
    public async Task Preview_keeps_the_first_twenty_lines()
    {
        var sb = new StringBuilder("Nom;Prénom;Date de naissance\n");
        for (var i = 0; i < 50; i++)
            sb.Append($"NOM{i};Prénom{i};01/01/19{50 + i}\n");
        var a = await AnalyseAsync("cinquante.csv", Encoding.UTF8.GetBytes(sb.ToString()));
        a.TotalRows.ShouldBe(50);
        a.Preview.Count.ShouldBe(20);
        a.Preview[0].Line.ShouldBe(2);
        a.Preview[0].Status.ShouldBe("Nouvelle personne");
    }

    [Theory]
    [InlineData(new[] { "Nom", "Prénom", "Date de naissance", "Sexe", "Ville", "Téléphone", "Mail", "Famille" },
        new[] { ImportField.LastName, ImportField.FirstName, ImportField.DateOfBirth, ImportField.Sexe, ImportField.Ville, ImportField.Mobile, ImportField.Email, ImportField.Household })]
    [InlineData(new[] { "NOM DE FAMILLE", "PRENOM", "Né(e) le", "Téléphone fixe", "Portable", "Courriel", "Statut", "Remarques" },
        new[] { ImportField.LastName, ImportField.FirstName, ImportField.DateOfBirth, ImportField.Landline, ImportField.Mobile, ImportField.Email, ImportField.Statut, ImportField.Notes })]
    [InlineData(new[] { "Nom et prénom", "E-mail", "Date naissance", "Quotient familial", "Minima sociaux", "Colonne inconnue" },
        new[] { ImportField.FullName, ImportField.Email, ImportField.DateOfBirth, ImportField.QuotientFamilial, ImportField.MinimaSociaux, ImportField.Ignore })]
    [InlineData(new[] { "Nom de l'école", "Nom", "Prénom", "Date de naissance", "Tél. domicile", "Groupe(s)" },
        new[] { ImportField.Ignore, ImportField.LastName, ImportField.FirstName, ImportField.DateOfBirth, ImportField.Landline, ImportField.Groups })]
    [InlineData(new[] { "Nom de l'école", "Prénom de l'enfant", "Date de naissance", "Fixe", "Groupe" },
        new[] { ImportField.Ignore, ImportField.Ignore, ImportField.DateOfBirth, ImportField.Landline, ImportField.Groups })]
    public void Mapping_is_guessed_from_french_headers(string[] headers, ImportField[] expected) =>
        ImportMapping.Guess(headers).ShouldBe(expected);

    [Fact]
    public void The_header_is_the_line_that_looks_like_one_among_the_first_twenty()
    {
        var text = "Liste des adhérents, juin 2026\r\n\r\nCentre social;;;\r\nNom;Prénom;Date de naissance;Portable\r\nDUPONT;Jean;01/01/1980;\r\n";
        var sheet = SpreadsheetReader.Read(Encoding.UTF8.GetBytes(text), ImportFileKind.Csv);
        sheet.HeaderLine.ShouldBe(4);
        sheet.HeaderFound.ShouldBeTrue();
        sheet.Csv!.Separator.ShouldBe(';', "the title's comma does not decide the separator");
        sheet.Headers.ShouldBe(["Nom", "Prénom", "Date de naissance", "Portable"]);
        sheet.Rows.Select(r => r.Line).ShouldBe([5]);

        var chosen = SpreadsheetReader.Read(Encoding.UTF8.GetBytes(text), ImportFileKind.Csv, new SheetChoice(null, 3));
        chosen.HeaderLine.ShouldBe(3);
        chosen.HeaderFound.ShouldBeFalse();
        chosen.Rows.Select(r => r.Line).ShouldBe([4, 5]);
    }

    [Fact]
    public async Task Total_lines_below_the_data_are_skipped_not_errors()
    {
        var text = "Nom;Prénom;Date de naissance;Ville\r\nDUPONT;Jean;01/01/1980;Lille\r\nDUPONT;Léa;02/02/1982;Lille\r\n;;;\r\nTotal : 2 adhérents;;;\r\n;;2;\r\nÉdité le 01/10/2026;;;\r\n";
        var a = await AnalyseAsync("totaux.csv", Encoding.UTF8.GetBytes(text));
        a.NewCount.ShouldBe(2);
        a.ErrorCount.ShouldBe(0);
        a.SummaryCount.ShouldBe(3);
        a.TotalRows.ShouldBe(2);
    }

    [Fact]
    public async Task The_better_written_duplicate_is_kept_and_completed_by_the_other()
    {
        var text = "Nom;Prénom;Date de naissance;Portable;Ville\r\nmartin;helene;01/02/1970;06 12 34 56 78;\r\nMARTIN;Hélène;01/02/1970;;Lille\r\n";
        var a = await AnalyseAsync("doublons.csv", Encoding.UTF8.GetBytes(text));
        a.NewCount.ShouldBe(1);
        a.DuplicateInFileCount.ShouldBe(1);
        var kept = a.Drafts.ShouldHaveSingleItem();
        kept.Line.ShouldBe(3);
        (kept.LastName, kept.FirstName).ShouldBe(("MARTIN", "Hélène"));
        kept.MobileE164.ShouldBe("+33612345678", "the dropped line completes the kept one");
        kept.VilleId.ShouldNotBeNull();
        Issue(a, 2).ShouldContain("Doublon de la ligne 3");
        a.Preview.Single(p => p.Line == 2).Outcome.ShouldBe(RowOutcome.DuplicateInFile);
    }

    [Fact]
    public async Task A_duplicate_line_never_brings_back_a_contact_another_person_kept()
    {
        // Line 2 takes the e-mail; line 3 (another person) is registered without it; line 4 repeats
        // line 3 with the e-mail: it must not give it back to line 3 (the register's unique rule).
        var text = "Nom;Prénom;Date de naissance;E-mail\r\nLAMBERT;Erreur;01/01/1990;j.lambert@example.org\r\nLAMBERT;Juliette;02/02/1992;j.lambert@example.org\r\nlambert;Juliette;02/02/1992;j.lambert@example.org\r\n";
        var a = await AnalyseAsync("contacts.csv", Encoding.UTF8.GetBytes(text));
        a.NewCount.ShouldBe(2);
        a.DuplicateInFileCount.ShouldBe(1);
        a.Drafts.Count(d => d.Email == "j.lambert@example.org").ShouldBe(1);
        a.Drafts.Single(d => d.FirstName == "Juliette").Email.ShouldBeNull();
    }

    [Fact]
    public async Task Groups_per_line_are_matched_and_unknown_ones_offered()
    {
        var text = "Nom;Prénom;Date de naissance;Groupe(s)\r\nA;Un;01/01/1980;JEUNESSE, petite-enfance\r\nA;Deux;01/01/1981;Atelier cuisine / culture\r\nA;Trois;01/01/1982;atelier  cuisine\r\n";
        var ignored = await AnalyseAsync("groupes.csv", Encoding.UTF8.GetBytes(text));
        ignored.UnknownGroups.ShouldHaveSingleItem().ShouldBe(new UnknownGroup("Atelier cuisine", 2, 3, false));
        ignored.Drafts[0].GroupIds.Count.ShouldBe(2);
        ignored.Drafts[1].GroupIds.Count.ShouldBe(1);
        ignored.Drafts[1].NewGroups.ShouldBeEmpty();
        Issue(ignored, 3).ShouldContain("Groupe « Atelier cuisine » inconnu");

        var created = await AnalyseAsync("groupes.csv", Encoding.UTF8.GetBytes(text), o => o.CreateGroups = ["atelier cuisine"]);
        created.UnknownGroups.ShouldHaveSingleItem().Create.ShouldBeTrue();
        created.Drafts[1].NewGroups.ShouldBe(["Atelier cuisine"]);
        created.Drafts[2].NewGroups.ShouldBe(["Atelier cuisine"]);
    }

    [Theory]
    [InlineData("DUPONT Jean", "DUPONT", "Jean")]
    [InlineData("DE LA FONTAINE Marie-Anne", "DE LA FONTAINE", "Marie-Anne")]
    [InlineData("Dupont Jean", "Dupont", "Jean")]
    public void Full_name_column_is_split_on_the_capitals(string text, string last, string first) =>
        ImportAnalyzer.SplitFullName(text).ShouldBe((last, first));
}
