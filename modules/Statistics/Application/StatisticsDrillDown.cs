using CentresConnectes.Members.Contracts;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.Statistics.Application;

/// <summary>The persons behind a figure: as many rows as the figure counts persons, their presences summing to its presences.</summary>
public sealed record DrillDown(string Title, string Definition, IReadOnlyList<DrillDownRow> Rows, bool SocialDataVisible = false)
{
    public int Persons => Rows.Count;

    public int Presences => Rows.Sum(r => r.Presences);
}

/// <summary>
/// One person counted, with their presences in the period (within the same selection). Minima sociaux
/// and quotient familial are social data: null for a user without the permission (the columns are left out).
/// </summary>
public sealed record DrillDownRow(Guid PersonId, string LastName, string FirstName, string? Ville, string? Statut, string? MinimaSociaux, string? QuotientFamilial, int Presences);

public sealed partial class StatisticsService
{
    /// <summary>
    /// The list of a figure (<see cref="FigureKeys"/>) or of one line of a breakdown (<paramref name="line"/>:
    /// the list value's id, the bracket's index, or « aucun »), with the same period and criteria, built
    /// from the very queries the figure is counted on. Social data only for a user with the permission.
    /// </summary>
    public async Task<DrillDown> DrillDownAsync(StatisticsQuery query, string? figure, string? line, CancellationToken ct = default)
    {
        var (from, to) = Period(query);
        var items = await references.ListAllAsync(includeInactive: true, ct);
        var criteria = Criteria.From(query, items);
        var brackets = await BracketsAsync(query, ct);
        var ageDate = query.AgeDate ?? to;
        var p = Build(from, to, ageDate, criteria);
        var codes = criteria.Codes;
        var ranges = Ranges(brackets, ageDate);
        var sixth = p.Sixth;

        Guid? Value()
        {
            if (line == FigureKeys.None)
                return null;
            return Guid.TryParse(line, out var id) ? id : throw new BusinessException("Cette ligne n'existe pas : revenez aux statistiques et cliquez à nouveau.");
        }
        IQueryable<PersonFacts> selection;
        string title;
        switch (figure)
        {
            case FigureKeys.Present or FigureKeys.Presences: selection = p.Present; title = FigureDefinitions.Label(figure); break;
            case FigureKeys.Registrations: selection = p.Persons.Where(x => x.RegisteredOn >= from && x.RegisteredOn <= to); title = FigureDefinitions.Label(figure); break;
            case FigureKeys.Boys: selection = p.Present.Where(x => codes.Hommes.Contains(x.SexeId)); title = FigureDefinitions.Label(figure); break;
            case FigureKeys.Girls: selection = p.Present.Where(x => codes.Femmes.Contains(x.SexeId)); title = FigureDefinitions.Label(figure); break;
            case FigureKeys.GrandParents: selection = p.Present.Where(x => codes.GrandParents.Contains(x.StatutId)); title = FigureDefinitions.Label(figure); break;
            case FigureKeys.RsaChildren: selection = p.PresentChildren.Where(x => x.HouseholdId != null && p.RsaHouseholds.Contains(x.HouseholdId.Value)); title = FigureDefinitions.Label(figure); break;
            case FigureKeys.Under6: selection = p.PresentChildren.Where(x => x.DateOfBirth > sixth); title = FigureDefinitions.Label(figure); break;
            case FigureKeys.Over6: selection = p.PresentChildren.Where(x => x.DateOfBirth <= sixth); title = FigureDefinitions.Label(figure); break;
            case FigureKeys.ByVille or FigureKeys.ByStatut or FigureKeys.ByQuotient:
            {
                var value = Value();
                selection = (figure, value) switch
                {
                    (FigureKeys.ByVille, null) => p.Present.Where(x => x.VilleId == null),
                    (FigureKeys.ByVille, _) => p.Present.Where(x => x.VilleId == value),
                    (FigureKeys.ByStatut, null) => p.Present.Where(x => x.StatutId == null),
                    (FigureKeys.ByStatut, _) => p.Present.Where(x => x.StatutId == value),
                    (_, null) => p.Present.Where(x => x.QuotientFamilialId == null),
                    _ => p.Present.Where(x => x.QuotientFamilialId == value),
                };
                var label = value is null ? "Non renseigné" : items.FirstOrDefault(i => i.Id == value)?.Label
                    ?? throw new BusinessException("Cette ligne n'existe pas : revenez aux statistiques et cliquez à nouveau.");
                title = $"{FigureDefinitions.Label(figure)} — {label}";
                break;
            }
            case FigureKeys.ByAge:
            {
                if (line == FigureKeys.None)
                {
                    selection = p.Present.Where(BornIn<PersonFacts>(ranges, negate: true));
                    title = $"{FigureDefinitions.Label(figure)} — Hors tranches";
                }
                else if (int.TryParse(line, out var index) && index >= 0 && index < ranges.Count)
                {
                    selection = p.Present.Where(BornIn<PersonFacts>([ranges[index]]));
                    title = $"{FigureDefinitions.Label(figure)} — {BracketLabel(brackets[index])}";
                }
                else
                    throw new BusinessException("Cette tranche d'âge n'existe pas : revenez aux statistiques et cliquez à nouveau.");
                break;
            }
            case FigureKeys.Members: selection = RegisterAt(criteria, to); title = FigureDefinitions.Label(figure); break;
            case FigureKeys.ConsentSms: selection = RegisterAt(criteria, to).Where(x => x.ConsentSms); title = FigureDefinitions.Label(figure); break;
            case FigureKeys.ConsentEmail: selection = RegisterAt(criteria, to).Where(x => x.ConsentEmail); title = FigureDefinitions.Label(figure); break;
            case FigureKeys.MembersByGroup:
            {
                // A group this user may not see (sensitive) has no line, hence no list.
                var group = VisibleGroups(items).FirstOrDefault(g => g.Id.ToString() == line)
                    ?? throw new BusinessException("Ce groupe n'existe pas : revenez aux statistiques et cliquez à nouveau.");
                var inGroup = members.PersonGroups.Where(g => g.GroupId == group.Id).Select(g => g.PersonId);
                selection = RegisterAt(criteria, to).Where(x => inGroup.Contains(x.Id));
                title = $"{FigureDefinitions.Label(figure)} — {group.Label}";
                break;
            }
            case FigureKeys.MembersByAge:
            {
                var register = RegisterAt(criteria, to);
                if (line == FigureKeys.None)
                {
                    selection = register.Where(BornIn<PersonFacts>(ranges, negate: true));
                    title = $"{FigureDefinitions.Label(figure)} — Hors tranches";
                }
                else if (int.TryParse(line, out var index) && index >= 0 && index < ranges.Count)
                {
                    selection = register.Where(BornIn<PersonFacts>([ranges[index]]));
                    title = $"{FigureDefinitions.Label(figure)} — {BracketLabel(brackets[index])}";
                }
                else
                    throw new BusinessException("Cette tranche d'âge n'existe pas : revenez aux statistiques et cliquez à nouveau.");
                break;
            }
            default:
                throw new BusinessException("Ce chiffre n'a pas de liste de personnes (jours et heures d'ouverture, familles, taux, messages).");
        }

        var presences = p.Presences;
        var counted = await selection.Select(x => new
        {
            x.Id, x.VilleId, x.StatutId, x.MinimaSociauxId, x.QuotientFamilialId, Presences = presences.Where(r => r.PersonId == x.Id).Sum(r => r.Count),
        }).ToListAsync(ct);
        var names = (await directory.GetPersonsAsync([.. counted.Select(c => c.Id)], ct)).ToDictionary(n => n.Id);
        var labels = items.ToDictionary(i => i.Id, i => i.Label);
        string? L(Guid? id) => id is { } v ? labels.GetValueOrDefault(v) : null;
        var social = user.HasPermission(MembersPermissions.SocialData);
        var french = StringComparer.Create(ParisTime.French, ignoreCase: true);
        var rows = counted
            .Select(c =>
            {
                var (last, first) = names.TryGetValue(c.Id, out var n) ? (n.LastName, n.FirstName) : ("", "");
                return new DrillDownRow(c.Id, last, first, L(c.VilleId), L(c.StatutId), social ? L(c.MinimaSociauxId) : null, social ? L(c.QuotientFamilialId) : null, c.Presences);
            })
            .OrderBy(r => r.LastName, french).ThenBy(r => r.FirstName, french).ToList();
        var definition = figure is not null && FigureKeys.IsKnown(figure) ? FigureDefinitions.Definition(figure) : "";
        return new DrillDown(title, definition, rows, social);
    }
}
