using System.Collections.Concurrent;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.SmsAlerts.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace CentresConnectes.SmsAlerts.Tests.Integration;

/// <summary>
/// A StructureCreated handler of the tests: looks for the new structure through another scope (its
/// own connection). Inside the creating transaction the row is not committed yet and stays invisible there.
/// </summary>
public sealed class CommittedStructureProbe(IServiceScopeFactory scopes) : IEventHandler<StructureCreated>
{
    public static ConcurrentDictionary<Guid, bool> Seen { get; } = new();

    public async Task HandleAsync(StructureCreated e, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Seen[e.StructureId] = await db.Structures.AsNoTracking().AnyAsync(s => s.Id == e.StructureId, ct);
    }
}

/// <summary>Events are published once the transaction has committed, never inside it.</summary>
public abstract class EventTests(SmsFactory factory)
{
    [Fact]
    public async Task StructureCreated_is_handled_after_the_structure_is_committed()
    {
        var structure = await factory.CreateStructureAsync("Après validation");
        CommittedStructureProbe.Seen.TryGetValue(structure.Id, out var seen).ShouldBeTrue("the handler ran");
        seen.ShouldBeTrue("the handler saw the structure from another connection: the transaction had committed");
    }

    [Fact]
    public async Task Publishing_inside_an_open_transaction_is_refused()
    {
        var (structure, _) = await factory.StructureWithAdminAsync("Dans la transaction");
        var person = await factory.PersonAsync(structure.Id, "TRANSAC", "Tion", SmsFactory.NewMobile());
        await factory.InScopeAsync(structure.Id, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            var e = await Should.ThrowAsync<InvalidOperationException>(() =>
                sp.GetRequiredService<IEventPublisher>().PublishAsync(new Members.Contracts.PersonAnonymised(structure.Id, person)));
            e.Message.ShouldContain("after CommitAsync");
        });
    }

    [Fact]
    public async Task A_consent_withdrawn_cancels_the_waiting_messages_once_saved()
    {
        var (structure, _) = await factory.StructureWithAdminAsync("Retrait");
        var g = await factory.GroupAsync(structure.Id, 3);
        var person = await factory.PersonAsync(structure.Id, "RETRAIT", "Rose", SmsFactory.NewMobile(), groups: [g]);
        var input = SmsTestHelpers.Campaign("Plus tard", g);
        input.SendAt = factory.Today().AddDays(2).ToDateTime(new TimeOnly(10, 0));
        var id = await factory.CampaignAsync(structure.Id, input);
        await factory.InScopeAsync(structure.Id, sp => sp.GetRequiredService<Members.Contracts.IMemberConsent>().WithdrawSmsConsentAsync(person, "Test"));
        (await factory.DeliveriesAsync(structure.Id, q => q.Where(d => d.CampaignId == id))).ShouldAllBe(d => d.Status == DeliveryStatus.Cancelled);
    }
}

[Collection(PostgresCollection.Postgres)]
public sealed class PostgresEventTests(PostgresSmsFactory f) : EventTests(f);

[Collection(SqliteCollection.Sqlite)]
public sealed class SqliteEventTests(SqliteSmsFactory f) : EventTests(f);
