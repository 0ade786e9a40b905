using CentresConnectes.Members.Contracts;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.SmsAlerts.Contracts;

namespace CentresConnectes.SmsAlerts.Application;

/// <summary>« Rappels » on a person's file, for those who may see them.</summary>
internal sealed class PersonLinks(ICurrentUser user) : IPersonPageLinks
{
    public IEnumerable<PersonPageLink> For(Guid personId) => user.HasPermission(SmsAlertsPermissions.Read)
        ? [new PersonPageLink("Rappels", $"/alertes/personnes/{personId}", "bi-alarm", "person-reminders")]
        : [];
}
