namespace CentresConnectes.Platform.Contracts;

public static class PlatformPermissions
{
    /// <summary>Host only: create, rename, suspend structures; enter a structure.</summary>
    public const string Structures = "Platform.Structures";
    /// <summary>Host only: the audit log of the whole installation.</summary>
    public const string HostAuditLog = "Platform.HostAuditLog";
    /// <summary>Host only: background jobs dashboard.</summary>
    public const string Jobs = "Platform.Jobs";
    /// <summary>Host only: the last e-mails written by the embedded pickup sender.</summary>
    public const string SentMail = "Platform.SentMail";
    /// <summary>Structure admin: staff accounts.</summary>
    public const string Staff = "Platform.Staff";
    /// <summary>Structure admin: the structure's audit log.</summary>
    public const string AuditLog = "Platform.AuditLog";
    /// <summary>Structure admin: act on a family's account (used by the ludothèque).</summary>
    public const string ImpersonateFamily = "Platform.ImpersonateFamily";
}
