using System.Globalization;
using CentresConnectes.Members.Domain;
using CentresConnectes.Platform.Infrastructure;
using CentresConnectes.ReferenceData.Contracts;

namespace CentresConnectes.Members.Application.Import;

/// <summary>A problem found on a line: an error skips the line, a warning does not.</summary>
public sealed record RowIssue(int Line, string Message, bool IsError);

public enum RowOutcome
{
    New = 1,
    Merge = 2,
    DuplicateInRegister = 3,
    DuplicateInFile = 4,
    Error = 5,
}

/// <summary>A line ready to be written.</summary>
public sealed class PersonDraft
{
    public int Line { get; init; }
    public required string LastName { get; init; }
    public required string FirstName { get; init; }
    public DateOnly DateOfBirth { get; init; }
    public Guid? SexeId { get; init; }
    public Guid? VilleId { get; init; }
    public Guid? StatutId { get; init; }
    public Guid? MinimaSociauxId { get; init; }
    public Guid? QuotientFamilialId { get; init; }
    public string? Email { get; init; }
    public string? MobileE164 { get; init; }
    public string? HouseholdName { get; init; }
    public string? Notes { get; init; }
    public bool ConsentSms { get; init; }
    public bool ConsentEmail { get; init; }
    public DateOnly? RegisteredOn { get; init; }
    /// <summary>Set when the line completes a registered person (merge on request).</summary>
    public Guid? ExistingId { get; set; }
}

public sealed record PreviewRow(int Line, IReadOnlyList<string> Cells, RowOutcome Outcome, string Status);

