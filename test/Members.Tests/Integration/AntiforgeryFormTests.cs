using System.Text.RegularExpressions;
using CentresConnectes.Members.Application;
using CentresConnectes.ReferenceData.Contracts;
using CentresConnectes.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static CentresConnectes.Members.Tests.Integration.MembersTestHelpers;

namespace CentresConnectes.Members.Tests.Integration;

/// <summary>
/// Every <c>&lt;form method="post"&gt;</c> the Members and ReferenceData pages render carries its
/// antiforgery token. The form tag helper adds it by itself only when it writes the action: a form
/// with a hand-written <c>action</c> (or an htmx fragment) silently loses it, and the post is then
/// refused with a 400 — or, worse, someone drops the check to make it work.
/// </summary>
public abstract partial class AntiforgeryFormTests(MembersFactory factory)
{
    [Fact]
    public async Task Every_post_form_of_the_members_and_settings_pages_carries_an_antiforgery_token()
    {
        var (structure, admin) = await factory.StructureWithAdminAsync("Formulaires");
        var group = await factory.GroupAsync(structure.Id);
        var (household, member, outsider) = await factory.InScopeAsync(structure.Id, async sp =>
        {
            var households = sp.GetRequiredService<HouseholdService>();
            var persons = sp.GetRequiredService<PersonService>();
            var h = await households.CreateAsync(new HouseholdInput { Name = "FORMULE" });
            var m = await persons.CreateAsync(new PersonInput
            {
                LastName = "FORMULE", FirstName = "Membre", DateOfBirth = new DateOnly(1985, 5, 5), HouseholdId = h, GroupIds = [group],
                Mobile = "06 11 11 11 11", ConsentSms = true,
            });
            var o = await persons.CreateAsync(new PersonInput { LastName = "FORMULAIRE", FirstName = "Seule", DateOfBirth = new DateOnly(1990, 1, 1) });
            return (h, m, o);
        });
        var pendingImport = (await admin.UploadAsync("/adherents/import", "formulaire.csv",
            Csv("Nom;Prénom;Date de naissance\r\nIMPORTE;Ida;01/01/2001\r\nIMPORTE;Ida;01/01/2001\r\n"))).LocationOf();

        var pages = new List<string>
        {
            "/adherents", "/adherents?q=form", "/adherents/nouveau", $"/adherents/nouveau?famille={household}",
            $"/adherents/{member}", $"/adherents/{member}/modifier", $"/adherents/{outsider}",
            "/familles", "/familles/nouvelle", $"/familles/{household}", $"/familles/{household}?chercher=formulaire",
            "/adherents/import", pendingImport,
            "/parametres", "/parametres/coordonnees", "/parametres/message-d-accueil", "/parametres/tranches-d-age",
        };
        pages.AddRange(Enum.GetValues<ReferenceListKind>().Select(k => "/parametres/listes/" + ReferenceListKinds.Slug(k)));

        var checkedForms = new Dictionary<string, int>();
        var missing = new List<string>();
        foreach (var url in pages)
            checkedForms[url] = CheckForms(url, await admin.GetPageAsync(url), missing);

        // The fragment htmx swaps in after an action on a list holds forms of its own.
        checkedForms["htmx: /parametres/listes/groupes?handler=Move"] = CheckForms("htmx fragment", await HtmxPostAsync(admin, "/parametres/listes/groupes",
            $"/parametres/listes/groupes?handler=Move&id={group}&direction=Down"), missing);

        // The super-admin's default lists.
        using (var super = await factory.SignInAsync(await factory.EnsureSuperAdminAsync()))
            checkedForms["/admin/listes-par-defaut"] = CheckForms("/admin/listes-par-defaut", await super.GetPageAsync("/admin/listes-par-defaut"), missing);

        missing.ShouldBeEmpty("post forms without an antiforgery token:\n" + string.Join("\n", missing));
        // Not vacuous: the pages that act on data did render their post forms.
        foreach (var url in new[]
                 {
                     "/adherents/nouveau", $"/adherents/{member}", $"/adherents/{member}/modifier", "/familles/nouvelle", $"/familles/{household}",
                     $"/familles/{household}?chercher=formulaire", "/adherents/import", pendingImport, "/parametres/coordonnees",
                     "/parametres/message-d-accueil", "/parametres/tranches-d-age", "/parametres/listes/groupes", "/admin/listes-par-defaut",
                 })
            checkedForms[url].ShouldBeGreaterThan(1, $"{url} should render post forms (its own and the header's sign-out)");
        checkedForms[$"/familles/{household}?chercher=formulaire"].ShouldBeGreaterThan(checkedForms[$"/familles/{household}"], "the search offers a person to add");
    }

    /// <summary>Checks each post form of the page; returns how many there were.</summary>
    private static int CheckForms(string url, string html, List<string> missing)
    {
        var count = 0;
        foreach (Match form in FormRegex().Matches(html))
        {
            if (!PostMethodRegex().IsMatch(form.Groups["attributes"].Value))
                continue;
            count++;
            if (!TokenRegex().IsMatch(form.Groups["body"].Value))
                missing.Add($"{url}: <form{form.Groups["attributes"].Value}>");
        }
        return count;
    }

    private static async Task<string> HtmxPostAsync(TestClient client, string page, string url)
    {
        var response = await client.PostHtmxFormAsync(page, new Dictionary<string, string?>(), url);
        response.EnsureSuccessStatusCode();
        var fragment = await response.Content.ReadAsStringAsync();
        fragment.ShouldNotContain("<html", Case.Insensitive, "htmx gets the list only");
        return fragment;
    }

    [GeneratedRegex("<form\\b(?<attributes>[^>]*)>(?<body>.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormRegex();

    [GeneratedRegex("\\bmethod\\s*=\\s*[\"']?post\\b", RegexOptions.IgnoreCase)]
    private static partial Regex PostMethodRegex();

    [GeneratedRegex("<input\\b[^>]*\\bname=\"__RequestVerificationToken\"[^>]*\\bvalue=\"[^\"]+\"", RegexOptions.IgnoreCase)]
    private static partial Regex TokenRegex();
}

[Collection(PostgresCollection.Postgres)]
public sealed class AntiforgeryFormTestsOnPostgres(PostgresMembersFactory factory) : AntiforgeryFormTests(factory);

[Collection(SqliteCollection.Sqlite)]
public sealed class AntiforgeryFormTestsOnSqlite(SqliteMembersFactory factory) : AntiforgeryFormTests(factory);
