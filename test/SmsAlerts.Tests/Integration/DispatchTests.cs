using System.Net;
using CentresConnectes.Members.Application;
using CentresConnectes.Members.Domain;
using CentresConnectes.Platform.Data;
using CentresConnectes.SmsAlerts.Application;
using CentresConnectes.SmsAlerts.Domain;
using CentresConnectes.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace CentresConnectes.SmsAlerts.Tests.Integration;

/// <summary>Exactly once, outages, time-outs, crashes, STOP and consent: what reaches the (fake) provider.</summary>
public abstract class DispatchTests(SmsFactory factory)
{
    private async Task<(TestStructure Structure, Guid Group, List<string> Mobiles)> CampaignWorldAsync(string name, int persons, ProviderKind kind = ProviderKind.Ovh)
    {
        var (structure, _) = await factory.StructureWithAdminAsync(name);
        await factory.UseFakeProviderAsync(structure.Id, kind);
        // Not the sensitive « RSA » group (index 2): a person created without the social-data permission cannot be put in it.
        var g = await factory.GroupAsync(structure.Id, 3);
        var mobiles = new List<string>();
        for (var i = 0; i < persons; i++)
        {
            var m = SmsFactory.NewMobile();
            mobiles.Add(m);
            await factory.PersonAsync(structure.Id, $"{name.ToUpperInvariant()}{i:D4}", "Test", m, groups: [g]);
        }
        return (structure, g, mobiles);
    }

    [Fact]
    public async Task Two_dispatchers_racing_send_each_recipient_exactly_once()
    {
        var (structure, g, mobiles) = await CampaignWorldAsync("Course", 120);
        factory.Fake.Mode = FakeSmsProvider.Behaviour.Slow;
        factory.Fake.SlowDelay = TimeSpan.FromMilliseconds(15);
        try
        {
            var id = await factory.CampaignAsync(structure.Id, SmsTestHelpers.Campaign("Course", g));
            // Two "instances": separate scopes, connections and claims, small batches so they interleave.
            async Task<int> Instance() => await factory.InScopeAsync(null, async sp =>
            {
                var d = sp.GetRequiredService<DeliveryDispatcher>();
                var total = 0;
                int n;
                while ((n = await d.RunOnceAsync(batchSize: 10)) > 0)
                    total += n;
                return total;
            });
            var claimed = await Task.WhenAll(Instance(), Instance(), Instance());
            claimed.Sum().ShouldBe(120);
            foreach (var m in mobiles)
                factory.Fake.To(SmsFactory.E164(m)).Count.ShouldBe(1, m);
            (await factory.DeliveriesAsync(structure.Id, q => q.Where(d => d.CampaignId == id))).ShouldAllBe(d => d.Status == DeliveryStatus.Sent);
        }
        finally
        {
            factory.Fake.Mode = FakeSmsProvider.Behaviour.Ok;
        }
    }

    [Fact]
    public async Task During_an_outage_nothing_is_lost_back_off_is_observed_and_everything_goes_after_recovery()
    {
        var (structure, g, mobiles) = await CampaignWorldAsync("Panne", 5, ProviderKind.Brevo);
        factory.Fake.Mode = FakeSmsProvider.Behaviour.Unavailable;
        var callsBefore = factory.Fake.Calls;
        try
        {
            var id = await factory.CampaignAsync(structure.Id, SmsTestHelpers.Campaign("Panne", g));
            await factory.DispatchAsync();
            var rows = await factory.DeliveriesAsync(structure.Id, q => q.Where(d => d.CampaignId == id));
            rows.ShouldAllBe(r => r.Status == DeliveryStatus.Pending && r.Attempts == 1 && r.NotBeforeUtc > factory.Clock.GetUtcNow().UtcDateTime);
            rows.ShouldAllBe(r => r.FailureReason!.Contains("503"));
            // The HTTP pipeline retried each call twice before the row was put back (3 calls per message).
            (factory.Fake.Calls - callsBefore).ShouldBe(15);
            await factory.DispatchAsync(); // backing off: nothing is due
            (factory.Fake.Calls - callsBefore).ShouldBe(15);

            factory.Fake.Mode = FakeSmsProvider.Behaviour.Ok;
            factory.Clock.Advance(TimeSpan.FromMinutes(1));
            await factory.DispatchAsync();
            foreach (var m in mobiles)
                factory.Fake.To(SmsFactory.E164(m)).Count.ShouldBe(1);
            (await factory.DeliveriesAsync(structure.Id, q => q.Where(d => d.CampaignId == id))).ShouldAllBe(d => d.Status == DeliveryStatus.Sent && d.Attempts == 2);
            (await factory.CampaignDetailsAsync(structure.Id, id)).Status.ShouldBe(CampaignStatus.Sent);
        }
        finally
        {
            factory.Fake.Mode = FakeSmsProvider.Behaviour.Ok;
            factory.Clock.Advance(TimeSpan.FromMinutes(-1));
        }
    }

