using CentresConnectes.Ludotheque.Contracts;
using CentresConnectes.Members.Contracts;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;

namespace CentresConnectes.Ludotheque.Application;

/// <summary>The « Compte famille » box on the register's family page, for staff who manage kiosk accounts.</summary>
internal sealed class FamilyAccountSection(FamilyAccountService accounts, ICurrentUser user) : IHouseholdPageSection
{
    public async Task<HouseholdPageSection?> ForAsync(Guid householdId, CancellationToken ct = default)
    {
        if (!user.HasPermission(LudothequePermissions.Kiosk))
            return null;
        var account = await accounts.FindByHouseholdAsync(householdId, ct);
        var status = account switch
        {
            null => "Pas encore de compte : la famille ne peut pas se connecter à la borne.",
            { IsActive: false } => $"Compte désactivé (identifiant « {account.Login} »).",
            _ => $"Identifiant « {account.Login} »" + (account.HasActiveCard ? " · carte QR en service." : " · pas de carte QR."),
        };
        if (account is { IsToVerify: true, SelfRegisteredAtUtc: { } at })
            status += $" Inscrite à la borne le {ParisTime.FormatDate(at)} : à vérifier avec la famille.";
        return new HouseholdPageSection("Compte famille", status,
            [new HouseholdPageLink(account is null ? "Créer le compte famille" : "Gérer le compte et la carte", $"/ludotheque/familles/{householdId}/compte", "bi-person-badge")],
            "family-account-section");
    }
}