/// <summary>The keys of the persons already registered in the structure (loaded once per analysis).</summary>
public sealed class ExistingKeys
{
    public Dictionary<string, Guid> Identity { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Guid> Mobile { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Guid> Email { get; } = new(StringComparer.Ordinal);

    public static string IdentityKey(string duplicateKey, DateOnly dateOfBirth) => duplicateKey + "|" + dateOfBirth.DayNumber.ToString(CultureInfo.InvariantCulture);

    public void Add(Guid id, string? duplicateKey, DateOnly dateOfBirth, string? mobile, string? email)
    {
        if (duplicateKey is not null)
            Identity.TryAdd(IdentityKey(duplicateKey, dateOfBirth), id);
        if (mobile is not null)
            Mobile.TryAdd(mobile, id);
        if (email is not null)
            Email.TryAdd(email, id);
    }
}

public sealed class ImportAnalysis
{
    public const int PreviewSize = 20;
    public const int MaxIssuesKept = 1000;

    public int TotalRows { get; set; }
    public int NewCount { get; set; }
    public int MergeCount { get; set; }
    public int DuplicateInRegisterCount { get; set; }
    public int DuplicateInFileCount { get; set; }
    public int ErrorCount { get; set; }
    public int WarningCount { get; set; }
    public List<RowIssue> Issues { get; } = [];
    public List<PreviewRow> Preview { get; } = [];
    public List<PersonDraft> Drafts { get; } = [];
    public List<string> Notes { get; } = [];
    public int DuplicateCount => DuplicateInRegisterCount + DuplicateInFileCount;

    /// <summary>The register's keys the analysis ran against (the writer checks ownership of mobiles and e-mails with them).</summary>
    internal ExistingKeys? Existing { get; set; }

    /// <summary>Whether a mobile (or e-mail) belongs to a registered person other than <paramref name="personId"/>.</summary>
    internal bool OwnedByOthers(string value, Guid personId, bool phone) =>
        Existing is not null && (phone ? Existing.Mobile : Existing.Email).TryGetValue(value, out var owner) && owner != personId;

    internal void AddIssue(RowIssue issue)
    {
        if (issue.IsError)
            ErrorCount++;
        else
            WarningCount++;
        if (Issues.Count < MaxIssuesKept)
            Issues.Add(issue);
    }
}

/// <summary>
/// Turns the lines of a file into persons to register, reporting per line (number + French reason)
/// what is wrong, what is already registered (in the structure or earlier in the file) and what
/// will be completed. Pure: reads nothing but its arguments, so preview and confirmation agree.
/// </summary>
public sealed class ImportAnalyzer(ReferenceLookup lookup, ExistingKeys existing, DateOnly today)
{
    private static readonly string[] DateFormats =
    [
        "dd/MM/yyyy", "d/M/yyyy", "dd/MM/yy", "d/M/yy", "dd-MM-yyyy", "d-M-yyyy", "dd.MM.yyyy", "d.M.yyyy",
        "yyyy-MM-dd", "dd MM yyyy", "ddMMyyyy",
    ];

    public ImportAnalysis Analyse(SheetReadResult sheet, ImportOptions options, bool collectDrafts, Action<int>? progress = null)
    {
        var analysis = new ImportAnalysis { Existing = existing };
        var columns = options.Columns;
        var inFileIdentity = new Dictionary<string, int>(StringComparer.Ordinal);
        var inFileMobile = new Dictionary<string, int>(StringComparer.Ordinal);
        var inFileEmail = new Dictionary<string, int>(StringComparer.Ordinal);
        var mergedInto = new Dictionary<Guid, int>();
        var unknownValues = new HashSet<string>(StringComparer.Ordinal);
        var socialIgnored = !options.SocialData && (columns.Contains(ImportField.MinimaSociaux) || columns.Contains(ImportField.QuotientFamilial));
        if (socialIgnored)
            analysis.Notes.Add("Les colonnes « Minima sociaux » et « Quotient familial » ne sont pas importées : votre compte n'a pas accès à ces informations.");
        var expectedSeparator = sheet.Csv?.Separator;

        foreach (var row in sheet.Rows)
        {
            analysis.TotalRows++;
            if (analysis.TotalRows > ImportLimits.MaxRows)
                throw new ImportFileException($"Le fichier contient plus de {Fr(ImportLimits.MaxRows)} lignes : découpez-le en plusieurs fichiers.");
            if ((analysis.TotalRows & 1023) == 0)
                progress?.Invoke(analysis.TotalRows);

            var errors = new List<string>();
            var warnings = new List<string>();
            var draft = ReadRow(row, columns, options, errors, warnings, expectedSeparator);
            var outcome = RowOutcome.Error;
            var status = "";

            if (errors.Count > 0 || draft is null)
            {
                analysis.AddIssue(new RowIssue(row.Line, string.Join(" ; ", errors), true));
                status = "Erreur : " + string.Join(" ; ", errors);
            }
            else
            {
                var identity = ExistingKeys.IdentityKey(NameNormalizer.DuplicateKey(draft.LastName, draft.FirstName), draft.DateOfBirth);
                if (Match(inFileIdentity, inFileMobile, inFileEmail, identity, draft, out var fileReason) is { } firstLine)
                {
                    outcome = RowOutcome.DuplicateInFile;
                    status = $"Doublon de la ligne {firstLine} ({fileReason}) : ignorée";
                    analysis.DuplicateInFileCount++;
                    analysis.AddIssue(new RowIssue(row.Line, status, false));
                }
                else if (Match(existing.Identity, existing.Mobile, existing.Email, identity, draft, out var registerReason) is { } existingId)
                {
                    if (options.MergeDuplicates && !mergedInto.ContainsKey(existingId))
                    {
                        outcome = RowOutcome.Merge;
                        status = $"Déjà inscrite ({registerReason}) : sa fiche sera complétée";
                        draft.ExistingId = existingId;
                        mergedInto[existingId] = row.Line;
                        analysis.MergeCount++;
                    }
                    else if (options.MergeDuplicates)
                    {
                        outcome = RowOutcome.DuplicateInFile;
                        status = $"Même personne que la ligne {mergedInto[existingId]} : ignorée";
                        analysis.DuplicateInFileCount++;
                        analysis.AddIssue(new RowIssue(row.Line, status, false));
                    }
                    else
                    {
                        outcome = RowOutcome.DuplicateInRegister;
                        status = $"Déjà inscrite ({registerReason}) : ignorée";
                        analysis.DuplicateInRegisterCount++;
                        analysis.AddIssue(new RowIssue(row.Line, status, false));
                    }
                }
                else
                {
                    outcome = RowOutcome.New;
                    status = "Nouvelle personne";
                    analysis.NewCount++;
                }
                if (outcome is RowOutcome.New or RowOutcome.Merge)
                {
                    inFileIdentity.TryAdd(identity, row.Line);
                    if (draft.MobileE164 is not null)
                        inFileMobile.TryAdd(draft.MobileE164, row.Line);
                    if (draft.Email is not null)
                        inFileEmail.TryAdd(draft.Email, row.Line);
                    if (collectDrafts)
                        analysis.Drafts.Add(draft);
                    foreach (var warning in warnings)
                    {
                        // The same unknown city on 3,000 lines is one message, not 3,000.
                        if (warning.StartsWith('«') || unknownValues.Add(warning))
                            analysis.AddIssue(new RowIssue(row.Line, warning, false));
                    }
                    if (warnings.Count > 0)
                        status += " (" + string.Join(" ; ", warnings) + ")";
                }
            }

            if (analysis.Preview.Count < ImportAnalysis.PreviewSize)
                analysis.Preview.Add(new PreviewRow(row.Line, row.Cells.Select(c => Shorten(SpreadsheetReader.CellText(c))).ToList(), outcome, status));
        }
        progress?.Invoke(analysis.TotalRows);
        if (analysis.TotalRows == 0)
            throw new ImportFileException("Le fichier ne contient que la ligne d'en-tête : aucune personne à importer.");
        return analysis;
    }

    /// <summary>4 000, the French way (with an ordinary space, readable in any font).</summary>
    private static string Fr(int number) => number.ToString("N0", ParisTime.French).Replace('\u202F', ' ').Replace('\u00A0', ' ');

    /// <summary>The text cut to <paramref name="max"/> characters, with "…" when it was longer.</summary>
    private static string Shorten(string text, int max = 60) => text.Length > max ? text[..max] + "…" : text;

    /// <summary>A service's French sentence ("Le numéro … invalide.") as a clause of the line's report ("le numéro … invalide").</summary>
    private static string Clause(string sentence) => char.ToLowerInvariant(sentence[0]) + sentence[1..^1];

    /// <summary>The line (earlier in the file) or the registered person the draft duplicates, and why.</summary>
    private static T? Match<T>(Dictionary<string, T> identities, Dictionary<string, T> mobiles, Dictionary<string, T> emails,
        string identity, PersonDraft draft, out string reason) where T : struct
    {
        if (identities.TryGetValue(identity, out var found))
        {
            reason = "même nom, prénom et date de naissance";
            return found;
        }
        if (draft.MobileE164 is not null && mobiles.TryGetValue(draft.MobileE164, out found))
        {
            reason = "même portable";
            return found;
        }
        if (draft.Email is not null && emails.TryGetValue(draft.Email, out found))
        {
            reason = "même e-mail";
            return found;
        }
        reason = "";
        return null;
    }

    private PersonDraft? ReadRow(SheetRow row, List<ImportField> columns, ImportOptions options, List<string> errors, List<string> warnings, char? separator)
    {
        if (row.Cells.Length > columns.Count && row.Cells[^1] is SpreadsheetReader.ExtraCells)
            errors.Add("la ligne a plus de colonnes que l'en-tête (une valeur contient-elle le séparateur sans guillemets ?)");
        else if (separator is { } sep && columns.Count > 1 && row.Cells.Count(c => !SpreadsheetReader.IsBlank(c)) == 1
                 && SpreadsheetReader.CellText(row.Cells[0]) is var only && (only.Contains(sep == ';' ? ',' : ';') || only.Contains('\t')))
        {
            errors.Add($"cette ligne semble utiliser un autre séparateur que « {sep} »");
            return null;
        }

        string? lastName = null, firstName = null, email = null, mobile = null, household = null, notes = null;
        DateOnly? dateOfBirth = null, registeredOn = null;
        Guid? sexe = null, ville = null, statut = null, minima = null, qf = null;
        bool consentSms = false, consentEmail = false;
        var lastNameReported = false;
        var firstNameReported = false;
        var dateReported = false;

        for (var i = 0; i < columns.Count && i < row.Cells.Length; i++)
        {
            var field = columns[i];
            if (field == ImportField.Ignore)
                continue;
            var cell = row.Cells[i];
            var text = SpreadsheetReader.CellText(cell);
            if (text.Length > ImportLimits.MaxCellLength)
            {
                errors.Add($"la colonne « {ImportMapping.Label(field)} » est beaucoup trop longue ({Fr(text.Length)} caractères)");
                continue;
            }
            switch (field)
            {
                case ImportField.LastName:
                    lastName = Name(text, "nom", errors, ref lastNameReported);
                    break;
                case ImportField.FirstName:
                    firstName = Name(text, "prénom", errors, ref firstNameReported);
                    break;
                case ImportField.FullName:
                    var (last, first) = SplitFullName(text);
                    lastName = Name(last, "nom", errors, ref lastNameReported);
                    firstName = Name(first, "prénom", errors, ref firstNameReported);
                    break;
                case ImportField.DateOfBirth:
                    var errorsBefore = errors.Count;
                    dateOfBirth = Date(cell, text, "date de naissance", errors);
                    if (dateOfBirth is { } dob && Check.BirthDateError(dob, today) is { } dateError)
                    {
                        errors.Add(Clause(dateError) + $" (« {text} »)");
                        dateOfBirth = null;
                    }
                    dateReported = errors.Count > errorsBefore;
                    break;
                case ImportField.RegisteredOn:
                    if (text.Length > 0)
                    {
                        registeredOn = Date(cell, text, "date d'inscription", errors);
                        if (registeredOn > today)
                        {
                            errors.Add($"la date d'inscription est dans le futur (« {text} »)");
                            registeredOn = null;
                        }
                    }
                    break;
                case ImportField.Sexe:
                    sexe = Reference(ReferenceListKind.Sexe, text, "Sexe", warnings);
                    break;
                case ImportField.Ville:
                    ville = Reference(ReferenceListKind.Ville, text, "Ville", warnings);
                    break;
                case ImportField.Statut:
                    statut = Reference(ReferenceListKind.Statut, text, "Statut", warnings);
                    break;
                case ImportField.MinimaSociaux:
                    if (options.SocialData)
                        minima = Reference(ReferenceListKind.MinimaSociaux, text, "Minima sociaux", warnings);
                    break;
                case ImportField.QuotientFamilial:
                    if (options.SocialData)
                        qf = Reference(ReferenceListKind.QuotientFamilial, text, "Quotient familial", warnings);
                    break;
                case ImportField.Mobile:
                    var phoneText = cell is double number ? number.ToString("0", CultureInfo.InvariantCulture) : text;
                    var phone = FrenchPhone.ParseMobile(phoneText);
                    if (phone.Error is not null)
                        errors.Add(Clause(phone.Error));
                    mobile = phone.E164;
                    break;
                case ImportField.Email:
                    var (address, emailError) = Check.Email(text);
                    if (emailError is not null)
                        errors.Add(Clause(emailError));
                    email = address;
                    break;
                case ImportField.Household:
                    if (text.Length > Person.NameMaxLength)
                        errors.Add($"le nom de famille (foyer) dépasse {Person.NameMaxLength} caractères");
                    else if (text.Length > 0)
                        household = NameNormalizer.Tidy(text);
                    break;
                case ImportField.Notes:
                    if (text.Length > Person.NotesMaxLength)
                        errors.Add($"les notes dépassent {Fr(Person.NotesMaxLength)} caractères");
                    else if (text.Length > 0)
                        notes = text;
                    break;
                case ImportField.ConsentSms:
                    consentSms = YesNo(text, "Consentement SMS", warnings);
                    break;
                case ImportField.ConsentEmail:
                    consentEmail = YesNo(text, "Consentement e-mail", warnings);
                    break;
            }
        }

        // Missing values are reported once, unless the value was there but wrong (already reported).
        if (lastName is null && !lastNameReported)
            errors.Insert(0, "nom manquant");
        if (firstName is null && !firstNameReported)
            errors.Add("prénom manquant");
        if (dateOfBirth is null && !dateReported)
            errors.Add("date de naissance manquante");
        if (consentSms && mobile is null)
        {
            warnings.Add("« Consentement SMS » sans portable : non enregistré");
            consentSms = false;
        }
        if (consentEmail && email is null)
        {
            warnings.Add("« Consentement e-mail » sans e-mail : non enregistré");
            consentEmail = false;
        }
        if (errors.Count > 0 || lastName is null || firstName is null || dateOfBirth is null)
            return null;

        return new PersonDraft
        {
            Line = row.Line,
            LastName = lastName,
            FirstName = firstName,
            DateOfBirth = dateOfBirth.Value,
            SexeId = sexe,
            VilleId = ville,
            StatutId = statut,
            MinimaSociauxId = minima,
            QuotientFamilialId = qf,
            Email = email,
            MobileE164 = mobile,
            HouseholdName = household,
            Notes = notes,
            ConsentSms = consentSms,
            ConsentEmail = consentEmail,
            RegisteredOn = registeredOn,
        };
    }

    private static string? Name(string text, string label, List<string> errors, ref bool reported)
    {
        var name = NameNormalizer.Tidy(text);
        if (name.Length == 0)
            return null;
        if (name.Length > Person.NameMaxLength)
        {
            errors.Add($"le {label} dépasse {Person.NameMaxLength} caractères");
            reported = true;
            return null;
        }
        if (Check.NameError(name, label) is not null)
        {
            errors.Add($"{label} invalide (« {Shorten(name, 30)} »)");
            reported = true;
            return null;
        }
        return name;
    }

    /// <summary>"DUPONT Jean", "DE LA FONTAINE Marie-Anne": leading words in capitals are the nom; else the first word.</summary>
    internal static (string Last, string First) SplitFullName(string text)
    {
        var words = NameNormalizer.Tidy(text).Split(' ');
        if (words.Length < 2)
            return (words[0], "");
        var upper = 0;
        while (upper < words.Length - 1 && words[upper].Any(char.IsLetter) && words[upper] == words[upper].ToUpper(ParisTime.French))
            upper++;
        if (upper == 0)
            upper = 1;
        return (string.Join(' ', words[..upper]), string.Join(' ', words[upper..]));
    }

    private DateOnly? Date(object? cell, string text, string label, List<string> errors)
    {
        switch (cell)
        {
            case DateTime dateTime:
                return DateOnly.FromDateTime(dateTime);
            // A real Excel date without a date format: a serial day number (3653 = 1910).
            case double serial when serial is > 3653 and < 2958466:
                return DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
        }
        if (text.Length == 0)
            return null;
        var value = text;
        // "26/06/1975 00:00:00" (a date cell saved as text).
        var space = value.IndexOf(' ');
        if (space > 0 && value[(space + 1)..].Contains(':', StringComparison.Ordinal))
            value = value[..space];
        if (DateOnly.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            // Two-digit years: 05 is 2005, 75 is 1975 (nobody registered is over 100 or born in the future).
            if (value.Length <= 8 && value.Count(char.IsAsciiDigit) <= 6 && date.Year > today.Year)
                date = date.AddYears(-100);
            return date;
        }
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number is > 3653 and < 2958466 && value.All(c => char.IsAsciiDigit(c) || c == '.'))
            return DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(number)));
        errors.Add($"{label} invalide : « {Shorten(text, 20)} » (attendu jj/mm/aaaa)");
        return null;
    }

    private Guid? Reference(ReferenceListKind kind, string text, string label, List<string> warnings)
    {
        if (text.Length == 0)
            return null;
        var id = lookup.Match(kind, text);
        if (id is null)
            warnings.Add($"{label} « {Shorten(text, 30)} » inconnu(e) dans les listes de la structure : laissé(e) vide");
        return id;
    }

    private static bool YesNo(string text, string label, List<string> warnings)
    {
        var key = NameNormalizer.SortKey(text);
        switch (key)
        {
            case "oui" or "o" or "yes" or "y" or "x" or "1" or "vrai" or "true" or "ok" or "d accord":
                return true;
            case "" or "non" or "n" or "no" or "0" or "faux" or "false":
                return false;
            default:
                warnings.Add($"« {label} » : valeur « {(text.Length > 20 ? text[..20] : text)} » non comprise, considérée comme « non »");
                return false;
        }
    }
}
