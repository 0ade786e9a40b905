using System.Globalization;
using CentresConnectes.Members.Domain;
using CentresConnectes.Platform.Contracts;
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
    public int Line { get; set; }
    public required string LastName { get; set; }
    public required string FirstName { get; set; }
    public DateOnly DateOfBirth { get; set; }
    public Guid? SexeId { get; set; }
    public Guid? VilleId { get; set; }
    public Guid? StatutId { get; set; }
    public Guid? MinimaSociauxId { get; set; }
    public Guid? QuotientFamilialId { get; set; }
    public string? Email { get; set; }
    public string? MobileE164 { get; set; }
    public string? LandlineE164 { get; set; }
    public string? HouseholdName { get; set; }
    public string? Notes { get; set; }
    public bool ConsentSms { get; set; }
    public bool ConsentEmail { get; set; }
    public DateOnly? RegisteredOn { get; set; }
    /// <summary>The structure's groups named on the line (« Groupe(s) » column).</summary>
    public IReadOnlyList<Guid> GroupIds { get; set; } = [];
    /// <summary>Groups named on the line that the import creates (the user asked to).</summary>
    public IReadOnlyList<string> NewGroups { get; set; } = [];
    /// <summary>Set when the line completes a registered person (merge on request).</summary>
    public Guid? ExistingId { get; set; }

    /// <summary>"durand|marieclaire": the name part of the duplicate rule.</summary>
    internal string DuplicateKey => NameNormalizer.DuplicateKey(LastName, FirstName);

    /// <summary>How many optional fields the line fills.</summary>
    internal int Completeness =>
        new object?[] { SexeId, VilleId, StatutId, MinimaSociauxId, QuotientFamilialId, Email, MobileE164, LandlineE164, HouseholdName, Notes, RegisteredOn }
            .Count(v => v is not null) + (GroupIds.Count + NewGroups.Count > 0 ? 1 : 0) + (ConsentSms ? 1 : 0) + (ConsentEmail ? 1 : 0);

    /// <summary>
    /// How well the names are written: a prénom in mixed case ("Marie-Claire", not "MARIE-CLAIRE" or
    /// "marie-claire"), a nom not all in lower case, accents present ("Hélène" over "Helene").
    /// </summary>
    internal int Writing
    {
        get
        {
            static bool Mixed(string s) => s.Any(char.IsUpper) && s.Any(char.IsLower);
            static bool Accented(string s) => s.Any(c => char.IsLetter(c) && c > 127);
            return (Mixed(FirstName) ? 2 : 0) + (LastName.Any(char.IsUpper) ? 1 : 0) + (Accented(LastName + FirstName) ? 2 : 0);
        }
    }

    /// <summary>Whether this line, as the same person, is better than <paramref name="other"/>: better written, then more complete.</summary>
    internal bool BetterThan(PersonDraft other) =>
        Writing != other.Writing ? Writing > other.Writing : Completeness > other.Completeness;

    /// <summary>Fills what this line lacks from another line of the same person (the winner keeps its own values).</summary>
    internal void CompleteFrom(PersonDraft other)
    {
        SexeId ??= other.SexeId;
        VilleId ??= other.VilleId;
        StatutId ??= other.StatutId;
        MinimaSociauxId ??= other.MinimaSociauxId;
        QuotientFamilialId ??= other.QuotientFamilialId;
        if (Email is null && other.Email is not null)
        {
            Email = other.Email;
            ConsentEmail |= other.ConsentEmail;
        }
        if (MobileE164 is null && other.MobileE164 is not null)
        {
            MobileE164 = other.MobileE164;
            ConsentSms |= other.ConsentSms;
        }
        LandlineE164 ??= other.LandlineE164;
        HouseholdName ??= other.HouseholdName;
        RegisteredOn ??= other.RegisteredOn;
        if (other.Notes is not null && Notes != other.Notes)
            Notes = ImportAnalyzer.JoinNotes(Notes, other.Notes);
        if (other.GroupIds.Count > 0)
            GroupIds = GroupIds.Union(other.GroupIds).ToList();
        if (other.NewGroups.Count > 0)
            NewGroups = NewGroups.Union(other.NewGroups, StringComparer.Ordinal).ToList();
        ExistingId ??= other.ExistingId;
    }
}