    [Fact]
    public async Task A_campaign_whose_messages_are_refused_pauses_itself_says_why_and_resumes()
    {
        var (structure, g, _) = await CampaignWorldAsync("Refus", 60, ProviderKind.Brevo);
        factory.Fake.Mode = FakeSmsProvider.Behaviour.ClientError;
        var callsBefore = factory.Fake.Calls;
        try
        {
            var id = await factory.CampaignAsync(structure.Id, SmsTestHelpers.Campaign("Refus", g));
            await factory.DispatchAsync();
            // The first hand-over (32 messages) is refused for good: the campaign stops there.
            var paused = await factory.CampaignDetailsAsync(structure.Id, id);
            paused.Status.ShouldBe(CampaignStatus.Paused);
            paused.PauseReason.ShouldNotBeNull().ShouldContain("32 messages ont échoué");
            (factory.Fake.Calls - callsBefore).ShouldBe(32);
            var rows = await factory.DeliveriesAsync(structure.Id, q => q.Where(d => d.CampaignId == id));
            rows.Count(d => d.Status == DeliveryStatus.Failed).ShouldBe(32);
            rows.Where(d => d.Status != DeliveryStatus.Failed).ShouldAllBe(d => d.Status == DeliveryStatus.Pending && d.FailureReason == "Envoi en pause");
            await factory.DispatchAsync(); // paused: nothing goes
            (factory.Fake.Calls - callsBefore).ShouldBe(32);

            factory.Fake.Mode = FakeSmsProvider.Behaviour.Ok;
            await factory.InScopeAsync(structure.Id, sp => sp.GetRequiredService<CampaignService>().ResumeAsync(id));
            (await factory.CampaignDetailsAsync(structure.Id, id)).PauseReason.ShouldBeNull();
            await factory.DispatchAsync();
            var done = await factory.CampaignDetailsAsync(structure.Id, id);
            done.Status.ShouldBe(CampaignStatus.Sent);
            rows = await factory.DeliveriesAsync(structure.Id, q => q.Where(d => d.CampaignId == id));
            rows.Count(d => d.Status == DeliveryStatus.Sent).ShouldBe(28);
            foreach (var row in rows.Where(d => d.Status == DeliveryStatus.Sent))
                factory.Fake.To(row.Address).Count.ShouldBe(1);
            // Only a paused campaign resumes.
            await Should.ThrowAsync<Platform.Contracts.BusinessException>(() =>
                factory.InScopeAsync(structure.Id, sp => sp.GetRequiredService<CampaignService>().ResumeAsync(id)));
        }
        finally
        {
            factory.Fake.Mode = FakeSmsProvider.Behaviour.Ok;
        }
    }

