using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.Platform.Tests;

/// <summary>
/// The one-statement insert (<see cref="BulkInsert.InsertNewAsync{T}"/>): rows go in once, stamped with
/// the current structure; a row already there is skipped, not an error; outside a structure nothing is
/// written; under a parent, only while the current structure has it. (On PostgreSQL it is exercised by
/// the kiosk's check-in tests.)
/// </summary>
public sealed class BulkInsertTests : IDisposable
{
    private static readonly Guid A = Guid.CreateVersion7();
    private static readonly Guid B = Guid.CreateVersion7();

    private readonly SqliteDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task New_rows_go_in_once_with_the_current_structure()
    {
        var first = new TestNote("A1");
        var second = new TestNote("A2");
        await using (var db = _database.Context(A))
        {
            (await BulkInsert.InsertNewAsync(db, [first, second], CancellationToken.None)).ShouldBe(2);
            // The same rows again, as a replayed request sends them, with one new row.
            (await BulkInsert.InsertNewAsync(db, [first, second, new TestNote("A3")], CancellationToken.None)).ShouldBe(1);
        }
        var rows = _database.AllRows();
        rows.Select(r => r.Text).Order().ShouldBe(["A1", "A2", "A3"]);
        rows.ShouldAllBe(r => r.TenantId == A);
        await using (var db = _database.Context(B))
            (await db.Set<TestNote>().CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task In_a_hierarchy_rows_get_their_type_and_a_subtype_is_not_written_as_its_base()
    {
        await using (var db = _database.Context(A))
        {
            (await BulkInsert.InsertNewAsync(db, [new TestPinnedNote("épinglée")], CancellationToken.None)).ShouldBe(1);
            (await BulkInsert.InsertNewAsync(db, [new TestNote("simple")], CancellationToken.None)).ShouldBe(1);
            (await db.Set<TestPinnedNote>().Select(n => n.Text).SingleAsync()).ShouldBe("épinglée");
            await Should.ThrowAsync<NotSupportedException>(() => BulkInsert.InsertNewAsync<TestNote>(db, [new TestPinnedNote("perdue")], CancellationToken.None));
        }
        _database.AllRows().Count.ShouldBe(2);
    }

    [Fact]
    public async Task Under_a_parent_rows_go_in_only_while_the_current_structure_has_it()
    {
        var parent = new TestNote("créneau de A");
        await using (var db = _database.Context(A))
            (await BulkInsert.InsertNewAsync(db, [parent], CancellationToken.None)).ShouldBe(1);
        var first = new TestNote("A1");
        await using (var db = _database.Context(A))
        {
            (await BulkInsert.InsertNewUnderAsync<TestNote, TestNote>(db, [first, new TestNote("A2")], parent.Id, CancellationToken.None)).ShouldBe(2);
            (await BulkInsert.InsertNewUnderAsync<TestNote, TestNote>(db, [first], parent.Id, CancellationToken.None)).ShouldBe(0);
            (await BulkInsert.InsertNewUnderAsync<TestNote, TestNote>(db, [new TestNote("orpheline")], Guid.CreateVersion7(), CancellationToken.None)).ShouldBe(0);
        }
        // Another structure naming A's row as parent writes nothing.
        await using (var db = _database.Context(B))
            (await BulkInsert.InsertNewUnderAsync<TestNote, TestNote>(db, [new TestNote("B1")], parent.Id, CancellationToken.None)).ShouldBe(0);
        _database.AllRows().Select(r => r.Text).Order().ShouldBe(["A1", "A2", "créneau de A"]);
    }

    [Fact]
    public async Task Nothing_is_written_outside_a_structure()
    {
        await using (var db = _database.Context((Guid?)null))
            await Should.ThrowAsync<CrossTenantWriteException>(() => BulkInsert.InsertNewAsync(db, [new TestNote("sans structure")], CancellationToken.None));
        _database.AllRows().ShouldBeEmpty();
    }
}
