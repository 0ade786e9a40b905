using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.ReferenceData.Contracts;
using CentresConnectes.ReferenceData.Data;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.ReferenceData.Application;

/// <summary>
/// « Premiers pas » owned by the settings: the default villes (Faches-Thumesnil, Lille, Ronchin,
/// Autres) fit one centre only, so a list the structure has not adapted yet — no value of its own, no
/// default deactivated — is still to do; likewise the groups; then the welcome message and the logo.
/// </summary>
internal sealed class SettingsFirstSteps(AppDbContext db) : IFirstStepsContributor
{
    public async Task<IReadOnlyList<FirstStep>> GetAsync(CancellationToken ct = default)
    {
        // One query: per list, whether the structure added a value or deactivated a default.
        var adapted = await db.ReferenceItems().AsNoTracking()
            .Where(i => (i.Kind == ReferenceListKind.Ville || i.Kind == ReferenceListKind.Groupe) && (i.Code == null || !i.IsActive))
            .Select(i => i.Kind).Distinct().ToListAsync(ct);
        var settings = await db.StructureSettings().AsNoTracking()
            .Select(s => new { HasWelcome = s.WelcomeMessageHtml != null && s.WelcomeMessageHtml != "", HasLogo = s.LogoResized != null })
            .FirstOrDefaultAsync(ct);
        const string manage = ReferenceDataPermissions.Manage;
        return
        [
            new("Adapter les villes de résidence", "Les villes d'où viennent vos familles (la liste de départ est celle d'un autre centre).",
                "/parametres/listes/" + ReferenceListKinds.Slug(ReferenceListKind.Ville), manage, adapted.Contains(ReferenceListKind.Ville), 10),
            new("Adapter les groupes", "Vos groupes d'activité et d'envoi ; « RSA » est sensible.",
                "/parametres/listes/" + ReferenceListKinds.Slug(ReferenceListKind.Groupe), manage, adapted.Contains(ReferenceListKind.Groupe), 20),
            new("Écrire le message d'accueil", "Le texte que les familles lisent sur la borne.", "/parametres/message-d-accueil", manage, settings?.HasWelcome == true, 30),
            new("Choisir le logo", "Il s'affiche en haut de chaque page et sur la borne.", "/parametres/message-d-accueil", manage, settings?.HasLogo == true, 40),
        ];
    }
}
