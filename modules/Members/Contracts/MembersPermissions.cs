namespace CentresConnectes.Members.Contracts;

public static class MembersPermissions
{
    /// <summary>See the register: lists, profiles, households.</summary>
    public const string Read = "Members.Read";
    /// <summary>Register and edit persons and households.</summary>
    public const string Write = "Members.Write";
    /// <summary>Delete or anonymise (RGPD) a person or a household.</summary>
    public const string Delete = "Members.Delete";
    /// <summary>See and edit the social fields (minima sociaux, quotient familial) and the sensitive groups (« RSA »…).</summary>
    public const string SocialData = "Members.SocialData";
    /// <summary>See and write the « Notes de suivi » (what a family worker notes about a person's situation).</summary>
    public const string Notes = "Members.Notes";
    /// <summary>Bulk import from a spreadsheet.</summary>
    public const string Import = "Members.Import";
    /// <summary>Export the register and a person's data (RGPD).</summary>
    public const string Export = "Members.Export";
}
