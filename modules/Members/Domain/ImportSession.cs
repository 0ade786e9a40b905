using CentresConnectes.Platform.Contracts;

namespace CentresConnectes.Members.Domain;

public enum ImportFileKind
{
    Xlsx = 1,
    Csv = 2,
}

public enum ImportStatus
{
    /// <summary>Uploaded and analysed; waiting for the user to check the mapping and confirm.</summary>
    Pending = 1,
    /// <summary>Confirmed; the background job is writing.</summary>
    Running = 2,
    Completed = 3,
    Failed = 4,
}

/// <summary>
/// An uploaded spreadsheet kept between preview and confirmation (owned by the structure: another
/// structure's import id is "not found"). The file is dropped once the import is done.
/// </summary>
public sealed class ImportSession : IMultiTenant
{
    private ImportSession() { }

    public ImportSession(string fileName, ImportFileKind kind, byte[] content, Guid? createdById, string? createdBy, DateTime nowUtc)
    {
        Id = Guid.CreateVersion7();
        FileName = fileName;
        Kind = kind;
        Content = content;
        CreatedById = createdById;
        CreatedBy = createdBy;
        CreatedAtUtc = nowUtc;
        Status = ImportStatus.Pending;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public string FileName { get; private set; } = "";
    public ImportFileKind Kind { get; private set; }
    public byte[]? Content { get; private set; }
    public Guid? CreatedById { get; private set; }
    public string? CreatedBy { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }

    public ImportStatus Status { get; set; }
    /// <summary>Column mapping and options chosen by the user (JSON, see ImportOptions).</summary>
    public string? OptionsJson { get; set; }
    public int TotalRows { get; set; }
    public int ImportedCount { get; set; }
    public int MergedCount { get; set; }
    public int DuplicateCount { get; set; }
    public int ErrorCount { get; set; }
    public string? Message { get; set; }
    public DateTime? CompletedAtUtc { get; set; }

    public void Finish(ImportStatus status, DateTime nowUtc, string? message)
    {
        Status = status;
        CompletedAtUtc = nowUtc;
        Message = message;
        // The file holds personal data: once the import is over (done or failed) it goes.
        Content = null;
    }
}
