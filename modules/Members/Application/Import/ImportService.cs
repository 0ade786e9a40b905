using System.Collections.Concurrent;
using System.Text.Json;
using CentresConnectes.Members.Contracts;
using CentresConnectes.Members.Domain;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.Platform.Infrastructure;
using CentresConnectes.ReferenceData.Contracts;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace CentresConnectes.Members.Application.Import;

public sealed record ImportPreview(
    Guid Id,
    string FileName,
    ImportStatus Status,
    IReadOnlyList<string> Headers,
    ImportOptions Options,
    string? MappingError,
    string? FormatNote,
    ImportAnalysis? Analysis)
{
    /// <summary>The header's line in the sheet, and whether it was found automatically (« En-tête trouvé à la ligne 3 »).</summary>
    public int HeaderLine { get; init; } = 1;
    public bool HeaderFound { get; init; } = true;
    /// <summary>The sheet read and the workbook's sheets (empty for a CSV).</summary>
    public string? Sheet { get; init; }
    public IReadOnlyList<string> Sheets { get; init; } = [];
    /// <summary>The first lines of the sheet, to choose another header line.</summary>
    public IReadOnlyList<HeadLine> Head { get; init; } = [];

    public string HeaderText => HeaderFound
        ? $"En-tête trouvé à la ligne {HeaderLine}" + (Sheets.Count > 1 ? $" de la feuille « {Sheet} »" : "") + "."
        : $"En-tête lu à la ligne {HeaderLine}" + (Sheets.Count > 1 ? $" de la feuille « {Sheet} »" : "") + ".";
}

public sealed record ImportState(
    Guid Id,
    string FileName,
    ImportStatus Status,
    int TotalRows,
    int ProcessedRows,
    int ImportedCount,
    int MergedCount,
    int DuplicateCount,
    int ErrorCount,
    string? Message,
    DateTime CreatedAtUtc,
    DateTime? CompletedAtUtc)
{
    public int Percent => Status is ImportStatus.Completed or ImportStatus.Failed ? 100
        : TotalRows == 0 ? 0 : Math.Clamp(ProcessedRows * 100 / TotalRows, 0, 99);
}

/// <summary>Progress of running imports (the job and the page polling it live in the same process).</summary>
public sealed class ImportProgress
{
    private readonly ConcurrentDictionary<Guid, int> _processed = new();

    public void Report(Guid importId, int processed) => _processed[importId] = processed;

    public int Get(Guid importId) => _processed.GetValueOrDefault(importId);

    public void Clear(Guid importId) => _processed.TryRemove(importId, out _);
}

