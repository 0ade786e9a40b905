namespace CentresConnectes.Platform.Contracts;

/// <summary>
/// Records who did what, in which structure (and on whose behalf). <see cref="Record"/> adds the
/// entry to the current unit of work so it commits with the change it describes.
/// </summary>
public interface IAuditLog
{
    void Record(string action, string? entityType = null, string? entityId = null, string? details = null);

    Task WriteAsync(string action, string? entityType = null, string? entityId = null, string? details = null, CancellationToken ct = default);
}
