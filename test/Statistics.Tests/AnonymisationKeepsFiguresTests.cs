using System.Text.Json;
using CentresConnectes.Members.Application;
using CentresConnectes.Members.Domain;
using CentresConnectes.Platform.Data;
using CentresConnectes.Statistics.Application;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CentresConnectes.Statistics.Tests;

/// <summary>
/// SPEC §9: anonymisation keeps every statistic of every past period identical. The hand-built
/// dataset is made afresh (the shared one must stay as it is), every figure computed for several
/// periods and calculation dates, every person anonymised at once, every figure computed again.
/// </summary>
public abstract class AnonymisationKeepsFiguresTests(StatisticsApp app)
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// March 2025 at its end; March on 30/03 (Léo, born 31/03/2019, is 5 that day: a date of birth kept
    /// to its month only would make him 6); February; the whole quarter.
    /// </summary>
    private static IEnumerable<StatisticsQuery> Queries() =>
    [
        new() { From = D("2025-03-01"), To = D("2025-03-31") },
        new() { From = D("2025-03-01"), To = D("2025-03-31"), AgeDate = D("2025-03-30") },
        new() { From = D("2025-02-01"), To = D("2025-02-28") },
        new() { From = D("2025-01-01"), To = D("2025-03-31"), AgeDate = D("2025-03-15") },
    ];

    private async Task<List<string>> FiguresAsync(Guid structureId)
    {
        var figures = new List<string>();
        foreach (var query in Queries())
        {
            var report = await app.InScopeAsync(structureId, sp => sp.GetRequiredService<StatisticsService>().ComputeAsync(query));
            figures.Add(JsonSerializer.Serialize(new { report.Figures, report.Breakdowns }));
        }
        return figures;
    }

    [Fact]
    public async Task Anonymising_every_person_leaves_every_figure_of_every_past_period_identical()
    {
        var data = await HandBuiltDataset.CreateAsync(app);
        var before = await FiguresAsync(data.StructureId);

        var ids = await app.DbAsync(data.StructureId, db => db.Set<Person>().Where(p => !p.IsAnonymised).Select(p => p.Id).ToListAsync());
        ids.Count.ShouldBe(7); // Hugo is anonymised already
        (await app.InScopeAsync(data.StructureId, sp => sp.GetRequiredService<PersonService>().AnonymiseAsync(ids))).ShouldBe(7);

        var after = await FiguresAsync(data.StructureId);
        for (var i = 0; i < before.Count; i++)
            after[i].ShouldBe(before[i], $"query {i}");

        // Really anonymised: no name is left, families included.
        var names = await app.DbAsync(data.StructureId, db => db.Set<Person>().Select(p => p.LastName + p.FirstName).Distinct().ToListAsync());
        names.ShouldBe(["Anonyme"]);
        var families = await app.DbAsync(data.StructureId, db => db.Set<Household>().Select(h => h.Name).Distinct().ToListAsync());
        families.ShouldBe([Household.AnonymisedName]);
    }
}

[Collection(PostgresCollection.Postgres)]
public sealed class PostgresAnonymisationKeepsFiguresTests(PostgresStatisticsApp app) : AnonymisationKeepsFiguresTests(app);

[Collection(SqliteCollection.Sqlite)]
public sealed class SqliteAnonymisationKeepsFiguresTests(SqliteStatisticsApp app) : AnonymisationKeepsFiguresTests(app);
