using CentresConnectes.Members.Contracts;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.ReferenceData.Contracts;

namespace CentresConnectes.Members.Application;

/// <summary>
/// What the signed-in user may see of a person beyond the register's ordinary fields: the social
/// data (minima sociaux, quotient familial and the groups marked « sensibles », such as « RSA ») and
/// the notes de suivi. Every reader of the register — pages, API, exports, RGPD export — asks here,
/// so the rule is written once.
/// </summary>
public sealed class MemberPrivacy(ICurrentUser user)
{
    public bool CanSeeSocialData => user.HasPermission(MembersPermissions.SocialData);

    public bool CanSeeNotes => user.HasPermission(MembersPermissions.Notes);

    /// <summary>A group the user may see on a person, filter on and export (any group with the social-data permission).</summary>
    public bool CanSeeGroup(ReferenceLookup lookup, Guid groupId) => CanSeeSocialData || !lookup.IsSensitive(groupId);

    /// <summary>The groups of the structure the user may see, in the structure's order.</summary>
    public IReadOnlyList<ReferenceItemDto> VisibleGroups(IReadOnlyList<ReferenceItemDto> groups) =>
        CanSeeSocialData ? groups : groups.Where(g => !g.IsSensitive).ToList();
}
