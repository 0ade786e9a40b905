using System.Net;
using CentresConnectes.Platform.Data;
using CentresConnectes.SmsAlerts.Application;
using CentresConnectes.SmsAlerts.Domain;
using CentresConnectes.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static CentresConnectes.TestSupport.TestClient;

namespace CentresConnectes.SmsAlerts.Tests.Integration;

/// <summary>
/// Structure B tries every Alertes page, API route and webhook with structure A's ids, groups,
/// persons and tokens: 404 each time, and A's rows stay as they were (checked in A's own scope).
/// </summary>
public abstract class TenancyTests(SmsFactory factory)
{
    private sealed record Side(TestStructure Structure, TestClient Client, Guid Person, string Mobile, Guid Group, Guid Reminder, Guid Occurrence,
        Guid Campaign, Guid SentCampaign, string Token);

    private async Task<Side> SideAsync(string name)
    {
        var (structure, client) = await factory.StructureWithAdminAsync(name);
        await factory.UseFakeProviderAsync(structure.Id, ProviderKind.Ovh);
        var group = await factory.GroupAsync(structure.Id, 0);
        var mobile = SmsFactory.NewMobile();
        var person = await factory.PersonAsync(structure.Id, "SECRET" + name.ToUpperInvariant(), "Personne", mobile, groups: [group]);
        var reminder = await factory.ReminderAsync(structure.Id, person, SmsTestHelpers.OnDay(factory.Today().AddDays(5), "09:00", 1));
        var occurrence = await factory.DbAsync(structure.Id, db => db.Set<ReminderOccurrence>().Where(o => o.ReminderId == reminder).Select(o => o.Id).SingleAsync());
        var sent = await factory.CampaignAsync(structure.Id, SmsTestHelpers.Campaign("Envoyé " + name, group));
        await factory.DispatchAsync();
        var later = SmsTestHelpers.Campaign("Programmé " + name, group);
        later.SendAt = factory.Today().AddDays(2).ToDateTime(new TimeOnly(10, 0));
        var campaign = await factory.CampaignAsync(structure.Id, later);
        return new Side(structure, client, person, mobile, group, reminder, occurrence, campaign, sent, await factory.WebhookTokenAsync(structure.Id));
    }

