using System.Net;
using CentresConnectes.Members.Application;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.Platform.Infrastructure;
using CentresConnectes.SmsAlerts.Application;
using CentresConnectes.SmsAlerts.Domain;
using CentresConnectes.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static CentresConnectes.TestSupport.TestClient;

namespace CentresConnectes.SmsAlerts.Tests.Integration;

public abstract class CampaignTests(SmsFactory factory)
{
    [Fact]
    public async Task The_person_picker_searches_the_register_live_adds_persons_once_and_counts_them_once_with_the_groups()
    {
        var (structure, admin) = await factory.StructureWithAdminAsync("Choix");
        var (_, otherAdmin) = await factory.StructureWithAdminAsync("Choix ailleurs");
        var g = await factory.GroupAsync(structure.Id, 0);
        var inGroup = await factory.PersonAsync(structure.Id, "GROUPÉE", "Alice", SmsFactory.NewMobile(), groups: [g]);
        var alone = await factory.PersonAsync(structure.Id, "SEULETTE", "Bérénice", SmsFactory.NewMobile());
        var elsewhere = await factory.PersonAsync((await factory.CreateStructureAsync("Choix tiers")).Id, "SEULETTE", "Autre", SmsFactory.NewMobile());

        var form = Form(("Input.Title", "Choisies"), ("Input.Sms", "true"), ("Input.Message", "Bonjour {prenom}."), ("Input.GroupIds[0]", g.ToString()),
            ("PersonQuery", "seul"));
        // As one types (htmx): the fragment with the register's answers, accents and case ignored; another structure's namesake is not there.
        var live = await admin.PostHtmxFormAsync("/alertes/envois/nouveau", form, "/alertes/envois/nouveau?handler=SearchPersons");
        live.StatusCode.ShouldBe(HttpStatusCode.OK);
        var fragment = await live.Content.ReadAsStringAsync();
        fragment.ShouldContain("person-results");
        fragment.ShouldNotContain("<html");
        WebUtility.HtmlDecode(fragment).ShouldContain("SEULETTE Bérénice");
        fragment.ShouldContain(alone.ToString());
        fragment.ShouldNotContain(elsewhere.ToString());

        // « Ajouter » twice, and a person already in the ticked group: each is counted once.
        form["add"] = alone.ToString();
        var added = await admin.PostFormAsync("/alertes/envois/nouveau", form, "/alertes/envois/nouveau?handler=AddPerson");
        var page = WebUtility.HtmlDecode(await added.Content.ReadAsStringAsync());
        page.ShouldContain("SEULETTE Bérénice");
        form["Input.PersonIds[0]"] = alone.ToString();
        form["Input.PersonIds[1]"] = alone.ToString();
        form["add"] = inGroup.ToString();
        page = WebUtility.HtmlDecode(await (await admin.PostFormAsync("/alertes/envois/nouveau", form, "/alertes/envois/nouveau?handler=AddPerson")).Content.ReadAsStringAsync());
        page.ShouldContain("déjà dans un groupe choisi");
        form.Remove("add");
        form.Remove("Input.PersonIds[1]");
        form["Input.PersonIds[1]"] = inGroup.ToString();
        var created = await admin.PostFormAsync("/alertes/envois/nouveau", form, "/alertes/envois/nouveau?handler=Create");
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = Guid.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
        var details = await factory.CampaignDetailsAsync(structure.Id, id);
        details.RecipientCount.ShouldBe(2);
        (await factory.DeliveriesAsync(structure.Id, q => q.Where(d => d.CampaignId == id))).Select(d => d.PersonId).ShouldBe([inGroup, alone], ignoreOrder: true);

        // Another structure cannot add this structure's person through the picker.
        (await otherAdmin.PostFormAsync("/alertes/envois/nouveau", Form(("Input.Title", "x"), ("add", alone.ToString())),
            "/alertes/envois/nouveau?handler=AddPerson")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_campaign_to_two_groups_explains_its_count_is_sent_once_each_gets_receipts_and_can_be_reused()
    {
        var (structure, admin) = await factory.StructureWithAdminAsync("Envois");
        await factory.UseFakeProviderAsync(structure.Id, ProviderKind.Ovh);
        var g1 = await factory.GroupAsync(structure.Id, 0);
        var g2 = await factory.GroupAsync(structure.Id, 1);
        var both = SmsFactory.NewMobile();
        var m1 = SmsFactory.NewMobile();
        var m2 = SmsFactory.NewMobile();
        var stopped = SmsFactory.NewMobile();
        await factory.PersonAsync(structure.Id, "DANS", "Deux", both, groups: [g1, g2]); // in both groups: once
        await factory.PersonAsync(structure.Id, "UN", "Premier", m1, groups: [g1]);
        await factory.PersonAsync(structure.Id, "DEUX", "Second", m2, groups: [g2]);
        await factory.PersonAsync(structure.Id, "REFUS", "Sans", SmsFactory.NewMobile(), consentSms: false, groups: [g1]);
        await factory.PersonAsync(structure.Id, "SANSPORTABLE", "Zoé", null, groups: [g2]);
        await factory.PersonAsync(structure.Id, "STOPPE", "Paul", stopped, groups: [g2]);
        await factory.DbAsync(structure.Id, async db => { db.Set<OptOut>().Add(new OptOut(SmsFactory.E164(stopped), DateTime.UtcNow)); return await db.SaveChangesAsync(); });

        var form = Form(("Input.Title", "Atelier cuisine"), ("Input.Sms", "true"), ("Input.Message", "Bonjour {prenom}, atelier cuisine jeudi 14h."),
            ("Input.GroupIds[0]", g1.ToString()), ("Input.GroupIds[1]", g2.ToString()));
        var preview = await admin.PostFormAsync("/alertes/envois/nouveau", form, "/alertes/envois/nouveau?handler=Preview");
        var text = await preview.TextAsync();
        text.ShouldContain("3 personne(s) sur 6 recevront ce message.");
        text.ShouldContain("1 sans consentement");
        text.ShouldContain("1 sans portable");
        text.ShouldContain("1 désinscrits (STOP)");

        var created = await admin.PostFormAsync("/alertes/envois/nouveau", form, "/alertes/envois/nouveau?handler=Create");
        ((int)created.StatusCode).ShouldBe(302, await created.Content.ReadAsStringAsync());
        var campaignId = Guid.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
        var rows = await factory.DeliveriesAsync(structure.Id, q => q.Where(d => d.CampaignId == campaignId));
        rows.Count.ShouldBe(3);
        rows.ShouldAllBe(r => r.Body.EndsWith("STOP au 36111"));

        await factory.DispatchAsync();
        foreach (var n in new[] { both, m1, m2 })
            factory.Fake.To(SmsFactory.E164(n)).Count.ShouldBe(1);
        factory.Fake.To(SmsFactory.E164(both)).Single().Text.ShouldStartWith("Bonjour Deux, atelier cuisine");
        Interlocked.Read(ref factory.Fake.BadSignatures).ShouldBe(0);
        (await factory.CampaignDetailsAsync(structure.Id, campaignId)).Status.ShouldBe(CampaignStatus.Sent);

        // Receipts: one delivered, one failed, through the callback URL the app gave OVHcloud.
        using var provider = factory.CreateClient();
        (await FakeSmsProvider.SendReceiptAsync(provider, factory.Fake.To(SmsFactory.E164(m1)).Single(), delivered: true)).ShouldBe(HttpStatusCode.OK);
        (await FakeSmsProvider.SendReceiptAsync(provider, factory.Fake.To(SmsFactory.E164(m2)).Single(), delivered: false)).ShouldBe(HttpStatusCode.OK);
        var page = await admin.GetTextAsync($"/alertes/envois/{campaignId}");
        page.ShouldContain("délivré");
        page.ShouldContain("Non délivré");
        page.ShouldContain("UN Premier");

        // Réutiliser with a new date: a new campaign, recounted, due at that moment.
        var tomorrow = factory.Today().AddDays(1);
        var reuse = await admin.PostFormAsync($"/alertes/envois/{campaignId}", Form(("sendDate", tomorrow.ToString("yyyy-MM-dd")), ("sendTime", "10:30")),
            $"/alertes/envois/{campaignId}?handler=Reuse");
        reuse.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var reusedId = Guid.Parse(reuse.Headers.Location!.OriginalString.Split('/').Last());
        reusedId.ShouldNotBe(campaignId);
        var reused = await factory.CampaignDetailsAsync(structure.Id, reusedId);
        reused.Status.ShouldBe(CampaignStatus.Scheduled);
        reused.ReusedFromId.ShouldBe(campaignId);
        reused.StartsAtUtc.ShouldBe(ParisTime.ToUtc(tomorrow, new TimeOnly(10, 30)));
        (await factory.DeliveriesAsync(structure.Id, q => q.Where(d => d.CampaignId == reusedId))).Count.ShouldBe(3);
        await factory.DispatchAsync(); // not due yet
        factory.Fake.To(SmsFactory.E164(m1)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_campaign_beyond_the_monthly_quota_is_refused_with_the_numbers_and_writes_nothing()
    {
        var (structure, _) = await factory.StructureWithAdminAsync("Quota");
        await factory.UseFakeProviderAsync(structure.Id, ProviderKind.Ovh, quota: 2);
        var g = await factory.GroupAsync(structure.Id, 0);
        for (var i = 0; i < 3; i++)
            await factory.PersonAsync(structure.Id, "QUOTA" + (char)('A' + i), "X", SmsFactory.NewMobile(), groups: [g]);
        var ex = await Should.ThrowAsync<BusinessException>(() => factory.CampaignAsync(structure.Id, SmsTestHelpers.Campaign("Trop", g)));
        ex.Message.ShouldContain("Il reste 2 SMS ce mois-ci ; cet envoi en demande 3.");
        (await factory.DbAsync(structure.Id, db => db.Set<Campaign>().CountAsync())).ShouldBe(0);
        (await factory.DeliveriesAsync(structure.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_campaign_asked_for_the_evening_waits_for_the_next_morning_and_says_so()
    {
        var (structure, _) = await factory.StructureWithAdminAsync("Soir");
        var g = await factory.GroupAsync(structure.Id, 0);
        await factory.PersonAsync(structure.Id, "SOIR", "Eva", SmsFactory.NewMobile(), groups: [g]);
        var input = SmsTestHelpers.Campaign("Soirée", g);
        input.SendAt = factory.Today().ToDateTime(new TimeOnly(21, 0));
        var preview = await factory.InScopeAsync(structure.Id, sp => sp.GetRequiredService<CampaignService>().PreviewAsync(input));
        preview.MovedByQuietHours.ShouldBeTrue();
        preview.StartsAtUtc.ShouldBe(ParisTime.ToUtc(factory.Today().AddDays(1), new TimeOnly(8, 0)));
        var id = await factory.CampaignAsync(structure.Id, input);
        (await factory.DeliveriesAsync(structure.Id, q => q.Where(d => d.CampaignId == id))).Single().NotBeforeUtc
            .ShouldBe(ParisTime.ToUtc(factory.Today().AddDays(1), new TimeOnly(8, 0)));
    }

    [Fact]
    public async Task A_cancelled_campaign_sends_nothing()
    {
        var (structure, admin) = await factory.StructureWithAdminAsync("Annule");
        await factory.UseFakeProviderAsync(structure.Id, ProviderKind.Ovh);
        var g = await factory.GroupAsync(structure.Id, 0);
        var mobile = SmsFactory.NewMobile();
        await factory.PersonAsync(structure.Id, "ANNULE", "Tom", mobile, groups: [g]);
        var input = SmsTestHelpers.Campaign("Plus tard", g);
        input.SendAt = factory.Today().AddDays(1).ToDateTime(new TimeOnly(10, 0));
        var id = await factory.CampaignAsync(structure.Id, input);
        (await admin.PostFormAsync($"/alertes/envois/{id}", Form(), $"/alertes/envois/{id}?handler=Cancel")).ShouldRedirectTo($"/alertes/envois/{id}");
        factory.Clock.Advance(TimeSpan.FromDays(1));
        try
        {
            await factory.DispatchAsync();
        }
        finally
        {
            factory.Clock.Advance(TimeSpan.FromDays(-1));
        }
        factory.Fake.To(SmsFactory.E164(mobile)).ShouldBeEmpty();
        (await factory.DeliveriesAsync(structure.Id)).Single().Status.ShouldBe(DeliveryStatus.Cancelled);
        (await factory.CampaignDetailsAsync(structure.Id, id)).Status.ShouldBe(CampaignStatus.Cancelled);
    }

    [Fact]
    public async Task The_api_creates_a_campaign_and_lists_its_deliveries()
    {
        var (structure, admin) = await factory.StructureWithAdminAsync("Api");
        var g = await factory.GroupAsync(structure.Id, 0);
        await factory.PersonAsync(structure.Id, "API", "Noé", SmsFactory.NewMobile(), groups: [g]);
        var bad = await admin.PostJsonAsync("/api/sms/campaigns", new { title = "", sms = true, message = "x", groupIds = new[] { g } });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("Donnez un titre");
        var created = await admin.PostJsonAsync("/api/sms/campaigns", new { title = "Par l'API", sms = true, message = "Bonjour {prenom}", groupIds = new[] { g } });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var list = await admin.GetTextAsync("/api/sms/campaigns");
        list.ShouldContain("Par l'API");
    }
}

[Collection(PostgresCollection.Postgres)]
public sealed class PostgresCampaignTests(PostgresSmsFactory f) : CampaignTests(f);

[Collection(SqliteCollection.Sqlite)]
public sealed class SqliteCampaignTests(SqliteSmsFactory f) : CampaignTests(f);
