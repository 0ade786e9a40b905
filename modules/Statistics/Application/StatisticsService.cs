using CentresConnectes.Ludotheque.Contracts;
using CentresConnectes.Members.Contracts;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using CentresConnectes.ReferenceData.Contracts;
using CentresConnectes.SmsAlerts.Contracts;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CentresConnectes.Statistics.Application;

/// <summary>
/// The figures of SPEC §5. Every count is a SQL query over the query contracts of Members and the
/// Ludothèque (tenant-filtered by the shared context); only the period's slots are read (a few hundred
/// rows) to unite each day's intervals. Definitions: <see cref="FigureDefinitions"/>.
/// </summary>
public sealed partial class StatisticsService(
    IMembersStatisticsQuery members,
    ILudothequeStatisticsQuery ludotheque,
    IReferenceDataQuery references,
    IMemberDirectory directory,
    ICurrentUser user,
    ISideBySideQueries sideBySide,
    ISmsStatistics? sms = null)
{
    /// <summary>Longer periods are not what funders ask for, and would be slow to compare.</summary>
    public const int MaxDays = 366 * 3;

    public async Task<StatisticsReport> ComputeAsync(StatisticsQuery query, CancellationToken ct = default)
    {
        var (from, to) = Period(query);
        var items = await references.ListAllAsync(includeInactive: true, ct);
        var criteria = Criteria.From(query, items);
        var brackets = await BracketsAsync(query, ct);
        var ageDate = query.AgeDate ?? to;

        var (previousFrom, previousTo, previousAgeDate) = Previous(from, to, ageDate);
        // The two periods, the register at both ends and the months are independent queries: each runs in
        // a scope of its own, side by side (the database works on them at once), and the page waits for
        // the slowest instead of their sum.
        Task<T> Run<T>(Func<StatisticsService, Task<T>> part) => sideBySide.RunAsync(sp => part(sp.GetRequiredService<StatisticsService>()), ct);
        var currentTask = Run(s => s.CountAsync(from, to, ageDate, criteria, brackets, ct));
        var previousTask = Run(s => s.CountAsync(previousFrom, previousTo, previousAgeDate, criteria, brackets, ct));
        var registerNowTask = Run(s => s.RegisterAtAsync(criteria, from, to, ageDate, brackets, ct));
        var registerBeforeTask = Run(s => s.RegisterAtAsync(criteria, previousFrom, previousTo, previousAgeDate, brackets, ct));
        var monthsTask = Run(s => s.MonthsAsync(from, to, criteria, ct));
        var smsFigures = await SmsAsync(from, to, previousFrom, previousTo, ct);
        var (current, previous) = (await currentTask, await previousTask);
        var (registerNow, registerBefore) = (await registerNowTask, await registerBeforeTask);
        // The persons registered in a period are the register at its end registered since its start.
        (current.Registrations, previous.Registrations) = (registerNow.Registrations, registerBefore.Registrations);

        Figure F(string key, Func<Counts, decimal> value) =>
            new(key, FigureDefinitions.Label(key), FigureDefinitions.Definition(key), value(current), value(previous));
        var figures = new List<Figure>
        {
            F(FigureKeys.OpenDays, c => c.OpenDays),
            F(FigureKeys.OpenHours, c => c.OpenMinutes / 60m),
            F(FigureKeys.Present, c => c.Present),
            F(FigureKeys.Registrations, c => c.Registrations),
            F(FigureKeys.Presences, c => c.Presences),
            F(FigureKeys.Families, c => c.Families),
            F(FigureKeys.Boys, c => c.Boys),
            F(FigureKeys.Girls, c => c.Girls),
            F(FigureKeys.RsaChildren, c => c.RsaChildren),
            F(FigureKeys.Under6, c => c.Under6),
            F(FigureKeys.Over6, c => c.Over6),
            F(FigureKeys.GrandParents, c => c.GrandParents),
        };

        Breakdown ByList(string key, ReferenceListKind kind, Func<Counts, Dictionary<Guid, (int Persons, int Presences)>> of)
        {
            var (nowCounts, beforeCounts) = (of(current), of(previous));
            // One line per value of the list, in the list's order; a deactivated value keeps its line.
            var lines = items.Where(i => i.Kind == kind)
                .Select(i => Line(i.Id.ToString(), i.IsActive ? i.Label : $"{i.Label} (désactivé)", nowCounts.GetValueOrDefault(i.Id), beforeCounts.GetValueOrDefault(i.Id)))
                .ToList();
            lines.Add(Line(FigureKeys.None, "Non renseigné", nowCounts.GetValueOrDefault(Guid.Empty), beforeCounts.GetValueOrDefault(Guid.Empty)));
            return new Breakdown(key, FigureDefinitions.Label(key), FigureDefinitions.Definition(key), lines);
        }
        var bracketLines = brackets.Select((b, i) => Line(i.ToString(ParisTime.French), BracketLabel(b), current.Brackets[i], previous.Brackets[i])).ToList();
        bracketLines.Add(Line(FigureKeys.None, "Hors tranches", current.OutsideBrackets, previous.OutsideBrackets));
        var breakdowns = new List<Breakdown>
        {
            ByList(FigureKeys.ByVille, ReferenceListKind.Ville, c => c.ByVille),
            ByList(FigureKeys.ByStatut, ReferenceListKind.Statut, c => c.ByStatut),
            ByList(FigureKeys.ByQuotient, ReferenceListKind.QuotientFamilial, c => c.ByQuotient),
            new(FigureKeys.ByAge, FigureDefinitions.Label(FigureKeys.ByAge), FigureDefinitions.Definition(FigureKeys.ByAge), bracketLines),
        };
        var (register, registerBreakdowns) = RegisterFigures(registerNow, registerBefore, brackets, items);
        return new StatisticsReport(from, to, previousFrom, previousTo, ageDate, criteria.Describe(items), figures, breakdowns, await monthsTask,
            register, registerBreakdowns, smsFigures);
    }

    /// <summary>Presences per calendar month: counted per month or day in SQL (at most a few dozen rows), summed per month here.</summary>
    private async Task<IReadOnlyList<MonthPresences>> MonthsAsync(DateOnly from, DateOnly to, Criteria criteria, CancellationToken ct)
    {
        // Monthly counts: every row is in one month (a whole month's tally, or the presences of one day).
        // Without criteria every presence counts: no join to the persons (a presence's person is always there).
        var counts = ludotheque.PresenceCounts(from, to, monthly: true);
        if (criteria.Narrows)
            counts = counts.Join(criteria.Apply(members.Persons), p => p.PersonId, x => x.Id, (p, x) => p);
        var perDay = await counts.GroupBy(p => p.Date).Select(g => new { Date = g.Key, Count = g.Sum(p => p.Count) }).ToListAsync(ct);
        var months = new List<MonthPresences>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
            months.Add(new MonthPresences(month.Year, month.Month, perDay.Where(d => d.Date.Year == month.Year && d.Date.Month == month.Month).Sum(d => d.Count)));
        return months;
    }

    /// <summary>The register at a period's end: its members, their consents, groups and age brackets, and how many registered in the period.</summary>
    private sealed record RegisterCounts(int Members, int Sms, int Email, Dictionary<Guid, int> Groups, List<int> Brackets, int Outside, int Registrations);

    /// <summary>
    /// The register at a period's end: persons registered by then, criteria applied; consents as they
    /// stand today (the register keeps no history of them).
    /// </summary>
    private async Task<RegisterCounts> RegisterAtAsync(Criteria criteria, DateOnly start, DateOnly end, DateOnly age, IReadOnlyList<AgeBracketInput> brackets, CancellationToken ct)
    {
        var register = RegisterAt(criteria, end);
        var groups = await members.PersonGroups.Join(register, g => g.PersonId, x => x.Id, (g, x) => g.GroupId)
            .GroupBy(g => g).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var ranges = Ranges(brackets, age);
        var disjoint = !Overlap(ranges);
        // One GROUP BY (consents, registered in the period, bracket) for the whole register at that date, as for the presences.
        Expression<Func<PersonFacts, RegisterKey>> key = x => new RegisterKey { ConsentSms = x.ConsentSms, ConsentEmail = x.ConsentEmail, New = x.RegisteredOn >= start };
        var cells = await register.GroupBy(disjoint ? WithBracket(key, ranges) : key)
            .Select(g => new { g.Key.ConsentSms, g.Key.ConsentEmail, g.Key.New, g.Key.Bracket, Count = g.Count() }).ToListAsync(ct);
        var total = cells.Sum(c => c.Count);
        var perBracket = new List<int>();
        int outside;
        if (disjoint)
        {
            for (var i = 0; i < ranges.Count; i++)
                perBracket.Add(cells.Where(c => c.Bracket == i).Sum(c => c.Count));
            outside = cells.Where(c => c.Bracket == -1).Sum(c => c.Count);
        }
        else
        {
            foreach (var range in ranges)
                perBracket.Add(await register.CountAsync(BornIn<PersonFacts>([range]), ct));
            outside = total - await register.CountAsync(BornIn<PersonFacts>(ranges), ct);
        }
        return new RegisterCounts(total, cells.Where(c => c.ConsentSms).Sum(c => c.Count), cells.Where(c => c.ConsentEmail).Sum(c => c.Count), groups, perBracket, outside,
            cells.Where(c => c.New).Sum(c => c.Count));
    }

    /// <summary>The register's figures and breakdowns, now (the period's end) and before (the previous period's end).</summary>
    private (List<Figure>, List<CountBreakdown>) RegisterFigures(RegisterCounts now, RegisterCounts before, IReadOnlyList<AgeBracketInput> brackets,
        IReadOnlyList<ReferenceItemDto> items)
    {
        static decimal Rate(int part, int total) => total == 0 ? 0 : Math.Round(100m * part / total, 1, MidpointRounding.AwayFromZero);
        Figure F(string key, decimal value, decimal previous) => new(key, FigureDefinitions.Label(key), FigureDefinitions.Definition(key), value, previous);
        var figures = new List<Figure>
        {
            F(FigureKeys.Members, now.Members, before.Members),
            F(FigureKeys.ConsentSms, now.Sms, before.Sms),
            F(FigureKeys.ConsentSmsRate, Rate(now.Sms, now.Members), Rate(before.Sms, before.Members)),
            F(FigureKeys.ConsentEmail, now.Email, before.Email),
            F(FigureKeys.ConsentEmailRate, Rate(now.Email, now.Members), Rate(before.Email, before.Members)),
        };
        var groupLines = VisibleGroups(items)
            .Select(g => new CountLine(g.Id.ToString(), g.IsActive ? g.Label : $"{g.Label} (désactivé)", now.Groups.GetValueOrDefault(g.Id), before.Groups.GetValueOrDefault(g.Id)))
            .ToList();
        var ageLines = brackets.Select((b, i) => new CountLine(i.ToString(ParisTime.French), BracketLabel(b), now.Brackets[i], before.Brackets[i])).ToList();
        ageLines.Add(new CountLine(FigureKeys.None, "Hors tranches", now.Outside, before.Outside));
        return (figures,
        [
            new(FigureKeys.MembersByGroup, FigureDefinitions.Label(FigureKeys.MembersByGroup), FigureDefinitions.Definition(FigureKeys.MembersByGroup), groupLines),
            new(FigureKeys.MembersByAge, FigureDefinitions.Label(FigureKeys.MembersByAge), FigureDefinitions.Definition(FigureKeys.MembersByAge), ageLines),
        ]);
    }

    private IQueryable<PersonFacts> RegisterAt(Criteria criteria, DateOnly end) => criteria.Apply(members.Persons).Where(x => x.RegisteredOn <= end);

    /// <summary>The groups whose members may be counted for this user: a sensitive group (« RSA ») reveals social data (same rule as the register).</summary>
    private IEnumerable<ReferenceItemDto> VisibleGroups(IReadOnlyList<ReferenceItemDto> items) =>
        items.Where(i => i.Kind == ReferenceListKind.Groupe && (!i.IsSensitive || user.HasPermission(MembersPermissions.SocialData)));

    /// <summary>The messages of SmsAlerts over the two periods (left out when the module is not installed).</summary>
    private async Task<IReadOnlyList<Figure>> SmsAsync(DateOnly from, DateOnly to, DateOnly previousFrom, DateOnly previousTo, CancellationToken ct)
    {
        if (sms is null)
            return [];
        var now = await sms.GetAsync(from, to, ct);
        var before = await sms.GetAsync(previousFrom, previousTo, ct);
        Figure F(string key, Func<SmsStatisticsDto, int> value) => new(key, FigureDefinitions.Label(key), FigureDefinitions.Definition(key), value(now), value(before));
        return
        [
            F(FigureKeys.SmsSent, d => d.Sent + d.Delivered + d.Failed),
            F(FigureKeys.SmsDelivered, d => d.Delivered),
            F(FigureKeys.SmsFailed, d => d.Failed + d.Expired),
            F(FigureKeys.SmsReached, d => d.PersonsReached),
        ];
    }

    /// <summary>Brackets, bounds included: min ≤ âge ≤ max ⇔ born in ]date − (max + 1) ans ; date − min ans].</summary>
    private static List<(DateOnly Latest, DateOnly After)> Ranges(IReadOnlyList<AgeBracketInput> brackets, DateOnly ageDate) =>
        [.. brackets.Select(b => (Latest: ageDate.AddYears(-b.MinAge), After: ageDate.AddYears(-(b.MaxAge + 1))))];

    private static BreakdownLine Line(string key, string label, (int Persons, int Presences) now, (int Persons, int Presences) before) =>
        new(key, label, now.Persons, now.Presences, before.Persons, before.Presences);

    public static string BracketLabel(AgeBracketInput b) => b.MaxAge >= 120 ? $"{b.MinAge} ans et plus" : $"{b.MinAge} à {b.MaxAge} ans";

    /// <summary>
    /// The period just before, of the same length: as many whole calendar months when the period is
    /// whole months (2025 → 2024, March → February: what a funder compares), else as many days. The
    /// age is calculated as far back.
    /// </summary>
    public static (DateOnly From, DateOnly To, DateOnly AgeDate) Previous(DateOnly from, DateOnly to, DateOnly ageDate)
    {
        if (from.Day == 1 && to.AddDays(1).Day == 1)
        {
            var months = (to.Year - from.Year) * 12 + to.Month - from.Month + 1;
            return (from.AddMonths(-months), from.AddDays(-1), ageDate.AddMonths(-months));
        }
        var length = to.DayNumber - from.DayNumber + 1;
        return (from.AddDays(-length), from.AddDays(-1), ageDate.AddDays(-length));
    }

    public static (DateOnly From, DateOnly To) Period(StatisticsQuery query)
    {
        if (query.From is not { } from || query.To is not { } to)
            throw new BusinessException("Indiquez la période (« Du » et « Au »).");
        if (to < from)
            throw new BusinessException("La date de fin est avant la date de début.");
        if (to.DayNumber - from.DayNumber + 1 > MaxDays)
            throw new BusinessException("La période ne peut pas dépasser 3 ans.");
        return (from, to);
    }

    private async Task<IReadOnlyList<AgeBracketInput>> BracketsAsync(StatisticsQuery query, CancellationToken ct)
    {
        var brackets = query.AgeBrackets.Count > 0
            ? query.AgeBrackets
            : [.. (await references.AgeBracketsAsync(false, ct)).Select(b => new AgeBracketInput { MinAge = b.MinAge, MaxAge = b.MaxAge })];
        foreach (var b in brackets)
        {
            if (b.MinAge < 0 || b.MaxAge > 150 || b.MaxAge < b.MinAge)
                throw new BusinessException($"La tranche « {b.MinAge} à {b.MaxAge} ans » n'est pas valable : l'âge mini va de 0 à l'âge maxi.");
        }
        return brackets;
    }

    /// <summary>The queries every figure of a period is counted on (and its drill-down listed from).</summary>
    private sealed record Population(
        IQueryable<PersonFacts> Persons,
        IQueryable<PresenceRow> Presences,
        IQueryable<PersonFacts> Present,
        IQueryable<PersonFacts> PresentChildren,
        IQueryable<Guid> RsaHouseholds,
        DateOnly Sixth);

    private Population Build(DateOnly from, DateOnly to, DateOnly ageDate, Criteria criteria)
    {
        var persons = criteria.Apply(members.Persons);
        // The period's presences counted (per person and household, from the ludothèque's tallies).
        var presences = ludotheque.PresenceCounts(from, to)
            .Join(persons, p => p.PersonId, x => x.Id, (p, x) => new PresenceRow
            {
                PersonId = p.PersonId,
                Count = p.Count,
                HouseholdId = p.HouseholdId ?? x.HouseholdId,
                VilleId = x.VilleId,
                StatutId = x.StatutId,
                QuotientFamilialId = x.QuotientFamilialId,
                DateOfBirth = x.DateOfBirth,
            });
        var presentIds = presences.Select(p => p.PersonId).Distinct();
        var present = persons.Where(x => presentIds.Contains(x.Id));
        // RSA: another, non-child member of the household (present or not, criteria or not) has minima = RSA.
        var children = criteria.Codes.Children;
        // Non-null ids: « household IN (…) » is then uncorrelated — hashed (PostgreSQL) or built (SQLite) once per query.
        var rsaHouseholds = members.Persons
            .Where(x => x.HouseholdId != null && criteria.Codes.Rsa.Contains(x.MinimaSociauxId) && !children.Contains(x.StatutId))
            .Select(x => x.HouseholdId!.Value);
        var presentChildren = present.Where(x => children.Contains(x.StatutId));
        // Age on the calculation date: « aged 6 or more » ⇔ born on or before that date six years earlier.
        return new Population(persons, presences, present, presentChildren, rsaHouseholds, ageDate.AddYears(-6));
    }

    /// <summary>The counts of one period (the page shows two: the period and the one before).</summary>
    private sealed class Counts
    {
        public int OpenDays { get; set; }
        public int OpenMinutes { get; set; }
        public int Present { get; set; }
        public int Registrations { get; set; }
        public int Presences { get; set; }
        public int Families { get; set; }
        public int Boys { get; set; }
        public int Girls { get; set; }
        public int RsaChildren { get; set; }
        public int Under6 { get; set; }
        public int Over6 { get; set; }
        public int GrandParents { get; set; }
        public Dictionary<Guid, (int Persons, int Presences)> ByVille { get; set; } = [];
        public Dictionary<Guid, (int Persons, int Presences)> ByStatut { get; set; } = [];
        public Dictionary<Guid, (int Persons, int Presences)> ByQuotient { get; set; } = [];
        public List<(int Persons, int Presences)> Brackets { get; } = [];
        public (int Persons, int Presences) OutsideBrackets { get; set; }
    }

    private async Task<Counts> CountAsync(DateOnly from, DateOnly to, DateOnly ageDate, Criteria criteria, IReadOnlyList<AgeBracketInput> brackets, CancellationToken ct)
    {
        var counts = new Counts();

        // Opening: criteria never apply. Slots of the period only (at most a few per day).
        var slots = await ludotheque.Slots.Where(s => s.Date >= from && s.Date <= to)
            .Select(s => new { s.Date, s.Start, s.End }).ToListAsync(ct);
        counts.OpenDays = slots.Select(s => s.Date).Distinct().Count();
        counts.OpenMinutes = slots.GroupBy(s => s.Date).Sum(day => OpeningTime.UnitedMinutes(day.Select(s => (s.Start, s.End))));

        var (persons, presences, _, _, rsaHouseholds, sixth) = Build(from, to, ageDate, criteria);
        var codes = criteria.Codes;
        var ranges = Ranges(brackets, ageDate);
        var disjoint = !Overlap(ranges);

        // Who was present, and how often, is read once from the period's presence counts (GROUP BY person: a
        // whole year is one tally a person, ADR 0021),
        // joined to the persons, and counted into a small cube — one row per combination of the values
        // the figures are per (sexe, ville, statut, QF, bracket, under 6, RSA child). Every per-person and
        // per-presence figure is a sum over that cube; before, each of them re-read the presences.
        var present = PresentWithCounts(persons, ludotheque.PresenceCounts(from, to));
        // The RSA households are probed for the children only (CASE): the RSA children are a column of the
        // cube, not a pass of their own over the presences.
        var cells = await present.GroupBy(CellKeyOf(ranges, disjoint, sixth, codes.Children, rsaHouseholds))
            .Select(g => new
            {
                g.Key.SexeId,
                g.Key.VilleId,
                g.Key.StatutId,
                g.Key.QuotientFamilialId,
                g.Key.Bracket,
                g.Key.Under6,
                g.Key.RsaChild,
                Persons = g.Count(),
                Presences = g.Sum(r => r.Presences),
            }).ToListAsync(ct);

        counts.Present = cells.Sum(c => c.Persons);
        counts.Presences = cells.Sum(c => c.Presences);
        counts.Boys = cells.Where(c => codes.Hommes.Contains(c.SexeId)).Sum(c => c.Persons);
        counts.Girls = cells.Where(c => codes.Femmes.Contains(c.SexeId)).Sum(c => c.Persons);
        counts.GrandParents = cells.Where(c => codes.GrandParents.Contains(c.StatutId)).Sum(c => c.Persons);
        counts.Under6 = cells.Where(c => codes.Children.Contains(c.StatutId) && c.Under6).Sum(c => c.Persons);
        counts.Over6 = cells.Where(c => codes.Children.Contains(c.StatutId) && !c.Under6).Sum(c => c.Persons);
        Dictionary<Guid, (int Persons, int Presences)> By(Func<(Guid? Sexe, Guid? Ville, Guid? Statut, Guid? Quotient), Guid?> key) =>
            cells.GroupBy(c => key((c.SexeId, c.VilleId, c.StatutId, c.QuotientFamilialId)) ?? Guid.Empty)
                .ToDictionary(g => g.Key, g => (g.Sum(c => c.Persons), g.Sum(c => c.Presences)));
        counts.ByVille = By(k => k.Ville);
        counts.ByStatut = By(k => k.Statut);
        counts.ByQuotient = By(k => k.Quotient);

        counts.Families = await presences.Where(p => p.HouseholdId != null).Select(p => p.HouseholdId).Distinct().CountAsync(ct);
        counts.RsaChildren = cells.Where(c => c.RsaChild).Sum(c => c.Persons);

        if (disjoint)
        {
            for (var i = 0; i < ranges.Count; i++)
                counts.Brackets.Add((cells.Where(c => c.Bracket == i).Sum(c => c.Persons), cells.Where(c => c.Bracket == i).Sum(c => c.Presences)));
            counts.OutsideBrackets = (cells.Where(c => c.Bracket == -1).Sum(c => c.Persons), cells.Where(c => c.Bracket == -1).Sum(c => c.Presences));
            return counts;
        }
        // Overlapping brackets (they are the user's): a person may count in two, so one query per bracket;
        // « hors tranches » is whoever is in none of them.
        foreach (var range in ranges)
        {
            var inRange = present.Where(BornIn<PresentRow>([range]));
            counts.Brackets.Add((await inRange.CountAsync(ct), await inRange.SumAsync(r => r.Presences, ct)));
        }
        var inAny = present.Where(BornIn<PresentRow>(ranges));
        counts.OutsideBrackets = (counts.Present - await inAny.CountAsync(ct), counts.Presences - await inAny.SumAsync(r => r.Presences, ct));
        return counts;
    }

    /// <summary>Each present person once, with their number of presences in the selection.</summary>
    /// <remarks>The counts are joined to the persons once, here: that join also applies the criteria.</remarks>
    private static IQueryable<PresentRow> PresentWithCounts(IQueryable<PersonFacts> persons, IQueryable<PresenceCountFacts> presences) =>
        presences.GroupBy(p => p.PersonId).Select(g => new { PersonId = g.Key, Count = g.Sum(p => p.Count) })
            .Join(persons, c => c.PersonId, x => x.Id, (c, x) => new PresentRow
            {
                HouseholdId = x.HouseholdId,
                SexeId = x.SexeId,
                VilleId = x.VilleId,
                StatutId = x.StatutId,
                QuotientFamilialId = x.QuotientFamilialId,
                DateOfBirth = x.DateOfBirth,
                Presences = c.Count,
            });

    /// <summary>The cube's key; the bracket's index only when brackets are disjoint (else one query per bracket).</summary>
    private static Expression<Func<PresentRow, CellKey>> CellKeyOf(IReadOnlyList<(DateOnly Latest, DateOnly After)> ranges, bool disjoint, DateOnly sixth,
        List<Guid?> children, IQueryable<Guid> rsaHouseholdIds)
    {
        Expression<Func<PresentRow, CellKey>> plain = r => new CellKey
        {
            SexeId = r.SexeId,
            VilleId = r.VilleId,
            StatutId = r.StatutId,
            QuotientFamilialId = r.QuotientFamilialId,
            Under6 = r.DateOfBirth > sixth,
            RsaChild = children.Contains(r.StatutId) ? r.HouseholdId != null && rsaHouseholdIds.Contains(r.HouseholdId.Value) : false,
        };
        return disjoint ? WithBracket(plain, ranges) : plain;
    }

    /// <summary>Adds « Bracket = the index of the range the row's DateOfBirth is in, or -1 » (a CASE on the date column) to a key.</summary>
    private static Expression<Func<TRow, TKey>> WithBracket<TRow, TKey>(Expression<Func<TRow, TKey>> key, IReadOnlyList<(DateOnly Latest, DateOnly After)> ranges)
    {
        var init = (MemberInitExpression)key.Body;
        var born = Expression.Property(key.Parameters[0], "DateOfBirth");
        Expression index = Expression.Constant(-1);
        for (var i = ranges.Count - 1; i >= 0; i--)
            index = Expression.Condition(InRange(born, ranges[i]), Expression.Constant(i), index);
        var bracket = Expression.Bind(typeof(TKey).GetProperty("Bracket")!, index);
        return Expression.Lambda<Func<TRow, TKey>>(Expression.MemberInit(init.NewExpression, [.. init.Bindings, bracket]), key.Parameters);
    }

    private sealed class PresentRow
    {
        public Guid? HouseholdId { get; init; }
        public Guid? SexeId { get; init; }
        public Guid? VilleId { get; init; }
        public Guid? StatutId { get; init; }
        public Guid? QuotientFamilialId { get; init; }
        public DateOnly DateOfBirth { get; init; }
        public int Presences { get; init; }
    }

    private sealed class RegisterKey
    {
        public bool ConsentSms { get; init; }
        public bool ConsentEmail { get; init; }
        /// <summary>Registered in the period (on or after its first day).</summary>
        public bool New { get; init; }
        public int Bracket { get; init; }
    }

    private sealed class CellKey
    {
        public Guid? SexeId { get; init; }
        public Guid? VilleId { get; init; }
        public Guid? StatutId { get; init; }
        public Guid? QuotientFamilialId { get; init; }
        public bool Under6 { get; init; }
        /// <summary>A child (statut) whose family has a non-child member with the RSA.</summary>
        public bool RsaChild { get; init; }
        public int Bracket { get; init; }
    }

    /// <summary>Some presences of a person (<see cref="Count"/> of them) with the facts of that person (a class, not an anonymous type, so the age filters can be built for it).</summary>
    private sealed class PresenceRow
    {
        public Guid PersonId { get; init; }
        public int Count { get; init; }
        public Guid? HouseholdId { get; init; }
        public Guid? VilleId { get; init; }
        public Guid? StatutId { get; init; }
        public Guid? QuotientFamilialId { get; init; }
        public DateOnly DateOfBirth { get; init; }
    }

    /// <summary>Whether two brackets share an age (then a person may count in both, and one GROUP BY cannot say it).</summary>
    private static bool Overlap(IReadOnlyList<(DateOnly Latest, DateOnly After)> ranges) =>
        ranges.Select((a, i) => (a, i)).Any(p => ranges.Where((_, j) => j != p.i).Any(b => p.a.After < b.Latest && b.After < p.a.Latest));

    /// <summary>« DateOfBirth in any of the ranges », as SQL comparisons on the date column (index-friendly, the same on both databases).</summary>
    private static Expression<Func<T, bool>> BornIn<T>(IReadOnlyList<(DateOnly Latest, DateOnly After)> ranges, bool negate = false)
    {
        var x = Expression.Parameter(typeof(T), "x");
        var born = Expression.Property(x, "DateOfBirth");
        Expression body = Expression.Constant(false);
        foreach (var range in ranges)
            body = ranges.Count == 1 ? InRange(born, range) : Expression.OrElse(body, InRange(born, range));
        return Expression.Lambda<Func<T, bool>>(negate ? Expression.Not(body) : body, x);
    }

    /// <summary>« born ≤ latest AND born &gt; after »: one bracket as SQL comparisons on the date column.</summary>
    private static BinaryExpression InRange(Expression born, (DateOnly Latest, DateOnly After) range) =>
        Expression.AndAlso(
            Expression.LessThanOrEqual(born, Expression.Constant(range.Latest)),
            Expression.GreaterThan(born, Expression.Constant(range.After)));
}