/// <summary>A value of the « Groupe(s) » column the structure has no group for.</summary>
public sealed record UnknownGroup(string Label, int Lines, int FirstLine, bool Create);

public sealed record PreviewRow(int Line, IReadOnlyList<string> Cells, RowOutcome Outcome, string Status);

/// <summary>The keys of the persons already registered in the structure (loaded once per analysis).</summary>
public sealed class ExistingKeys
{
    public Dictionary<string, Guid> Identity { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Guid> Mobile { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Guid> Email { get; } = new(StringComparer.Ordinal);
    /// <summary>The duplicate key of the persons holding a mobile or an e-mail (is a contact match the same person?).</summary>
    public Dictionary<Guid, string> ContactOwners { get; } = [];

    public static string IdentityKey(string duplicateKey, DateOnly dateOfBirth) => duplicateKey + "|" + dateOfBirth.DayNumber.ToString(CultureInfo.InvariantCulture);

    public void Add(Guid id, string? duplicateKey, DateOnly dateOfBirth, string? mobile, string? email)
    {
        if (duplicateKey is not null)
            Identity.TryAdd(IdentityKey(duplicateKey, dateOfBirth), id);
        if (mobile is not null)
            Mobile.TryAdd(mobile, id);
        if (email is not null)
            Email.TryAdd(email, id);
        if ((mobile is not null || email is not null) && duplicateKey is not null)
            ContactOwners[id] = duplicateKey;
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
    /// <summary>Total and summary lines below the data ("Total : 380 adhérents"), skipped.</summary>
    public int SummaryCount { get; set; }
    /// <summary>Lines registered without a phone or e-mail that could not be used (kept in the notes).</summary>
    public int ContactWarningCount { get; set; }
    public List<UnknownGroup> UnknownGroups { get; } = [];
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
    // The limits the register stores (the catalogue's), checked here so that a line is refused with its reason, not the whole import.
    private static readonly PersonField LastNameField = PersonFields.Get(nameof(Person.LastName));
    private static readonly PersonField FirstNameField = PersonFields.Get(nameof(Person.FirstName));
    private static readonly int NotesMaxLength = PersonFields.Get(nameof(Person.Notes)).MaxLength!.Value;

    private static readonly string[] FrenchDateFormats = ["d MMMM yyyy", "d MMM yyyy", "d MMMM yy", "d MMM yy", "dddd d MMMM yyyy"];

    /// <summary>French month names without accents ("fevrier", "aout"), as typed on keyboards that make them hard.</summary>
    private static readonly CultureInfo FrenchWithoutAccents = WithoutAccents();

    private static CultureInfo WithoutAccents()
    {
        var culture = (CultureInfo)ParisTime.French.Clone();
        culture.DateTimeFormat.MonthNames = culture.DateTimeFormat.MonthNames.Select(m => NameNormalizer.SortKey(m)).ToArray();
        culture.DateTimeFormat.MonthGenitiveNames = culture.DateTimeFormat.MonthGenitiveNames.Select(m => NameNormalizer.SortKey(m)).ToArray();
        culture.DateTimeFormat.AbbreviatedMonthNames = culture.DateTimeFormat.AbbreviatedMonthNames.Select(m => NameNormalizer.SortKey(m)).ToArray();
        culture.DateTimeFormat.AbbreviatedMonthGenitiveNames = culture.DateTimeFormat.AbbreviatedMonthGenitiveNames.Select(m => NameNormalizer.SortKey(m)).ToArray();
        return culture;
    }

    private static readonly string[] DateFormats =
    [
        "dd/MM/yyyy", "d/M/yyyy", "dd/MM/yy", "d/M/yy", "dd-MM-yyyy", "d-M-yyyy", "dd.MM.yyyy", "d.M.yyyy",
        "yyyy-MM-dd", "dd MM yyyy", "ddMMyyyy", "dd-MM-yy", "d-M-yy", "dd.MM.yy", "d.M.yy", "yyyy/MM/dd",
    ];

    /// <summary>The first words of a total or summary line ("Total : 380 adhérents", "Nombre d'inscrits", "Sous-total").</summary>
    private static readonly string[] SummaryWords = ["total", "sous total", "totaux", "nombre", "nb", "effectif", "effectifs", "somme", "moyenne"];

    /// <summary>A kept line (a person to register) and the lines it absorbed.</summary>
    private sealed class Slot(PersonDraft draft, string identity)
    {
        public PersonDraft Draft { get; set; } = draft;
        public string Identity { get; set; } = identity;
    }

    public ImportAnalysis Analyse(SheetReadResult sheet, ImportOptions options, bool collectDrafts, Action<int>? progress = null)
    {
        var analysis = new ImportAnalysis { Existing = existing };
        var columns = options.Columns;
        var slots = new List<Slot>();
        var inFileIdentity = new Dictionary<string, int>(StringComparer.Ordinal);
        var inFileMobile = new Dictionary<string, int>(StringComparer.Ordinal);
        var inFileEmail = new Dictionary<string, int>(StringComparer.Ordinal);
        var mergedInto = new Dictionary<Guid, int>();
        var unknownValues = new HashSet<string>(StringComparer.Ordinal);
        var unknownGroups = new Dictionary<string, (string Label, int Lines, int FirstLine)>(StringComparer.Ordinal);
        var createGroups = options.CreateGroups.Select(NameNormalizer.SortKey).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);
        var socialIgnored = !options.SocialData && (columns.Contains(ImportField.MinimaSociaux) || columns.Contains(ImportField.QuotientFamilial));
        if (socialIgnored)
            analysis.Notes.Add("Les colonnes « Minima sociaux » et « Quotient familial » ne sont pas importées : votre compte n'a pas accès à ces informations.");
        var expectedSeparator = sheet.Csv?.Separator;
        var afterSummary = false;

        foreach (var row in sheet.Rows)
        {
            if (IsSummary(row, columns, afterSummary))
            {
                afterSummary = true;
                analysis.SummaryCount++;
                if (analysis.SummaryCount <= 5)
                    analysis.Notes.Add($"Ligne {row.Line} : ligne de total ou de commentaire sous la liste, ignorée.");
                continue;
            }
            analysis.TotalRows++;
            if (analysis.TotalRows > ImportLimits.MaxRows)
                throw new ImportFileException($"Le fichier contient plus de {Fr(ImportLimits.MaxRows)} lignes : découpez-le en plusieurs fichiers.");
            if ((analysis.TotalRows & 1023) == 0)
                progress?.Invoke(analysis.TotalRows);

            var errors = new List<string>();
            var warnings = new List<string>();
            var draft = ReadRow(row, columns, options, errors, warnings, expectedSeparator, createGroups, unknownGroups);
            var outcome = RowOutcome.Error;
            var status = "";

            if (errors.Count > 0 || draft is null)
            {
                analysis.AddIssue(new RowIssue(row.Line, string.Join(" ; ", errors), true));
                status = "Erreur : " + string.Join(" ; ", errors);
            }
            else
            {
                var key = draft.DuplicateKey;
                var identity = ExistingKeys.IdentityKey(key, draft.DateOfBirth);
                // A mobile or e-mail already given to someone else (a child on the mother's number) is
                // dropped from this line, never the person: same first name = the same person.
                var fileMatch = inFileIdentity.TryGetValue(identity, out var slotIndex) ? (int?)slotIndex : null;
                var fileReason = "même nom, prénom et date de naissance";
                if (fileMatch is null)
                    fileMatch = ContactMatch(draft, inFileMobile, inFileEmail, i => slots[i].Draft.DuplicateKey, i => $"la ligne {slots[i].Draft.Line}", warnings, out fileReason);
                if (fileMatch is { } index)
                {
                    var slot = slots[index];
                    // The same person again: whichever line wins, a mobile or e-mail this line brings that
                    // another person (of the file or the register) already has stays theirs.
                    DropTakenContacts(draft, index, slot.Draft.ExistingId);
                    outcome = RowOutcome.DuplicateInFile;
                    analysis.DuplicateInFileCount++;
                    if (draft.BetterThan(slot.Draft))
                    {
                        // The better-written, more complete line is the one kept; the earlier one only completes it.
                        var earlier = slot.Draft;
                        var earlierLine = earlier.Line;
                        var kept = draft;
                        kept.CompleteFrom(earlier);
                        kept.ExistingId = earlier.ExistingId;
                        CopyInto(earlier, kept);
                        status = $"Même personne que la ligne {earlierLine} ({fileReason}), mieux écrite ou plus complète : cette ligne est gardée";
                        var message = $"Doublon de la ligne {row.Line} ({fileReason}), qui est mieux écrite ou plus complète : ignorée (ses informations complètent la ligne {row.Line})";
                        analysis.AddIssue(new RowIssue(earlierLine, message, false));
                        var previewIndex = analysis.Preview.FindIndex(p => p.Line == earlierLine);
                        if (previewIndex >= 0)
                            analysis.Preview[previewIndex] = analysis.Preview[previewIndex] with { Outcome = RowOutcome.DuplicateInFile, Status = message };
                        outcome = earlier.ExistingId is null ? RowOutcome.New : RowOutcome.Merge;
                        Index(earlier, index);
                    }
                    else
                    {
                        slot.Draft.CompleteFrom(draft);
                        Index(slot.Draft, index);
                        status = $"Doublon de la ligne {slot.Draft.Line} ({fileReason}) : ignorée";
                        analysis.AddIssue(new RowIssue(row.Line, status, false));
                    }
                }
                else if (RegisterMatch(draft, identity, warnings, out var registerReason) is { } existingId)
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
                if (outcome is RowOutcome.New or RowOutcome.Merge && fileMatch is null)
                {
                    slots.Add(new Slot(draft, identity));
                    Index(draft, slots.Count - 1);
                    if (collectDrafts)
                        analysis.Drafts.Add(draft);
                }
                if (outcome is RowOutcome.New or RowOutcome.Merge)
                {
                    if (warnings.Any(w => w.StartsWith('«')))
                        analysis.ContactWarningCount++;
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
        analysis.Issues.Sort((a, b) => a.Line.CompareTo(b.Line));
        foreach (var (groupKey, group) in unknownGroups.OrderBy(g => g.Value.FirstLine))
            analysis.UnknownGroups.Add(new UnknownGroup(group.Label, group.Lines, group.FirstLine, createGroups.Contains(groupKey)));
        return analysis;

        void DropTakenContacts(PersonDraft line, int index, Guid? existingId)
        {
            if (line.MobileE164 is { } m && ((inFileMobile.TryGetValue(m, out var slotOfMobile) && slotOfMobile != index)
                                             || (existing.Mobile.TryGetValue(m, out var ownerOfMobile) && ownerOfMobile != existingId)))
            {
                line.MobileE164 = null;
                line.ConsentSms = false;
            }
            if (line.Email is { } e && ((inFileEmail.TryGetValue(e, out var slotOfEmail) && slotOfEmail != index)
                                        || (existing.Email.TryGetValue(e, out var ownerOfEmail) && ownerOfEmail != existingId)))
            {
                line.Email = null;
                line.ConsentEmail = false;
            }
        }

        void Index(PersonDraft kept, int index)
        {
            inFileIdentity.TryAdd(ExistingKeys.IdentityKey(kept.DuplicateKey, kept.DateOfBirth), index);
            if (kept.MobileE164 is not null)
                inFileMobile.TryAdd(kept.MobileE164, index);
            if (kept.Email is not null)
                inFileEmail.TryAdd(kept.Email, index);
        }
    }

    /// <summary>Moves the winning line's values into the draft object already listed (the drafts' order stays the file's).</summary>
    private static void CopyInto(PersonDraft target, PersonDraft source)
    {
        target.Line = source.Line;
        target.LastName = source.LastName;
        target.FirstName = source.FirstName;
        target.DateOfBirth = source.DateOfBirth;
        target.SexeId = source.SexeId;
        target.VilleId = source.VilleId;
        target.StatutId = source.StatutId;
        target.MinimaSociauxId = source.MinimaSociauxId;
        target.QuotientFamilialId = source.QuotientFamilialId;
        target.Email = source.Email;
        target.MobileE164 = source.MobileE164;
        target.LandlineE164 = source.LandlineE164;
        target.HouseholdName = source.HouseholdName;
        target.Notes = source.Notes;
        target.ConsentSms = source.ConsentSms;
        target.ConsentEmail = source.ConsentEmail;
        target.RegisteredOn = source.RegisteredOn;
        target.GroupIds = source.GroupIds;
        target.NewGroups = source.NewGroups;
        target.ExistingId = source.ExistingId;
    }

    /// <summary>
    /// A line below the data that is no person: "Total : 380 adhérents", "Nombre d'inscrits : 12", a line
    /// of numbers only (sums, counts), and, once such a line was seen, a lone comment line ("Édité le …").
    /// Never a line with a birth date.
    /// </summary>
    internal static bool IsSummary(SheetRow row, IReadOnlyList<ImportField> columns, bool afterSummary)
    {
        // Nearly every line has a birth date: it is a person's line, decided without reading its cells
        // (a count under the dates column — 380, not an Excel date — is a total's).
        for (var i = 0; i < columns.Count && i < row.Cells.Length; i++)
        {
            if (columns[i] == ImportField.DateOfBirth && !SpreadsheetReader.IsBlank(row.Cells[i]) && !CountLike(row.Cells[i]))
                return false;
        }
        var texts = new List<(ImportField Field, string Text, object? Cell)>();
        for (var i = 0; i < row.Cells.Length; i++)
        {
            if (SpreadsheetReader.IsBlank(row.Cells[i]) || row.Cells[i] is SpreadsheetReader.ExtraCells)
                continue;
            texts.Add((i < columns.Count ? columns[i] : ImportField.Ignore, SpreadsheetReader.CellText(row.Cells[i]), row.Cells[i]));
        }
        if (texts.Count == 0)
            return false;
        if (texts.Any(t => SummaryWords.Any(w => NameNormalizer.SortKey(t.Text) is var k && (k == w || k.StartsWith(w + " ", StringComparison.Ordinal)))))
            return true;
        if (texts.All(t => t.Cell is double or int or long or decimal || double.TryParse(t.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
            return true;
        return afterSummary && texts.Count == 1;
    }

    /// <summary>A small whole number (a count), which no date cell holds: 380, "12".</summary>
    private static bool CountLike(object? cell) => cell switch
    {
        double d => d < 3653,
        string s => s.Trim() is { Length: > 0 and <= 4 } t && t.All(char.IsAsciiDigit),
        _ => false,
    };

    /// <summary>Note kept on the person's file, under what was there.</summary>
    internal static string JoinNotes(string? notes, string addition)
    {
        var joined = string.IsNullOrEmpty(notes) ? addition : notes + "\n" + addition;
        return joined.Length > NotesMaxLength ? joined[..NotesMaxLength] : joined;
    }

    /// <summary>
    /// A line of the file (or a registered person, through the dictionaries given) with the same
    /// mobile or e-mail: the same person when the first names agree; otherwise the contact stays with
    /// the first owner and this line is registered without it (a warning, the text in the notes).
    /// </summary>
    private static T? ContactMatch<T>(PersonDraft draft, Dictionary<string, T> mobiles, Dictionary<string, T> emails,
        Func<T, string?> ownerKey, Func<T, string> ownerName, List<string> warnings, out string reason) where T : struct
    {
        reason = "";
        var firstName = draft.DuplicateKey[(draft.DuplicateKey.IndexOf('|') + 1)..];
        bool Same(T owner) => ownerKey(owner) is { } k && k[(k.IndexOf('|') + 1)..] == firstName;
        if (draft.MobileE164 is { } mobile && mobiles.TryGetValue(mobile, out var byMobile))
        {
            if (Same(byMobile))
            {
                reason = "même prénom et même portable";
                return byMobile;
            }
            warnings.Add($"« {FrenchPhone.Display(mobile)} » est déjà le portable de {ownerName(byMobile)} : personne inscrite sans ce numéro (gardé dans les notes)");
            draft.Notes = JoinNotes(draft.Notes, $"Portable indiqué à l'import (déjà celui d'une autre personne) : {FrenchPhone.Display(mobile)}");
            draft.MobileE164 = null;
            draft.ConsentSms = false;
        }
        if (draft.Email is { } email && emails.TryGetValue(email, out var byEmail))
        {
            if (Same(byEmail))
            {
                reason = "même prénom et même e-mail";
                return byEmail;
            }
            warnings.Add($"« {email} » est déjà l'e-mail de {ownerName(byEmail)} : personne inscrite sans cette adresse (gardée dans les notes)");
            draft.Notes = JoinNotes(draft.Notes, $"E-mail indiqué à l'import (déjà celui d'une autre personne) : {email}");
            draft.Email = null;
            draft.ConsentEmail = false;
        }
        return null;
    }

    private Guid? RegisterMatch(PersonDraft draft, string identity, List<string> warnings, out string reason)
    {
        if (existing.Identity.TryGetValue(identity, out var found))
        {
            reason = "même nom, prénom et date de naissance";
            return found;
        }
        return ContactMatch(draft, existing.Mobile, existing.Email, id => existing.ContactOwners.GetValueOrDefault(id),
            _ => "une personne déjà inscrite", warnings, out reason);
    }

    /// <summary>4 000, the French way (with an ordinary space, readable in any font).</summary>
    private static string Fr(int number) => number.ToString("N0", ParisTime.French).Replace('\u202F', ' ').Replace('\u00A0', ' ');

    /// <summary>The text cut to <paramref name="max"/> characters, with "…" when it was longer.</summary>
    private static string Shorten(string text, int max = 60) => text.Length > max ? text[..max] + "…" : text;

    /// <summary>A service's French sentence ("Le numéro … invalide.") as a clause of the line's report ("le numéro … invalide").</summary>
    private static string Clause(string sentence) => char.ToLowerInvariant(sentence[0]) + sentence[1..^1];

    /// <summary>The first sentence of a message that goes on with a hint (« … n'est pas valide. Un numéro… »).</summary>
    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", message.IndexOf('»') + 1, StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }

    private PersonDraft? ReadRow(SheetRow row, List<ImportField> columns, ImportOptions options, List<string> errors, List<string> warnings, char? separator,
        HashSet<string> createGroups, Dictionary<string, (string Label, int Lines, int FirstLine)> unknownGroups)
    {
        if (row.Cells.Length > columns.Count && row.Cells[^1] is SpreadsheetReader.ExtraCells)
            errors.Add("la ligne a plus de colonnes que l'en-tête (une valeur contient-elle le séparateur sans guillemets ?)");
        else if (separator is { } sep && columns.Count > 1 && row.Cells.Count(c => !SpreadsheetReader.IsBlank(c)) == 1
                 && SpreadsheetReader.CellText(row.Cells[0]) is var only && (only.Contains(sep == ';' ? ',' : ';') || only.Contains('\t')))
        {
            errors.Add($"cette ligne semble utiliser un autre séparateur que « {sep} »");
            return null;
        }

        string? lastName = null, firstName = null, email = null, mobile = null, landline = null, household = null, notes = null;
        DateOnly? dateOfBirth = null, registeredOn = null;
        Guid? sexe = null, ville = null, statut = null, minima = null, qf = null;
        bool consentSms = false, consentEmail = false;
        var lastNameReported = false;
        var firstNameReported = false;
        var dateReported = false;
        var groupIds = new List<Guid>();
        var newGroups = new List<string>();
        // What could not be used of a phone or e-mail: the person is registered, these go to the notes.
        var unusable = new List<string>();
        string? landlineFromMobile = null;

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
                    lastName = Name(text, LastNameField, errors, ref lastNameReported);
                    break;
                case ImportField.FirstName:
                    firstName = Name(text, FirstNameField, errors, ref firstNameReported);
                    break;
                case ImportField.FullName:
                    var (last, first) = SplitFullName(text);
                    lastName = Name(last, LastNameField, errors, ref lastNameReported);
                    firstName = Name(first, FirstNameField, errors, ref firstNameReported);
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
                        // A registration date is not worth a person: a wrong one is a warning, today's date is used.
                        var dateErrors = new List<string>();
                        registeredOn = Date(cell, text, "date d'inscription", dateErrors);
                        if (registeredOn is { } registered && Check.RegistrationDateError(registered, today) is { } registeredError)
                            dateErrors.Add(Clause(registeredError) + $" (« {text} »)");
                        if (dateErrors.Count > 0)
                        {
                            warnings.Add(dateErrors[0] + " : date du jour utilisée");
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
                {
                    var phone = FrenchPhone.ParseMobile(PhoneText(cell, text));
                    if (phone.Error is not null && phone.OtherKindE164 is { } other)
                    {
                        landlineFromMobile = other;
                        warnings.Add($"Numéro de fixe « {Shorten(text, 30)} » dans la colonne du portable : enregistré comme téléphone fixe (jamais utilisé pour les SMS)");
                    }
                    else if (phone.Error is not null)
                    {
                        warnings.Add(FirstSentence(phone.Error) + " : personne inscrite sans ce numéro (gardé dans les notes)");
                        unusable.Add($"portable « {Shorten(text, 40)} »");
                    }
                    else if (phone.Note is not null)
                        warnings.Add("Numéro corrigé : " + phone.Note);
                    mobile = phone.E164;
                    break;
                }
                case ImportField.Landline:
                {
                    var phone = FrenchPhone.ParseLandline(PhoneText(cell, text));
                    if (phone.Error is not null)
                    {
                        warnings.Add(FirstSentence(phone.Error) + " : personne inscrite sans ce numéro (gardé dans les notes)");
                        unusable.Add($"téléphone fixe « {Shorten(text, 40)} »");
                    }
                    else if (phone.Note is not null)
                        warnings.Add("Numéro corrigé : " + phone.Note);
                    landline = phone.E164;
                    break;
                }
                case ImportField.Email:
                    var (address, emailError) = Check.Email(text);
                    if (emailError is not null)
                    {
                        warnings.Add((emailError.StartsWith('«') ? FirstSentence(emailError) : $"« {Shorten(text, 40)} » : " + Clause(emailError))
                                     + " : personne inscrite sans cette adresse (gardée dans les notes)");
                        unusable.Add($"e-mail « {Shorten(new string(text.Where(c => !FrenchText.IsInvisibleOrControl(c)).ToArray()), 60)} »");
                    }
                    email = address;
                    break;
                case ImportField.Household:
                    if (text.Length > Person.NameMaxLength)
                        errors.Add($"le nom de famille (foyer) dépasse {Person.NameMaxLength} caractères");
                    else if (text.Length > 0)
                        household = NameNormalizer.Tidy(text);
                    break;
                case ImportField.Groups:
                    Groups(text, row.Line, groupIds, newGroups, warnings, createGroups, unknownGroups);
                    break;
                case ImportField.Notes:
                    if (text.Length > NotesMaxLength)
                        errors.Add($"les notes dépassent {Fr(NotesMaxLength)} caractères");
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
        landline ??= landlineFromMobile;
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
        if (unusable.Count > 0)
            notes = JoinNotes(notes, $"Import du {today:dd/MM/yyyy} : {string.Join(", ", unusable)} non utilisable(s), à vérifier.");

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
            LandlineE164 = landline,
            HouseholdName = household,
            Notes = notes,
            ConsentSms = consentSms,
            ConsentEmail = consentEmail,
            RegisteredOn = registeredOn,
            // Most lines name no group: no list is kept for them (50,000 drafts stay small).
            GroupIds = groupIds.Count == 0 ? [] : groupIds,
            NewGroups = newGroups.Count == 0 ? [] : newGroups,
        };
    }

    /// <summary>A number cell (612345678.0) as its digits; text as it is.</summary>
    private static string PhoneText(object? cell, string text) => cell switch
    {
        double number when number >= 0 && number < 1e15 && Math.Floor(number) == number => number.ToString("0", CultureInfo.InvariantCulture),
        long or int or decimal => Convert.ToDecimal(cell, CultureInfo.InvariantCulture).ToString("0", CultureInfo.InvariantCulture),
        _ => text,
    };

    /// <summary>"Jeunesse, Culture / petite-enfance": each value matched to a group ignoring case, accents and hyphens.</summary>
    private void Groups(string text, int line, List<Guid> ids, List<string> created, List<string> warnings,
        HashSet<string> createGroups, Dictionary<string, (string Label, int Lines, int FirstLine)> unknownGroups)
    {
        foreach (var part in text.Split([',', ';', '/', '\n', '+'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var label = NameNormalizer.Tidy(part);
            var key = NameNormalizer.SortKey(label);
            if (key.Length == 0)
                continue;
            if (lookup.Match(ReferenceListKind.Groupe, label) is { } id)
            {
                if (!ids.Contains(id))
                    ids.Add(id);
                continue;
            }
            if (label.Length > 100 || Check.NameError(label, "Groupe") is not null)
            {
                warnings.Add($"Groupe « {Shorten(label, 30)} » : nom de groupe impossible, ignoré");
                continue;
            }
            unknownGroups[key] = unknownGroups.TryGetValue(key, out var known) ? known with { Lines = known.Lines + 1 } : (label, 1, line);
            if (createGroups.Contains(key))
            {
                if (!created.Contains(unknownGroups[key].Label))
                    created.Add(unknownGroups[key].Label);
            }
            else
                warnings.Add($"Groupe « {Shorten(label, 30)} » inconnu dans la structure : ignoré (cochez « Créer le groupe » pour le créer)");
        }
    }

    private static string? Name(string text, PersonField field, List<string> errors, ref bool reported)
    {
        var name = NameNormalizer.Tidy(text);
        if (name.Length == 0)
            return null;
        var label = field.Label.ToLower(ParisTime.French);
        if (name.Length > field.MaxLength)
        {
            errors.Add($"le {label} dépasse {field.MaxLength} caractères");
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
        // "12 mars 1985", "1er mars 1985", "12-mars-85" (dates typed as text in French).
        var french = text.Replace("1er", "1", StringComparison.OrdinalIgnoreCase).Replace('-', ' ').Replace('.', ' ');
        if (DateOnly.TryParseExact(NameNormalizer.Tidy(french), FrenchDateFormats, ParisTime.French, DateTimeStyles.AllowWhiteSpaces, out date)
            || DateOnly.TryParseExact(NameNormalizer.Tidy(french), FrenchDateFormats, FrenchWithoutAccents, DateTimeStyles.AllowWhiteSpaces, out date))
        {
            if (date.Year > today.Year)
                date = date.AddYears(-100);
            return date;
        }
        // "1985-03-12T00:00:00" (an ISO date and time).
        if (value.Length >= 10 && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            return date;
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