    private async Task<string> SnapshotAsync(Side s) => await factory.DbAsync(s.Structure.Id, async db =>
        string.Join("|", (await db.Set<Delivery>().AsNoTracking().OrderBy(d => d.Id).Select(d => d.Id + ":" + d.Status + ":" + d.ProviderMessageId).ToListAsync())
            .Concat(await db.Set<Campaign>().AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id + ":" + c.Status).ToListAsync())
            .Concat(await db.Set<Reminder>().AsNoTracking().Select(r => r.Id + ":" + r.IsActive).ToListAsync())
            .Concat(await db.Set<ReminderOccurrence>().AsNoTracking().OrderBy(o => o.Id).Select(o => o.Id + ":" + o.Status).ToListAsync())
            .Concat(await db.Set<SmsSettings>().AsNoTracking().Select(x => x.Provider + ":" + x.MonthlyQuota + ":" + x.SenderName).ToListAsync())));

    [Fact]
    public async Task Another_structures_ids_answer_404_on_every_page_and_api_route_and_change_nothing()
    {
        var a = await SideAsync("A");
        var b = await SideAsync("B");
        var before = await SnapshotAsync(a);

        string[] pages =
        [
            $"/alertes/personnes/{a.Person}", $"/alertes/rappels/{a.Reminder}/tester", $"/alertes/envois/{a.Campaign}", $"/alertes/envois/{a.SentCampaign}",
            $"/api/sms/reminders/{a.Reminder}", $"/api/sms/reminders/person/{a.Person}", $"/api/sms/campaigns/{a.Campaign}",
            $"/api/sms/campaigns/{a.Campaign}/deliveries",
        ];
        foreach (var url in pages)
            (await b.Client.GetAsync(url)).ShouldBe(HttpStatusCode.NotFound, "B reads A's " + url);

        var posts = new (string Url, object Body)[]
        {
            ($"/api/sms/reminders/{a.Reminder}/test", new { }),
            ($"/api/sms/reminders/{a.Reminder}/active/false", new { }),
            ($"/api/sms/occurrences/{a.Occurrence}/done", new { }),
            ($"/api/sms/campaigns/{a.Campaign}/cancel", new { }),
            ($"/api/sms/campaigns/{a.SentCampaign}/reuse", new { sendAt = (DateTime?)null }),
            ($"/api/sms/reminders/person/{a.Person}", new { title = "x", message = "x", sms = true, kind = 1, firstDate = factory.Today().AddDays(3), time = "10:00", leadDays = new[] { 0 } }),
            ("/api/sms/campaigns", new { title = "Vol", sms = true, message = "x", groupIds = new[] { a.Group } }),
            ("/api/sms/campaigns", new { title = "Vol", sms = true, message = "x", personIds = new[] { a.Person } }),
            ("/api/sms/campaigns/preview", new { title = "Vol", sms = true, message = "x", groupIds = new[] { a.Group } }),
        };
        foreach (var (url, body) in posts)
            (await b.Client.PostJsonAsync(url, body)).ShouldBe(HttpStatusCode.NotFound, "B acts on A's " + url);

        // Page forms with A's ids: B's own pages, A's ids in the form.
        (await b.Client.PostFormAsync("/alertes", Form(("occurrenceId", a.Occurrence.ToString())), "/alertes?handler=Done")).ShouldBe(HttpStatusCode.NotFound);
        (await b.Client.PostFormAsync($"/alertes/envois/{b.Campaign}", Form(), $"/alertes/envois/{a.Campaign}?handler=Cancel")).ShouldBe(HttpStatusCode.NotFound);
        (await b.Client.PostFormAsync($"/alertes/envois/{b.SentCampaign}", Form(("sendDate", factory.Today().AddDays(1).ToString("yyyy-MM-dd"))),
            $"/alertes/envois/{a.SentCampaign}?handler=Reuse")).ShouldBe(HttpStatusCode.NotFound);
        (await b.Client.PostFormAsync($"/alertes/rappels/{b.Reminder}/tester", Form(), $"/alertes/rappels/{a.Reminder}/tester")).ShouldBe(HttpStatusCode.NotFound);
        (await b.Client.PostFormAsync("/alertes/envois/nouveau", Form(("Input.Title", "Vol"), ("Input.Sms", "true"), ("Input.Message", "x"),
            ("Input.GroupIds[0]", a.Group.ToString())), "/alertes/envois/nouveau?handler=Create")).ShouldBe(HttpStatusCode.NotFound);

        // Lists, journal, figures of B: nothing of A.
        foreach (var url in new[] { "/alertes", "/alertes/envois", "/alertes/journal", "/alertes/statistiques", "/api/sms/campaigns", "/api/sms/occurrences", "/api/sms/statistics" })
        {
            var text = await b.Client.GetTextAsync(url);
            text.ShouldNotContain("SECRETA");
            text.ShouldNotContain(a.Campaign.ToString());
            text.ShouldNotContain("Envoyé A");
        }
        (await b.Client.GetTextAsync("/alertes/envois")).ShouldContain("Envoyé B");
        (await b.Client.GetTextAsync("/alertes/reglages")).ShouldNotContain(a.Token);

        (await SnapshotAsync(a)).ShouldBe(before);
        factory.Fake.To(SmsFactory.E164(a.Mobile)).Count.ShouldBe(1); // A's own sent campaign only
    }

    [Fact]
    public async Task Another_structure_gets_404_on_every_alertes_id_route_found_by_the_probe()
    {
        var a = await SideAsync("PA");
        var b = await SideAsync("PB");
        var before = await SnapshotAsync(a);
        var reminder = new { title = "x", message = "x", sms = true, kind = 1, firstDate = factory.Today().AddDays(3), time = "10:00", leadDays = new[] { 0 } };
        var probe = new CrossStructureProbe(factory.Services, "SmsAlerts")
            .Sample("/alertes/personnes", new { personId = a.Person })
            .Sample("/alertes/rappels", new { id = a.Reminder })
            .Sample("/alertes/envois", new { id = a.Campaign })
            .Sample("/api/sms/reminders", new { id = a.Reminder, personId = a.Person, active = false })
            .Sample("/api/sms/occurrences", new { id = a.Occurrence })
            .Sample("/api/sms/campaigns", new { id = a.Campaign })
            .Body("POST", "/api/sms/reminders/person/{personId:guid}", reminder)
            .Body("POST", "/api/sms/reminders/person/{personId:guid}/preview", reminder)
            .Body("POST", "/api/sms/campaigns/{id:guid}/schedule", new { sendAt = (DateTime?)null })
            .Body("POST", "/api/sms/campaigns/{id:guid}/reuse", new { sendAt = (DateTime?)null });
        var requests = await probe.CheckAsync(a.Client, b.Client);
        requests.ShouldContain(r => r.StartsWith("POST /api/sms/campaigns/" + a.Campaign + "/resume", StringComparison.Ordinal));
        requests.ShouldContain(r => r.StartsWith("POST /alertes/envois/" + a.Campaign + "?handler=Resume", StringComparison.Ordinal));
        (await SnapshotAsync(a)).ShouldBe(before);
    }

    [Fact]
    public async Task A_webhook_of_one_structure_cannot_touch_another_structures_rows_or_consents()
    {
        var a = await SideAsync("WA");
        var b = await SideAsync("WB");
        var before = await SnapshotAsync(b);
        using var provider = factory.CreateClient();
        var bSms = factory.Fake.To(SmsFactory.E164(b.Mobile)).Single();

        // B's receipt sent to A's address: A has no such message, B's row stays « envoyé ».
        var wrong = bSms with { CallbackUrl = $"http://localhost/webhooks/sms/{a.Token}/ovh" };
        (await FakeSmsProvider.SendReceiptAsync(provider, wrong, delivered: true)).ShouldBe(HttpStatusCode.OK);
        // B's number answering STOP through A's address: B's person keeps her consent.
        (await FakeSmsProvider.SendReplyAsync(provider, $"/webhooks/sms/{a.Token}", SmsFactory.E164(b.Mobile), "STOP")).ShouldBe(HttpStatusCode.OK);
        (await SnapshotAsync(b)).ShouldBe(before);
        (await factory.DbAsync(b.Structure.Id, db => db.Set<Members.Domain.Person>().SingleAsync(p => p.Id == b.Person))).ConsentSms.ShouldBeTrue();
        (await factory.DbAsync(b.Structure.Id, db => db.Set<OptOut>().CountAsync())).ShouldBe(0);

        // An unknown token: 404, nothing anywhere.
        (await FakeSmsProvider.SendReplyAsync(provider, "/webhooks/sms/inconnu", SmsFactory.E164(b.Mobile), "STOP")).ShouldBe(HttpStatusCode.NotFound);
        (await provider.GetAsync($"/webhooks/sms/{new string('0', 48)}/ovh?id={bSms.Id}&dlr=1")).ShouldBe(HttpStatusCode.NotFound);

        // The right address does work.
        (await FakeSmsProvider.SendReceiptAsync(provider, bSms, delivered: true)).ShouldBe(HttpStatusCode.OK);
        (await factory.DeliveriesAsync(b.Structure.Id, q => q.Where(d => d.ProviderMessageId == bSms.Id))).Single().Status.ShouldBe(DeliveryStatus.Delivered);
    }

    [Fact]
    public async Task Provider_secrets_of_one_structure_do_not_open_in_another()
    {
        var a = await SideAsync("SA");
        var b = await SideAsync("SB");
        var cipherA = await factory.DbAsync(a.Structure.Id, db => db.Set<SmsSettings>().Select(s => s.ProtectedCredentials).SingleAsync());
        cipherA.ShouldNotBeNull().ShouldNotContain(FakeSmsProvider.OvhApplicationSecret);
        await factory.InScopeAsync(b.Structure.Id, sp =>
        {
            sp.GetRequiredService<Platform.Contracts.IStructureSecrets>().Unprotect(cipherA).ShouldBeNull();
            return Task.CompletedTask;
        });
        await factory.InScopeAsync(a.Structure.Id, sp =>
        {
            sp.GetRequiredService<Platform.Contracts.IStructureSecrets>().Unprotect(cipherA).ShouldNotBeNull().ShouldContain(FakeSmsProvider.OvhApplicationSecret);
            return Task.CompletedTask;
        });
        // The structure's settings API never shows credentials nor the webhook secret.
        var api = await a.Client.GetTextAsync("/api/sms/settings");
        api.ShouldNotContain(a.Token);
        api.ShouldNotContain(FakeSmsProvider.OvhApplicationSecret);
        // Only the super-admin sets providers.
        (await a.Client.GetAsync("/admin/sms")).ShouldRedirectTo("/erreur/403");
        using var super = await factory.SignInAsync("super@plateforme.test");
        (await super.GetTextAsync("/admin/sms")).ShouldContain(a.Structure.Name);
        var save = await super.PostFormAsync($"/admin/sms?structure={a.Structure.Id}", Form(("structure", a.Structure.Id.ToString()), ("Input.Provider", "Brevo"),
            ("Input.MonthlyQuota", "120"), ("Input.CostPerSegmentCents", "6")), "/admin/sms");
        save.ShouldRedirectTo("/admin/sms");
        var settingsA = await factory.DbAsync(a.Structure.Id, db => db.Set<SmsSettings>().AsNoTracking().SingleAsync());
        settingsA.Provider.ShouldBe(ProviderKind.Brevo);
        settingsA.MonthlyQuota.ShouldBe(120);
        settingsA.ProtectedCredentials.ShouldBe(cipherA); // kept when the fields stay empty
        (await factory.DbAsync(b.Structure.Id, db => db.Set<SmsSettings>().AsNoTracking().SingleAsync())).Provider.ShouldBe(ProviderKind.Ovh);
    }
}

[Collection(PostgresCollection.Postgres)]
public sealed class PostgresTenancyTests(PostgresSmsFactory f) : TenancyTests(f);

[Collection(SqliteCollection.Sqlite)]
public sealed class SqliteTenancyTests(SqliteSmsFactory f) : TenancyTests(f);