/// <summary>
/// Bulk import of persons: upload → (mapping, preview with per-line errors and duplicates) →
/// confirmation → one transaction. Nothing is written before the confirmation; a failure writes
/// nothing. Files above <c>Members:Import:InlineMaxRows</c> lines (5,000) are written by a
/// background job while the page shows a progress bar.
/// </summary>
public sealed class ImportService(
    AppDbContext db,
    ReferenceLookupCache references,
    ICurrentUser user,
    ICurrentTenant tenant,
    IAuditLog audit,
    IReferenceValueCreator referenceValues,
    IBackgroundJobClient jobs,
    ImportProgress progress,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<ImportService> logger)
{
    private static readonly JsonSerializerOptions Json = new();

    private int InlineMaxRows => configuration.GetValue("Members:Import:InlineMaxRows", 5000);

    /// <summary>
    /// Keeps the file (checked: type by content, size, zip bomb) and guesses the column mapping; the
    /// header line and the sheet are found automatically unless given.
    /// </summary>
    public async Task<Guid> UploadAsync(string fileName, Stream content, CancellationToken ct = default, int? headerLine = null, string? sheet = null)
    {
        tenant.RequireId();
        var bytes = await ReadLimitedAsync(content, ct);
        var name = Path.GetFileName(fileName);
        if (name.Length > 200)
            name = name[..200];
        try
        {
            if (headerLine is < 1 or > SpreadsheetReader.HeaderSearchLines)
                throw new ImportFileException($"La ligne d'en-tête doit être comprise entre 1 et {SpreadsheetReader.HeaderSearchLines}.");
            var kind = SpreadsheetReader.Detect(bytes, name, out _);
            var read = SpreadsheetReader.Read(bytes, kind, new SheetChoice(sheet, headerLine));
            if (sheet is not null && kind == ImportFileKind.Xlsx && read.Sheet != sheet)
                throw new ImportFileException($"Le classeur n'a pas de feuille « {sheet} » (feuilles : « {string.Join(" », « ", read.Sheets)} »).");
            if (!read.Rows.Any())
                throw new ImportFileException("Le fichier ne contient que la ligne d'en-tête : aucune personne à importer.");
            var session = new ImportSession(name.Length == 0 ? "fichier" : name, kind, bytes, user.Id, user.RecordedName, clock.GetUtcNow().UtcDateTime)
            {
                OptionsJson = JsonSerializer.Serialize(new ImportOptions
                {
                    Columns = ImportMapping.Guess(read.Headers),
                    Sheet = read.Sheets.Count > 0 ? read.Sheet : null,
                    HeaderLine = read.HeaderLine,
                }, Json),
            };
            await ForgetOldSessionsAsync(ct);
            db.Set<ImportSession>().Add(session);
            await db.SaveChangesAsync(ct);
            return session.Id;
        }
        catch (ImportFileException ex)
        {
            throw new BusinessException(ex.Message);
        }
    }

    /// <summary>
    /// Reads the file with the given options (or the saved ones), saves the options and returns the
    /// first lines and every line's problem. Writes nothing else.
    /// </summary>
    public async Task<ImportPreview> PreviewAsync(Guid id, ImportOptions? options = null, CancellationToken ct = default)
    {
        var session = await FindAsync(id, ct);
        var saved = Options(session);
        if (session.Status != ImportStatus.Pending || session.Content is null)
            return new ImportPreview(session.Id, session.FileName, session.Status, [], saved, null, null, null);
        var lookup = await references.GetAsync(ct);
        var requested = options ?? saved;
        // Another sheet than the one read last time: its header is looked for again.
        if (requested.Sheet != saved.Sheet)
            requested.HeaderLine = null;
        var (sheet, note) = ReadSheet(session, requested);
        var chosen = Resolve(requested, sheet, lookup, sameHeader: sheet.HeaderLine == saved.HeaderLine && sheet.Sheet == saved.Sheet);
        // Only a choice the user made (a POST) is kept; showing the page (a GET) changes nothing.
        var keep = options is not null;
        if (keep)
        {
            session.OptionsJson = JsonSerializer.Serialize(chosen, Json);
            await db.SaveChangesAsync(ct);
        }

        ImportPreview Result(string? mappingError, ImportAnalysis? analysis) =>
            new(session.Id, session.FileName, session.Status, sheet.Headers, chosen, mappingError, FormatNote(sheet, note), analysis)
            {
                HeaderLine = sheet.HeaderLine,
                HeaderFound = sheet.HeaderFound,
                Sheet = sheet.Sheet,
                Sheets = sheet.Sheets,
                Head = sheet.Head,
            };

        var mappingError = ImportMapping.Validate(chosen.Columns, sheet.Headers.Count);
        if (mappingError is not null)
            return Result(mappingError, null);
        try
        {
            var existing = await LoadExistingKeysAsync(ct);
            var analysis = new ImportAnalyzer(lookup, existing, ParisTime.Today(clock)).Analyse(sheet, chosen, collectDrafts: false);
            if (keep)
            {
                session.TotalRows = analysis.TotalRows;
                await db.SaveChangesAsync(ct);
            }
            return Result(null, analysis);
        }
        catch (ImportFileException ex)
        {
            throw new BusinessException(ex.Message);
        }
    }

    /// <summary>
    /// The user confirmed: small files are written now, large ones by a background job. Returns the
    /// state (Completed/Failed for inline imports, Running for queued ones).
    /// </summary>
    public async Task<ImportState> ConfirmAsync(Guid id, ImportOptions? options = null, CancellationToken ct = default)
    {
        var session = await FindAsync(id, ct);
        if (session.Status != ImportStatus.Pending || session.Content is null)
            throw new BusinessException("Cet import a déjà été lancé.");
        var lookup = await references.GetAsync(ct);
        var saved = Options(session);
        var requested = options ?? saved;
        if (requested.Sheet != saved.Sheet)
            requested.HeaderLine = null;
        var (sheet, _) = ReadSheet(session, requested);
        var chosen = Resolve(requested, sheet, lookup, sameHeader: sheet.HeaderLine == saved.HeaderLine && sheet.Sheet == saved.Sheet);
        if (ImportMapping.Validate(chosen.Columns, sheet.Headers.Count) is { } mappingError)
            throw new BusinessException(mappingError);
        chosen.ConfirmedBy = user.RecordedName;
        chosen.ConfirmedById = user.Id;
        chosen.ImpersonatorId = user.ImpersonatorId;
        chosen.ImpersonatorName = user.ImpersonatorName;
        var optionsJson = JsonSerializer.Serialize(chosen, Json);
        // The preview counted the lines; the file is analysed again (against the register as it is
        // now) when it is written, so a confirmation never runs the analysis twice.
        var totalRows = session.TotalRows == 0 ? sheet.Rows.Count() : session.TotalRows;
        // Pending → Running in one conditional statement: of two confirmations (a double click, two
        // tabs) only one starts the import; the other is told it is already running.
        var claimed = await db.Set<ImportSession>().Where(s => s.Id == id && s.Status == ImportStatus.Pending)
            .ExecuteUpdateAsync(u => u
                .SetProperty(s => s.Status, ImportStatus.Running)
                .SetProperty(s => s.OptionsJson, optionsJson)
                .SetProperty(s => s.TotalRows, totalRows), ct);
        db.Entry(session).State = EntityState.Detached;
        if (claimed == 0)
            throw new BusinessException("Cet import a déjà été lancé.");

        if (totalRows > InlineMaxRows)
        {
            var tenantId = tenant.RequireId();
            jobs.Enqueue<ImportJob>(job => job.RunAsync(tenantId, id, CancellationToken.None));
            return await GetStateAsync(id, ct);
        }
        // Written now with the file already read: the session as the statement above left it.
        session.Status = ImportStatus.Running;
        session.OptionsJson = optionsJson;
        session.TotalRows = totalRows;
        await RunAsync(session, sheet, ct);
        return await GetStateAsync(id, ct);
    }

    /// <summary>Polled every second by the progress bar: the counters only, never the file.</summary>
    public async Task<ImportState> GetStateAsync(Guid id, CancellationToken ct = default) =>
        WithProgress(await States(db.Set<ImportSession>().Where(s => s.Id == id)).SingleOrDefaultAsync(ct) ?? throw new EntityNotFoundException("Import", id));

    /// <summary>Writes a confirmed import in one transaction (from the job).</summary>
    public async Task RunAsync(Guid id, CancellationToken ct = default)
    {
        var session = await FindAsync(id, ct);
        if (session.Status != ImportStatus.Running || session.Content is null)
            return;
        await RunAsync(session, sheet: null, ct);
    }

    /// <summary>Writes a confirmed (Running) import; <paramref name="sheet"/> is the file when the caller already read it.</summary>
    private async Task RunAsync(ImportSession session, SheetReadResult? sheet, CancellationToken ct)
    {
        var id = session.Id;
        var options = Options(session);
        var lookup = await references.GetAsync(ct);
        var total = Math.Max(1, session.TotalRows);
        try
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            sheet ??= ReadSheet(session, options).Sheet;
            var existing = await LoadExistingKeysAsync(ct);
            var keysLoaded = watch.ElapsedMilliseconds;
            // Reading is about half the work: progress 0–50 % while analysing, 50–100 % while writing.
            var analysis = new ImportAnalyzer(lookup, existing, ParisTime.Today(clock))
                .Analyse(sheet, options, collectDrafts: true, done => progress.Report(id, done / 2));
            var analysed = watch.ElapsedMilliseconds;
            var writer = new ImportWriter(db, audit, referenceValues, clock, options, count => progress.Report(id, total / 2 + count * total / 2 / Math.Max(1, analysis.Drafts.Count)));
            var (created, merged) = await writer.WriteAsync(analysis, session, ct);
            logger.LogInformation("Import {ImportId}: {Created} created, {Merged} merged, {Duplicates} duplicates, {Errors} errors; " +
                                  "register keys {KeysMs} ms, analysis {AnalysisMs} ms, writing {WriteMs} ms",
                id, created, merged, analysis.DuplicateCount, analysis.ErrorCount, keysLoaded, analysed - keysLoaded, watch.ElapsedMilliseconds - analysed);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Import {ImportId} failed; nothing was written", id);
            db.ChangeTracker.Clear();
            var failed = await FindAsync(id, ct);
            failed.Finish(ImportStatus.Failed, clock.GetUtcNow().UtcDateTime, ex switch
            {
                ImportFileException or BusinessException => ex.Message,
                DbUpdateException update when UniqueViolation.Is(update) =>
                    "Une personne du fichier a été inscrite par quelqu'un d'autre pendant l'import : rien n'a été enregistré, relancez l'import.",
                _ => "L'import a échoué : rien n'a été enregistré. Réessayez ; si le problème continue, signalez-le à l'administrateur.",
            });
            // The job has no signed-in user: the entry names who confirmed the import, like a successful one.
            audit.RecordFor(ImportWriter.Actor(options, failed), "Import d'adhérents échoué", "Import", id.ToString(), failed.FileName);
            await db.SaveChangesAsync(CancellationToken.None);
        }
        finally
        {
            progress.Clear(id);
        }
    }

    /// <summary>Abandons a pending import (the file is deleted).</summary>
    public async Task CancelAsync(Guid id, CancellationToken ct = default)
    {
        if (await db.Set<ImportSession>().Where(s => s.Id == id && s.Status != ImportStatus.Running).ExecuteDeleteAsync(ct) > 0)
            return;
        if (await db.Set<ImportSession>().AnyAsync(s => s.Id == id, ct))
            throw new BusinessException("Cet import est en cours : il ne peut plus être annulé.");
        throw new EntityNotFoundException("Import", id);
    }

    public async Task<IReadOnlyList<ImportState>> ListRecentAsync(CancellationToken ct = default) =>
        (await States(db.Set<ImportSession>().OrderByDescending(s => s.CreatedAtUtc).Take(20)).ToListAsync(ct)).Select(WithProgress).ToList();

    /// <summary>The sessions' counters, without the file (up to 20 MB).</summary>
    private static IQueryable<ImportState> States(IQueryable<ImportSession> sessions) =>
        sessions.AsNoTracking().Select(s => new ImportState(s.Id, s.FileName, s.Status, s.TotalRows, s.TotalRows, s.ImportedCount, s.MergedCount,
            s.DuplicateCount, s.ErrorCount, s.Message, s.CreatedAtUtc, s.CompletedAtUtc));

    private ImportState WithProgress(ImportState state) =>
        state.Status == ImportStatus.Running ? state with { ProcessedRows = progress.Get(state.Id) } : state;

    internal async Task<ExistingKeys> LoadExistingKeysAsync(CancellationToken ct)
    {
        var keys = new ExistingKeys();
        await foreach (var p in db.Set<Person>().AsNoTracking().Where(p => !p.IsAnonymised)
                           .Select(p => new { p.Id, p.DuplicateKey, p.DateOfBirth, p.MobileE164, p.NormalizedEmail })
                           .AsAsyncEnumerable().WithCancellation(ct))
            keys.Add(p.Id, p.DuplicateKey, p.DateOfBirth, p.MobileE164, p.NormalizedEmail);
        return keys;
    }

    private async Task<ImportSession> FindAsync(Guid id, CancellationToken ct) =>
        await db.Set<ImportSession>().SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw new EntityNotFoundException("Import", id);

    /// <summary>The options as the current user may use them: social data by permission, the structure's groups, a mapping fitting the file.</summary>
    private ImportOptions Resolve(ImportOptions chosen, SheetReadResult sheet, ReferenceLookup lookup, bool sameHeader)
    {
        chosen.SocialData = user.HasPermission(MembersPermissions.SocialData);
        chosen.GroupIds = lookup.ValidateGroups(chosen.GroupIds).ToList();
        // Another header line (or sheet) has other columns: their mapping is guessed again.
        if (chosen.Columns.Count != sheet.Headers.Count || !sameHeader)
            chosen.Columns = ImportMapping.Guess(sheet.Headers);
        chosen.HeaderLine = sheet.HeaderLine;
        chosen.Sheet = sheet.Sheets.Count > 0 ? sheet.Sheet : null;
        chosen.CreateGroups = chosen.CreateGroups.Select(g => NameNormalizer.Tidy(g ?? "")).Where(g => g.Length is > 0 and <= 100)
            .DistinctBy(NameNormalizer.SortKey).Take(200).ToList();
        return chosen;
    }

    private static ImportOptions Options(ImportSession session) =>
        (session.OptionsJson is { } json ? JsonSerializer.Deserialize<ImportOptions>(json, Json) : null) ?? new ImportOptions();

    private static (SheetReadResult Sheet, string? Note) ReadSheet(ImportSession session, ImportOptions options)
    {
        try
        {
            var kind = SpreadsheetReader.Detect(session.Content!, session.FileName, out var note);
            return (SpreadsheetReader.Read(session.Content!, kind, new SheetChoice(options.Sheet, options.HeaderLine)), note);
        }
        catch (ImportFileException ex)
        {
            throw new BusinessException(ex.Message);
        }
    }

    private static string? FormatNote(SheetReadResult sheet, string? note)
    {
        var parts = new List<string>();
        if (note is not null)
            parts.Add(note);
        if (sheet.Csv is { } csv)
            parts.Add($"Fichier texte lu en {csv.EncodingName}, séparateur « {(csv.Separator == '\t' ? "tabulation" : csv.Separator.ToString())} ».");
        return parts.Count == 0 ? null : string.Join(" ", parts);
    }

    private static async Task<byte[]> ReadLimitedAsync(Stream content, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > ImportLimits.MaxFileBytes)
                throw new BusinessException($"Le fichier dépasse {ImportLimits.MaxFileBytes / 1024 / 1024} Mo : découpez-le en plusieurs fichiers.");
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0)
            throw new BusinessException("Le fichier est vide.");
        return buffer.ToArray();
    }

    /// <summary>Uploaded files hold personal data: pending imports older than two days are deleted.</summary>
    private async Task ForgetOldSessionsAsync(CancellationToken ct)
    {
        var limit = clock.GetUtcNow().UtcDateTime.AddDays(-2);
        await db.Set<ImportSession>().Where(s => s.CreatedAtUtc < limit && s.Status == ImportStatus.Pending).ExecuteDeleteAsync(ct);
    }
}

/// <summary>The Hangfire job of large imports: works inside the structure that confirmed it.</summary>
public sealed class ImportJob(ICurrentTenant tenant, ImportService imports)
{
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(Guid tenantId, Guid importId, CancellationToken ct)
    {
        // cross-tenant: a job has no signed-in user; it works in the structure that confirmed the import
        // (test: Large_files_run_in_the_background_with_a_progress_bar)
        using (tenant.Change(tenantId))
            await imports.RunAsync(importId, ct);
    }
}
