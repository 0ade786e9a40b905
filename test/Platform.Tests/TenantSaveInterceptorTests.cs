using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.Platform.Tests;

/// <summary>
/// The save interceptor: new rows get the current structure, and no write ever reaches another
/// structure's row (each case runs through SaveChanges and SaveChangesAsync).
/// </summary>
public sealed class TenantSaveInterceptorTests : IDisposable
{
    private static readonly Guid A = Guid.CreateVersion7();
    private static readonly Guid B = Guid.CreateVersion7();

    private readonly SqliteDatabase _database = new();
    private readonly TestNote _noteOfA;
    private readonly TestNote _noteOfB;

    public TenantSaveInterceptorTests()
    {
        _noteOfA = _database.Seed(A, "A1")[0];
        _noteOfB = _database.Seed(B, "B1")[0];
    }

    public void Dispose() => _database.Dispose();

    private static async Task SaveAsync(AppDbContext db, bool async)
    {
        if (async)
            await db.SaveChangesAsync();
        else
            db.SaveChanges();
    }

    private static Task<CrossTenantWriteException> RefusedAsync(AppDbContext db, bool async) =>
        Should.ThrowAsync<CrossTenantWriteException>(() => SaveAsync(db, async));

    private static TestNote LoadAcrossStructures(AppDbContext db, Guid id) =>
        db.Set<TestNote>().IgnoreQueryFilters([AppDbContext.TenantFilter]).Single(n => n.Id == id);

    [Theory, InlineData(false), InlineData(true)]
    public async Task An_insert_is_stamped_with_the_current_structure(bool async)
    {
        var note = new TestNote("A2");
        note.TenantId.ShouldBe(Guid.Empty);
        await using (var db = _database.Context(A))
        {
            db.Add(note);
            await SaveAsync(db, async);
        }
        note.TenantId.ShouldBe(A);
        _database.AllRows().Single(r => r.Id == note.Id).TenantId.ShouldBe(A);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task An_insert_outside_a_structure_is_refused(bool async)
    {
        await using (var db = _database.Context((Guid?)null))
        {
            db.Add(new TestNote("host"));
            await RefusedAsync(db, async);
        }
        await using (var detached = _database.DetachedContext())
        {
            detached.Add(new TestNote("detached"));
            await RefusedAsync(detached, async);
        }
        _database.AllRows().Count.ShouldBe(2);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task An_insert_into_another_structure_is_refused(bool async)
    {
        await using (var db = _database.Context(A))
        {
            var note = new TestNote("sneaky");
            db.Add(note);
            db.Entry(note).Property(n => n.TenantId).CurrentValue = B;
            await RefusedAsync(db, async);
        }
        _database.AllRows().Select(r => r.Text).ShouldBe(["A1", "B1"]);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Modifying_another_structure_row_is_refused_and_writes_nothing(bool async)
    {
        await using (var db = _database.Context(A))
        {
            LoadAcrossStructures(db, _noteOfB.Id).Text = "changed by A";
            db.Add(new TestNote("A2")); // nothing of the batch may be written
            await RefusedAsync(db, async);
        }
        _database.AllRows().Select(r => r.Text).ShouldBe(["A1", "B1"]);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Deleting_another_structure_row_is_refused_and_writes_nothing(bool async)
    {
        await using (var db = _database.Context(A))
        {
            db.Remove(LoadAcrossStructures(db, _noteOfB.Id));
            await RefusedAsync(db, async);
        }
        _database.AllRows().Select(r => r.Text).ShouldBe(["A1", "B1"]);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Writing_a_tenant_row_at_host_level_is_refused(bool async)
    {
        await using (var db = _database.Context((Guid?)null))
        {
            LoadAcrossStructures(db, _noteOfA.Id).Text = "changed by the host";
            await RefusedAsync(db, async);
        }
        _database.AllRows().Select(r => r.Text).ShouldBe(["A1", "B1"]);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Moving_a_row_to_another_structure_is_refused(bool async)
    {
        await using (var db = _database.Context(A))
        {
            var note = await db.Set<TestNote>().SingleAsync(n => n.Id == _noteOfA.Id);
            db.Entry(note).Property(n => n.TenantId).CurrentValue = B;
            await RefusedAsync(db, async);
        }
        _database.AllRows().Single(r => r.Id == _noteOfA.Id).TenantId.ShouldBe(A);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Switching_structure_after_loading_a_row_forbids_writing_it(bool async)
    {
        var tenant = new TestTenant(A);
        await using (var db = _database.Context(tenant))
        {
            var note = await db.Set<TestNote>().SingleAsync(n => n.Id == _noteOfA.Id);
            using (tenant.Change(B))
            {
                note.Text = "changed while in B";
                await RefusedAsync(db, async);
            }
        }
        _database.AllRows().Single(r => r.Id == _noteOfA.Id).Text.ShouldBe("A1");
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Own_rows_can_be_modified_and_deleted(bool async)
    {
        // The positive case: the refusals above are about the structure, not about writing at all.
        await using (var db = _database.Context(A))
        {
            var note = await db.Set<TestNote>().SingleAsync(n => n.Id == _noteOfA.Id);
            note.Text = "A1 edited";
            await SaveAsync(db, async);
            db.Remove(note);
            await SaveAsync(db, async);
        }
        _database.AllRows().Select(r => r.Text).ShouldBe(["B1"]);
    }
}
