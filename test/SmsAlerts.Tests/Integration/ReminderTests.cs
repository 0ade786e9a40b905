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

public abstract class ReminderTests(SmsFactory factory)
{
    [Fact]
    public async Task A_reminder_from_a_template_then_Tester_le_rappel_shows_the_message_in_the_Journal()
    {
        // France Travail's window runs from the 28th to the 15th with a nudge every 5 days (the 3rd, 8th,
        // 13th): the factory's Tuesday may be past the window's last nudge (the 14th or 15th), when the
        // reminder plans nothing before the next window. Stand on a working day early next month.
        var offset = factory.Clock.Offset;
        factory.Clock.Set(EarlyInNextMonthAtTen(factory.Today()));
        try
        {
            await CreateTestAndJournalAsync();
        }
        finally
        {
            factory.Clock.Offset = offset;
        }
    }

    /// <summary>10:00 Paris on the first working weekday from the 2nd of the month after <paramref name="today"/>.</summary>
    private static DateTime EarlyInNextMonthAtTen(DateOnly today)
    {
        var date = new DateOnly(today.Year, today.Month, 2).AddMonths(1);
        while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || FrenchHolidays.IsPublicHoliday(date))
            date = date.AddDays(1);
        return ParisTime.ToUtc(date, new TimeOnly(10, 0));
    }

    private async Task CreateTestAndJournalAsync()
    {
        var (structure, admin) = await factory.StructureWithAdminAsync("Rappels");
        var mobile = SmsFactory.NewMobile();
        var person = await factory.PersonAsync(structure.Id, "DIOP", "Awa", mobile);

        var page = await admin.GetTextAsync($"/alertes/personnes/{person}?modele=france-travail");
        page.ShouldContain("Actualisation France Travail");
        var form = Form(("Input.TemplateKey", "france-travail"), ("Input.Title", "Actualisation France Travail"),
            ("Input.Message", "Bonjour {prenom}, pensez à votre actualisation avant le {date}. {structure}"),
            ("Input.Sms", "true"), ("Input.Kind", "MonthlyWindow"), ("Input.Time", "09:30"), ("Input.LeadDays", "0"), ("Input.NudgeEveryDays", "5"));
        var preview = await admin.PostFormAsync($"/alertes/personnes/{person}", form, $"/alertes/personnes/{person}?handler=Preview");
        preview.ShouldBe(HttpStatusCode.OK);
        (await preview.TextAsync()).ShouldContain("Bonjour Awa, pensez à votre actualisation avant le 15/");
        (await admin.PostFormAsync($"/alertes/personnes/{person}", form, $"/alertes/personnes/{person}?handler=Create")).ShouldRedirectTo($"/alertes/personnes/{person}");

        var reminder = await factory.DbAsync(structure.Id, db => db.Set<Reminder>().SingleAsync(r => r.PersonId == person));
        reminder.Kind.ShouldBe(ScheduleKind.MonthlyWindow);
        var occurrence = await factory.DbAsync(structure.Id, db => db.Set<ReminderOccurrence>().SingleAsync(o => o.ReminderId == reminder.Id));
        occurrence.WindowEnd!.Value.Day.ShouldBe(15);
        // The window's nudges still ahead, written with the reminder.
        (await factory.DeliveriesAsync(structure.Id, q => q.Where(d => d.OccurrenceId == occurrence.Id))).ShouldNotBeEmpty();

        (await admin.GetTextAsync($"/alertes/rappels/{reminder.Id}/tester")).ShouldContain(FrenchMobileDisplay(mobile));
        (await admin.PostFormAsync($"/alertes/rappels/{reminder.Id}/tester", Form())).ShouldRedirectTo($"/alertes/personnes/{person}");

        var journal = await admin.GetTextAsync("/alertes/journal");
        journal.ShouldContain("Bonjour Awa, pensez à votre actualisation avant le 15/");
        var tests = await factory.DeliveriesAsync(structure.Id, q => q.Where(d => d.IsTest));
        tests.ShouldHaveSingleItem().Status.ShouldBe(DeliveryStatus.Sent);
    }

    private static string FrenchMobileDisplay(string national) => $"{national[..2]} {national[2..4]} {national[4..6]} {national[6..8]} {national[8..]}";

    [Fact]
    public async Task A_person_who_refused_SMS_gets_no_reminder_and_nothing_is_written()
    {
        var (structure, admin) = await factory.StructureWithAdminAsync("Refus");
        var person = await factory.PersonAsync(structure.Id, "MARTIN", "Léa", SmsFactory.NewMobile(), consentSms: false);
        var ex = await Should.ThrowAsync<Platform.Contracts.BusinessException>(() =>
            factory.ReminderAsync(structure.Id, person, SmsTestHelpers.OnDay(factory.Today().AddDays(3))));
        ex.Message.ShouldContain("n'a pas accepté les SMS");
        (await factory.DbAsync(structure.Id, db => db.Set<Reminder>().CountAsync())).ShouldBe(0);
        (await factory.DbAsync(structure.Id, db => db.Set<ReminderOccurrence>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Lead_times_become_rows_and_marking_done_stops_the_remaining_ones()
    {
        var (structure, _) = await factory.StructureWithAdminAsync("Fait");
        var mobile = SmsFactory.NewMobile();
        var person = await factory.PersonAsync(structure.Id, "NGUYEN", "Minh", mobile);
        var due = factory.Today().AddDays(10);
        var id = await factory.ReminderAsync(structure.Id, person, SmsTestHelpers.OnDay(due, "09:00", 7, 3, 0));
        var rows = await factory.DeliveriesAsync(structure.Id);
        rows.Select(r => r.SlotLabel).ShouldBe(["J-7", "J-3", "Jour J"], ignoreOrder: true);
        rows.ShouldAllBe(r => r.Status == DeliveryStatus.Pending);

        // J-7 goes.
        factory.Clock.Advance(TimeSpan.FromDays(3) - TimeSpan.FromHours(1));
        await factory.DispatchAsync();
        (await factory.DeliveriesAsync(structure.Id)).Count(r => r.Status == DeliveryStatus.Sent).ShouldBe(1);

        var occurrence = await factory.DbAsync(structure.Id, db => db.Set<ReminderOccurrence>().SingleAsync(o => o.ReminderId == id && o.Status == OccurrenceStatus.Planned));
        await factory.InScopeAsync(structure.Id, sp => sp.GetRequiredService<ReminderService>().MarkDoneAsync(occurrence.Id, "Accueil"));
        factory.Clock.Advance(TimeSpan.FromDays(8));
        await factory.DispatchAsync();
        var after = await factory.DeliveriesAsync(structure.Id, q => q.Where(d => d.OccurrenceId == occurrence.Id));
        after.Count(r => r.Status == DeliveryStatus.Sent).ShouldBe(1);
        after.Count(r => r.Status == DeliveryStatus.Cancelled).ShouldBe(2);
        factory.Clock.Advance(-(TimeSpan.FromDays(11) - TimeSpan.FromHours(1)));
    }

    [Fact]
    public async Task A_reminder_whose_moment_passed_while_the_app_was_down_is_expired_never_sent_late()
    {
        var (structure, _) = await factory.StructureWithAdminAsync("Expire");
        await factory.UseFakeProviderAsync(structure.Id, ProviderKind.Ovh);
        var mobile = SmsFactory.NewMobile();
        var person = await factory.PersonAsync(structure.Id, "KONE", "Issa", mobile);
        await factory.ReminderAsync(structure.Id, person, SmsTestHelpers.OnDay(factory.Today(), "11:00"));

        factory.Clock.Advance(TimeSpan.FromHours(4)); // 14:00: two hours past the grace
        try
        {
            await factory.DispatchAsync();
        }
        finally
        {
            factory.Clock.Advance(TimeSpan.FromHours(-4));
        }
        var row = (await factory.DeliveriesAsync(structure.Id)).ShouldHaveSingleItem();
        row.Status.ShouldBe(DeliveryStatus.Expired);
        factory.Fake.To(SmsFactory.E164(mobile)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Replying_FAIT_marks_the_occurrence_done_and_stops_its_remaining_messages()
    {
        var (structure, _) = await factory.StructureWithAdminAsync("Reponse");
        await factory.UseFakeProviderAsync(structure.Id, ProviderKind.Brevo);
        var mobile = SmsFactory.NewMobile();
        var person = await factory.PersonAsync(structure.Id, "SALL", "Binta", mobile);
        var reminderId = await factory.ReminderAsync(structure.Id, person, SmsTestHelpers.OnDay(factory.Today().AddDays(2), "09:00", 1, 0));
        // The test message gives the number a sent row: the webhook knows whose number it is.
        await factory.InScopeAsync(structure.Id, sp => sp.GetRequiredService<ReminderService>().TestAsync(reminderId));
        factory.Fake.To(SmsFactory.E164(mobile)).ShouldHaveSingleItem().Provider.ShouldBe("brevo");

        var token = await factory.WebhookTokenAsync(structure.Id);
        using var anonymous = factory.CreateClient();
        (await FakeSmsProvider.SendReplyAsync(anonymous, $"/webhooks/sms/{token}", SmsFactory.E164(mobile), "Fait !")).ShouldBe(HttpStatusCode.OK);

        var occurrence = await factory.DbAsync(structure.Id, db => db.Set<ReminderOccurrence>().SingleAsync(o => o.ReminderId == reminderId));
        occurrence.Status.ShouldBe(OccurrenceStatus.Done);
        occurrence.DoneBy.ShouldNotBeNull().ShouldContain("FAIT");
        (await factory.DeliveriesAsync(structure.Id, q => q.Where(d => d.OccurrenceId == occurrence.Id)))
            .ShouldAllBe(d => d.Status == DeliveryStatus.Cancelled);
    }
}

[Collection(PostgresCollection.Postgres)]
public sealed class PostgresReminderTests(PostgresSmsFactory f) : ReminderTests(f);

[Collection(SqliteCollection.Sqlite)]
public sealed class SqliteReminderTests(SqliteSmsFactory f) : ReminderTests(f);
