using Microsoft.AspNetCore.Authorization;

namespace CentresConnectes.Platform.Contracts;

public static class Roles
{
    public const string SuperAdmin = "SuperAdmin";
    public const string Admin = "Admin";
    public const string Animateur = "Animateur";
    public const string TravailleurSocial = "TravailleurSocial";
    public const string Famille = "Famille";

    /// <summary>Roles a structure admin can give to a staff account.</summary>
    public static readonly IReadOnlyList<string> Staff = [Admin, Animateur, TravailleurSocial];

    public static string DisplayName(string role) => role switch
    {
        SuperAdmin => "Super-administrateur",
        Admin => "Administrateur",
        Animateur => "Animateur",
        TravailleurSocial => "Travailleur social",
        Famille => "Famille",
        _ => role,
    };

    /// <summary>
    /// What a staff role can see and do, in one sentence, on the staff form (issue 11): the person
    /// inviting a colleague chooses knowingly. Kept in step with the roles the modules grant.
    /// </summary>
    public static string Description(string role) => role switch
    {
        Admin => "Tout dans la structure : adhérents (avec les données sociales et les notes de suivi), import et export, paramètres, comptes du personnel et journal d'audit.",
        Animateur => "Consulte, inscrit et modifie les adhérents et les familles ; ne voit ni les données sociales (minima sociaux, quotient familial, groupes sensibles) ni les notes de suivi, et n'importe ni n'exporte.",
        TravailleurSocial => "Tout le registre des adhérents, avec les données sociales et les notes de suivi, l'import, l'export et la suppression ; pas les paramètres ni les comptes du personnel.",
        _ => "",
    };
}

/// <summary>A permission a module declares, with the roles that hold it.</summary>
public sealed record PermissionDefinition(
    string Name,
    string DisplayName,
    string Group,
    IReadOnlyList<string> GrantedToRoles,
    bool HostOnly = false);

public sealed class PermissionDefinitionContext
{
    private readonly Dictionary<string, PermissionDefinition> _definitions = new(StringComparer.Ordinal);

    public IReadOnlyCollection<PermissionDefinition> All => _definitions.Values;

    public PermissionDefinitionContext Add(string name, string displayName, string group, params string[] roles)
    {
        if (!_definitions.TryAdd(name, new PermissionDefinition(name, displayName, group, roles)))
            throw new InvalidOperationException($"Permission {name} is defined twice.");
        return this;
    }

    public PermissionDefinitionContext AddHostOnly(string name, string displayName, string group)
    {
        if (!_definitions.TryAdd(name, new PermissionDefinition(name, displayName, group, [Roles.SuperAdmin], HostOnly: true)))
            throw new InvalidOperationException($"Permission {name} is defined twice.");
        return this;
    }

    public PermissionDefinition? Find(string name) => _definitions.GetValueOrDefault(name);
}

/// <summary>Declares the permission a page, handler or endpoint needs (enforced as a policy).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class RequirePermissionAttribute : AuthorizeAttribute
{
    public const string PolicyPrefix = "Permission:";

    public RequirePermissionAttribute(string permission) : base(PolicyPrefix + permission)
    {
        Permission = permission;
    }

    public string Permission { get; }
}

public static class PermissionPolicy
{
    public static string For(string permission) => RequirePermissionAttribute.PolicyPrefix + permission;
}
