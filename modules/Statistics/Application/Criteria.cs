using CentresConnectes.Members.Contracts;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.ReferenceData.Contracts;

namespace CentresConnectes.Statistics.Application;

/// <summary>The list values the definitions rely on, by their stable codes (a structure may rename them).</summary>
internal sealed record ReferenceGroups(List<Guid?> Femmes, List<Guid?> Hommes, List<Guid?> Children, List<Guid?> GrandParents, List<Guid?> Rsa)
{
    public static ReferenceGroups From(IReadOnlyList<ReferenceItemDto> items)
    {
        List<Guid?> Of(ReferenceListKind kind, params string[] codes) =>
            [.. items.Where(i => i.Kind == kind && i.Code is not null && codes.Contains(i.Code)).Select(i => (Guid?)i.Id)];
        return new(
            Of(ReferenceListKind.Sexe, ReferenceCodes.Femme),
            Of(ReferenceListKind.Sexe, ReferenceCodes.Homme),
            Of(ReferenceListKind.Statut, ReferenceCodes.EnfantACharge, ReferenceCodes.EnfantGarde),
            Of(ReferenceListKind.Statut, ReferenceCodes.GrandMere, ReferenceCodes.GrandPere),
            Of(ReferenceListKind.MinimaSociaux, ReferenceCodes.Rsa));
    }
}

/// <summary>
/// The criteria of the form: OR within one criterion, AND between criteria; they restrict persons
/// (and so their presences), never the opening days or hours. An id that is not a value of the
/// structure's list (another structure's, or of another list) is refused.
/// </summary>
internal sealed class Criteria
{
    private readonly (ReferenceListKind Kind, List<Guid?> Ids)[] chosen;

    private Criteria((ReferenceListKind, List<Guid?>)[] chosen, ReferenceGroups codes)
    {
        this.chosen = chosen;
        Codes = codes;
    }

    public ReferenceGroups Codes { get; }

    public static Criteria From(StatisticsQuery query, IReadOnlyList<ReferenceItemDto> items)
    {
        (ReferenceListKind, List<Guid?>) Check(ReferenceListKind kind, List<Guid> ids, string name)
        {
            foreach (var id in ids)
            {
                if (!items.Any(i => i.Id == id && i.Kind == kind))
                    throw new BusinessException($"Le critère « {name} » contient une valeur inconnue : rechargez la page et cochez à nouveau.");
            }
            return (kind, [.. ids.Distinct().Select(i => (Guid?)i)]);
        }
        return new Criteria(
        [
            Check(ReferenceListKind.Sexe, query.Sexes, "Sexe"),
            Check(ReferenceListKind.Ville, query.Villes, "Villes"),
            Check(ReferenceListKind.MinimaSociaux, query.MinimaSociaux, "Minima sociaux"),
            Check(ReferenceListKind.QuotientFamilial, query.QuotientsFamiliaux, "Quotient familial"),
            Check(ReferenceListKind.Statut, query.Statuts, "Statut"),
        ], ReferenceGroups.From(items));
    }

    /// <summary>Whether any criterion narrows the population (else every person of the structure counts).</summary>
    public bool Narrows => chosen.Any(c => c.Ids.Count > 0);

    public IQueryable<PersonFacts> Apply(IQueryable<PersonFacts> persons)
    {
        foreach (var (kind, ids) in chosen.Where(c => c.Ids.Count > 0))
        {
            persons = kind switch
            {
                ReferenceListKind.Sexe => persons.Where(x => ids.Contains(x.SexeId)),
                ReferenceListKind.Ville => persons.Where(x => ids.Contains(x.VilleId)),
                ReferenceListKind.MinimaSociaux => persons.Where(x => ids.Contains(x.MinimaSociauxId)),
                ReferenceListKind.QuotientFamilial => persons.Where(x => ids.Contains(x.QuotientFamilialId)),
                _ => persons.Where(x => ids.Contains(x.StatutId)),
            };
        }
        return persons;
    }

    /// <summary>« Villes : Lille, Ronchin » for each criterion in force; « Aucun critère » otherwise.</summary>
    public IReadOnlyList<string> Describe(IReadOnlyList<ReferenceItemDto> items)
    {
        var names = new Dictionary<ReferenceListKind, string>
        {
            [ReferenceListKind.Sexe] = "Sexe",
            [ReferenceListKind.Ville] = "Villes",
            [ReferenceListKind.MinimaSociaux] = "Minima sociaux",
            [ReferenceListKind.QuotientFamilial] = "Quotient familial",
            [ReferenceListKind.Statut] = "Statut",
        };
        var lines = chosen.Where(c => c.Ids.Count > 0)
            .Select(c => $"{names[c.Kind]} : {string.Join(", ", items.Where(i => c.Ids.Contains(i.Id)).Select(i => i.Label))}")
            .ToList();
        return lines.Count == 0 ? ["Aucun critère : toutes les personnes"] : lines;
    }
}