    [Fact]
    public async Task A_reminder_due_during_the_outage_expires_instead_of_going_late()
    {
        var (structure, _) = await factory.StructureWithAdminAsync("PanneRappel");
        await factory.UseFakeProviderAsync(structure.Id, ProviderKind.Ovh);
        var mobile = SmsFactory.NewMobile();
        var person = await factory.PersonAsync(structure.Id, "PANNE", "Rita", mobile);
        await factory.ReminderAsync(structure.Id, person, SmsTestHelpers.OnDay(factory.Today(), "10:30"));
        factory.Fake.Mode = FakeSmsProvider.Behaviour.Unavailable;
        try
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(35));
            await factory.DispatchAsync();
            (await factory.DeliveriesAsync(structure.Id)).Single().Status.ShouldBe(DeliveryStatus.Pending);
            factory.Clock.Advance(TimeSpan.FromHours(3)); // the provider comes back after the grace
            factory.Fake.Mode = FakeSmsProvider.Behaviour.Ok;
            await factory.DispatchAsync();
            var row = (await factory.DeliveriesAsync(structure.Id)).Single();
            row.Status.ShouldBe(DeliveryStatus.Expired);
            factory.Fake.To(SmsFactory.E164(mobile)).ShouldBeEmpty();
        }
        finally
        {
            factory.Fake.Mode = FakeSmsProvider.Behaviour.Ok;
            factory.Clock.Advance(-(TimeSpan.FromMinutes(35) + TimeSpan.FromHours(3)));
        }
    }

    [Fact]
    public async Task A_provider_time_out_leaves_the_row_unknown_and_never_resends_it()
    {
        var (structure, g, mobiles) = await CampaignWorldAsync("Delai", 1);
        factory.Fake.Mode = FakeSmsProvider.Behaviour.Timeout;
        try
        {
            await factory.CampaignAsync(structure.Id, SmsTestHelpers.Campaign("Délai", g));
            await factory.DispatchAsync();
        }
        finally
        {
            factory.Fake.Mode = FakeSmsProvider.Behaviour.Ok;
        }
        var row = (await factory.DeliveriesAsync(structure.Id)).Single();
        row.Status.ShouldBe(DeliveryStatus.Unknown);
        row.FailureReason!.ShouldContain("délai");
        await factory.DispatchAsync();
        factory.Fake.To(SmsFactory.E164(mobiles[0])).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_permanent_refusal_fails_the_row_with_its_reason_and_invalid_receivers_are_failed_one_by_one()
    {
        var (structure, g, mobiles) = await CampaignWorldAsync("Refuse", 2);
        factory.Fake.InvalidNumbers[SmsFactory.E164(mobiles[0])] = true;
        try
        {
            await factory.CampaignAsync(structure.Id, SmsTestHelpers.Campaign("Refus", g));
            await factory.DispatchAsync();
        }
        finally
        {
            factory.Fake.InvalidNumbers.Clear();
        }
        var rows = await factory.DeliveriesAsync(structure.Id);
        rows.Single(r => r.Address == SmsFactory.E164(mobiles[0])).Status.ShouldBe(DeliveryStatus.Failed);
        rows.Single(r => r.Address == SmsFactory.E164(mobiles[0])).FailureReason!.ShouldContain("invalidReceivers");
        rows.Single(r => r.Address == SmsFactory.E164(mobiles[1])).Status.ShouldBe(DeliveryStatus.Sent);
    }

    [Fact]
    public async Task After_a_crash_rows_not_yet_handed_over_are_sent_and_rows_in_flight_are_unknown()
    {
        var (structure, g, mobiles) = await CampaignWorldAsync("Crash", 4);
        var id = await factory.CampaignAsync(structure.Id, SmsTestHelpers.Campaign("Crash", g));
        // What a kill -9 leaves: claimed rows (lease running), two of them handed to the provider.
        var lease = factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(5);
        await factory.DbAsync(structure.Id, async db =>
        {
            var rows = await db.Set<Delivery>().Where(d => d.CampaignId == id).OrderBy(d => d.Id).ToListAsync();
            foreach (var (row, i) in rows.Select((r, i) => (r, i)))
            {
                row.Status = DeliveryStatus.InProgress;
                row.ClaimToken = Guid.NewGuid();
                row.ClaimedUntilUtc = lease;
                row.InFlight = i < 2;
            }
            return await db.SaveChangesAsync();
        });
        await factory.DispatchAsync();
        factory.Fake.Received.Count(r => mobiles.Select(SmsFactory.E164).Contains(r.To)).ShouldBe(0); // lease still running: untouched
        factory.Clock.Advance(TimeSpan.FromMinutes(6));
        try
        {
            await factory.DispatchAsync();
        }
        finally
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(-6));
        }
        var after = await factory.DeliveriesAsync(structure.Id, q => q.Where(d => d.CampaignId == id));
        after.Count(r => r.Status == DeliveryStatus.Unknown).ShouldBe(2);
        after.Count(r => r.Status == DeliveryStatus.Sent).ShouldBe(2);
        factory.Fake.Received.Count(r => mobiles.Select(SmsFactory.E164).Contains(r.To)).ShouldBe(2);
        (await factory.CampaignDetailsAsync(structure.Id, id)).Status.ShouldBe(CampaignStatus.Sent);
    }

    [Fact]
    public async Task STOP_consent_withdrawal_and_anonymisation_stop_every_queued_message()
    {
        var (structure, g, mobiles) = await CampaignWorldAsync("Stop", 4);
        var input = SmsTestHelpers.Campaign("Demain", g);
        input.SendAt = factory.Today().AddDays(1).ToDateTime(new TimeOnly(10, 0));
        var id = await factory.CampaignAsync(structure.Id, input);
        var persons = await factory.DbAsync(structure.Id, db => db.Set<Person>().Where(p => p.LastName.StartsWith("STOP")).OrderBy(p => p.LastName).ToListAsync());

        // 0: replies STOP (the number is known from its queued row).
        var token = await factory.WebhookTokenAsync(structure.Id);
        using var anonymous = factory.CreateClient();
        (await FakeSmsProvider.SendReplyAsync(anonymous, $"/webhooks/sms/{token}", SmsFactory.E164(mobiles[0]), "STOP")).ShouldBe(HttpStatusCode.OK);
        // 1: staff untick the SMS consent.
        await factory.InScopeAsync(structure.Id, async sp =>
        {
            var s = sp.GetRequiredService<PersonService>();
            await s.UpdateAsync(persons[1].Id, new PersonInput
            {
                LastName = persons[1].LastName, FirstName = persons[1].FirstName, DateOfBirth = persons[1].DateOfBirth, Mobile = mobiles[1], ConsentSms = false, GroupIds = [g],
            });
        });
        // 2: anonymised (RGPD).
        await factory.InScopeAsync(structure.Id, sp => sp.GetRequiredService<PersonService>().AnonymiseAsync(persons[2].Id));
        // 3: consent withdrawn behind the events' back (an import, a script): the send-time check stops it.
        await factory.DbAsync(structure.Id, db => db.Set<Person>().Where(p => p.Id == persons[3].Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ConsentSms, false)));

        (await factory.DbAsync(structure.Id, db => db.Set<Person>().SingleAsync(p => p.Id == persons[0].Id))).ConsentSms.ShouldBeFalse();
        factory.Clock.Advance(TimeSpan.FromDays(1));
        try
        {
            await factory.DispatchAsync();
        }
        finally
        {
            factory.Clock.Advance(TimeSpan.FromDays(-1));
        }
        foreach (var m in mobiles)
            factory.Fake.To(SmsFactory.E164(m)).ShouldBeEmpty();
        var rows = await factory.DeliveriesAsync(structure.Id, q => q.Where(d => d.CampaignId == id));
        rows.ShouldAllBe(r => r.Status == DeliveryStatus.Cancelled);
        rows.Select(r => r.FailureReason).ShouldContain("Désinscrit (réponse STOP)");
        rows.Select(r => r.FailureReason).ShouldContain("Consentement SMS retiré");
        rows.Select(r => r.FailureReason).ShouldContain("Personne anonymisée");
        rows.Select(r => r.FailureReason).ShouldContain("Non envoyé : la personne n'a pas accepté les SMS");
    }
}

[Collection(PostgresCollection.Postgres)]
public sealed class PostgresDispatchTests(PostgresSmsFactory f) : DispatchTests(f);

[Collection(SqliteCollection.Sqlite)]
public sealed class SqliteDispatchTests(SqliteSmsFactory f) : DispatchTests(f);
