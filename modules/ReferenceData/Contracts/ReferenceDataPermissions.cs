namespace CentresConnectes.ReferenceData.Contracts;

public static class ReferenceDataPermissions
{
    /// <summary>Staff: read the structure's lists through the API (the forms read them through <see cref="IReferenceDataQuery"/>).</summary>
    public const string Read = "ReferenceData.Read";
    /// <summary>Structure admin: lists, age brackets, welcome message, logo, contact ("Gérer les paramètres").</summary>
    public const string Manage = "ReferenceData.Manage";
    /// <summary>Host only: the platform defaults copied into new structures.</summary>
    public const string Defaults = "ReferenceData.Defaults";
}
