using CentresConnectes.Platform.Contracts;
using CentresConnectes.ReferenceData.Contracts;
using CentresConnectes.Statistics.Application;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;

namespace CentresConnectes.Statistics.Tests;

/// <summary>
/// The register, messages and monthly figures on the hand-built dataset (see <see cref="HandBuiltDataset"/>):
/// expected numbers counted by hand from its description.
/// </summary>
public abstract class StatisticsRegisterTests(StatisticsApp app)
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static List<AgeBracketInput> Brackets() =>
        [new() { MinAge = 0, MaxAge = 2 }, new() { MinAge = 3, MaxAge = 5 }, new() { MinAge = 6, MaxAge = 11 }, new() { MinAge = 18, MaxAge = 120 }];

    private static StatisticsQuery March() => new() { From = D("2025-03-01"), To = D("2025-03-31"), AgeBrackets = Brackets() };

    /// <summary>In a scope with no signed-in user: no permission, so no social data (the sensitive group is not counted).</summary>
    private Task<T> WithoutSocialDataAsync<T>(HandBuiltDataset data, Func<StatisticsService, Task<T>> action) =>
        app.InScopeAsync(data.StructureId, sp => action(sp.GetRequiredService<StatisticsService>()));

    private static void Figure(StatisticsReport report, string key, decimal now, decimal before)
    {
        report[key].Value.ShouldBe(now, key);
        report[key].Previous.ShouldBe(before, $"{key} (previous period)");
    }

    [Fact]
    public async Task The_register_counts_members_by_group_and_age_bracket_and_the_consent_rates()
    {
        var data = await app.DatasetAsync();
        using var admin = await app.SignInAsync(data.Structure.AdminEmail);
        var report = (await (await admin.PostJsonAsync("/api/statistics", new
        {
            from = "2025-03-01", to = "2025-03-31", ageBrackets = Brackets(),
        })).Content.ReadFromJsonAsync<StatisticsReport>())!;

        // All 8 registered by 31/03 (Hugo anonymised still counts); by 28/02 not Paul (10/03) nor Nina (20/03).
        Figure(report, FigureKeys.Members, 8, 6);
        Figure(report, FigureKeys.ConsentSms, 2, 1);          // Alice Nina; Alice
        Figure(report, FigureKeys.ConsentSmsRate, 25m, 16.7m); // 2/8; 1/6 = 16,67 %
        Figure(report, FigureKeys.ConsentEmail, 2, 2);        // Alice Jeanne
        Figure(report, FigureKeys.ConsentEmailRate, 25m, 33.3m);

        // The admin has the social-data permission: the sensitive « RSA » group has its line.
        report.RegisterSection(FigureKeys.MembersByGroup).Lines.Select(l => (l.Label, l.Value, l.Previous))
            .ShouldBe([("Petite enfance", 2, 2), ("Jeunesse", 1, 1), ("RSA", 1, 1), ("Culture", 2, 2)]);
        // Ages on 31/03: Emma 2 | Zoé 5 | Léo 6, Nina 10 | Alice Paul Jeanne | Hugo 12.
        // On 28/02 (previous): Emma 2 | Léo 5, Zoé 5 | — | Alice Jeanne | Hugo.
        report.RegisterSection(FigureKeys.MembersByAge).Lines.Select(l => (l.Label, l.Value, l.Previous))
            .ShouldBe([("0 à 2 ans", 1, 1), ("3 à 5 ans", 1, 2), ("6 à 11 ans", 2, 0), ("18 ans et plus", 3, 2), ("Hors tranches", 1, 1)]);

        var culture = data.Item(ReferenceListKind.Groupe, "culture");
        var list = (await (await admin.PostJsonAsync("/api/statistics/drilldown", new { query = new { from = "2025-03-01", to = "2025-03-31" }, figure = FigureKeys.MembersByGroup, line = culture.ToString() }))
            .Content.ReadFromJsonAsync<DrillDown>())!;
        list.Rows.Select(r => r.FirstName).ShouldBe(["Alice", "Jeanne"]);
        var rsa = data.Item(ReferenceListKind.Groupe, "rsa");
        (await (await admin.PostJsonAsync("/api/statistics/drilldown", new { query = new { from = "2025-03-01", to = "2025-03-31" }, figure = FigureKeys.MembersByGroup, line = rsa.ToString() }))
            .Content.ReadFromJsonAsync<DrillDown>())!.Rows.Select(r => r.FirstName).ShouldBe(["Alice"]);
    }

    [Fact]
    public async Task Without_the_social_data_permission_the_sensitive_group_is_neither_counted_nor_listed()
    {
        var data = await app.DatasetAsync();
        var report = await WithoutSocialDataAsync(data, s => s.ComputeAsync(March()));
        report.RegisterSection(FigureKeys.MembersByGroup).Lines.Select(l => l.Label).ShouldBe(["Petite enfance", "Jeunesse", "Culture"]);
        var rsa = data.Item(ReferenceListKind.Groupe, "rsa");
        var refused = await Should.ThrowAsync<BusinessException>(() => WithoutSocialDataAsync(data, s => s.DrillDownAsync(March(), FigureKeys.MembersByGroup, rsa.ToString())));
        refused.Message.ShouldContain("Ce groupe n'existe pas");

        // The drill-down leaves the social columns out too.
        var present = await WithoutSocialDataAsync(data, s => s.DrillDownAsync(March(), FigureKeys.Present, null));
        present.SocialDataVisible.ShouldBeFalse();
        present.Rows.ShouldAllBe(r => r.MinimaSociaux == null && r.QuotientFamilial == null);
        present.Rows.Single(r => r.FirstName == "Alice").Ville.ShouldBe("Lille");
    }

    [Fact]
    public async Task A_criterion_restricts_the_register_too()
    {
        var data = await app.DatasetAsync();
        var query = March();
        query.Villes = [data.Item(ReferenceListKind.Ville, "lille")];
        var report = await WithoutSocialDataAsync(data, s => s.ComputeAsync(query));
        // Lille today: Alice Léo Emma (Paul has moved to Ronchin).
        Figure(report, FigureKeys.Members, 3, 3);
        Figure(report, FigureKeys.ConsentSms, 1, 1);
        Figure(report, FigureKeys.ConsentSmsRate, 33.3m, 33.3m);
        report.RegisterSection(FigureKeys.MembersByGroup).Lines.Select(l => (l.Label, l.Value)).ShouldBe([("Petite enfance", 1), ("Jeunesse", 1), ("Culture", 1)]);
        var members = await WithoutSocialDataAsync(data, s => s.DrillDownAsync(query, FigureKeys.Members, null));
        members.Rows.Select(r => r.FirstName).ShouldBe(["Alice", "Emma", "Léo"]);
    }

    [Fact]
    public async Task The_messages_of_the_period_come_from_sms_alerts()
    {
        var data = await app.DatasetAsync();
        var report = await WithoutSocialDataAsync(data, s => s.ComputeAsync(March()));
        // March: delivered Alice ×2, Nina, Léo (31/03 23:30 Paris); sent Jeanne; failed Paul; expired Zoé; cancelled and test left out.
        Figure(report, FigureKeys.SmsSent, 6, 1);
        Figure(report, FigureKeys.SmsDelivered, 4, 1);
        Figure(report, FigureKeys.SmsFailed, 2, 0);
        Figure(report, FigureKeys.SmsReached, 4, 1);          // Alice Nina Léo Jeanne; Alice
    }

    [Fact]
    public async Task Presences_are_counted_per_month_for_the_chart()
    {
        var data = await app.DatasetAsync();
        var query = new StatisticsQuery { From = D("2025-02-01"), To = D("2025-03-31") };
        var report = await WithoutSocialDataAsync(data, s => s.ComputeAsync(query));
        report.ByMonth.Select(m => (m.Year, m.Month, m.Presences)).ShouldBe([(2025, 2, 2), (2025, 3, 10)]);
        report.ByMonth[0].Label.ShouldBe("févr. 2025");
    }

    [Fact]
    public async Task Another_structure_counts_none_of_these_members_nor_messages()
    {
        await app.DatasetAsync();
        var (_, other) = await app.StructureWithAdminAsync("Autre registre");
        using (other)
        {
            var response = await other.PostJsonAsync("/api/statistics", new { from = "2025-03-01", to = "2025-03-31" });
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var report = (await response.Content.ReadFromJsonAsync<StatisticsReport>())!;
            report.Register.Concat(report.Sms).ShouldAllBe(f => f.Value == 0 && f.Previous == 0);
            report.RegisterBreakdowns.SelectMany(b => b.Lines).ShouldAllBe(l => l.Value == 0 && l.Previous == 0);
        }
    }
}

[Collection(PostgresCollection.Postgres)]
public sealed class PostgresStatisticsRegisterTests(PostgresStatisticsApp app) : StatisticsRegisterTests(app);

[Collection(SqliteCollection.Sqlite)]
public sealed class SqliteStatisticsRegisterTests(SqliteStatisticsApp app) : StatisticsRegisterTests(app);
