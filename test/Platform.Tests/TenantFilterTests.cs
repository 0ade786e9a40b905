using CentresConnectes.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.Platform.Tests;

/// <summary>The named "Tenant" filter: a structure sees its rows only, whatever the query shape.</summary>
public sealed class TenantFilterTests : IDisposable
{
    private static readonly Guid A = Guid.CreateVersion7();
    private static readonly Guid B = Guid.CreateVersion7();

    private readonly SqliteDatabase _database = new();
    private readonly List<TestNote> _notesOfA;
    private readonly List<TestNote> _notesOfB;

    public TenantFilterTests()
    {
        _notesOfA = _database.Seed(A, "A1", "A2");
        _notesOfB = _database.Seed(B, "B1");
        using var db = _database.Context(B);
        db.Add(new TestPinnedNote("B-pinned"));
        db.SaveChanges();
    }

    public void Dispose() => _database.Dispose();

    [Fact]
    public void The_rows_of_both_structures_exist()
    {
        // The baseline for every "hidden" assertion below: the rows are there, only filtered.
        _database.AllRows().Select(r => r.Text).ShouldBe(["A1", "A2", "B-pinned", "B1"]);
    }

    [Fact]
    public void A_query_returns_the_current_structure_rows_only()
    {
        using var db = _database.Context(A);
        db.Set<TestNote>().OrderBy(n => n.Text).Select(n => n.Text).ToList().ShouldBe(["A1", "A2"]);
        db.Set<TestNote>().Select(n => n.TenantId).Distinct().ToList().ShouldBe([A]);
    }

    [Fact]
    public async Task Count_and_Any_see_the_current_structure_rows_only()
    {
        await using var db = _database.Context(A);
        (await db.Set<TestNote>().CountAsync()).ShouldBe(2);
        db.Set<TestNote>().Count().ShouldBe(2);
        (await db.Set<TestNote>().AnyAsync(n => n.Text == "B1")).ShouldBeFalse();
        db.Set<TestNote>().LongCount(n => n.Text.StartsWith("B")).ShouldBe(0);
    }

    [Fact]
    public async Task Another_structure_row_is_not_found_by_its_key()
    {
        var idOfB = _notesOfB[0].Id;
        await using var db = _database.Context(A);
        (await db.Set<TestNote>().FindAsync(idOfB)).ShouldBeNull();
        db.Set<TestNote>().Find(idOfB).ShouldBeNull();
        (await db.Set<TestNote>().FirstOrDefaultAsync(n => n.Id == idOfB)).ShouldBeNull();
        (await db.Set<TestNote>().SingleOrDefaultAsync(n => n.Id == idOfB)).ShouldBeNull();
        (await db.Set<TestNote>().FindAsync(_notesOfA[0].Id)).ShouldNotBeNull();
    }

    [Fact]
    public void A_query_on_a_derived_type_is_filtered_too()
    {
        using var db = _database.Context(A);
        db.Set<TestPinnedNote>().Count().ShouldBe(0);
        using var other = _database.Context(B);
        other.Set<TestPinnedNote>().Select(n => n.Text).ToList().ShouldBe(["B-pinned"]);
    }

    [Fact]
    public void Host_level_sees_no_tenant_row()
    {
        using (var db = _database.Context((Guid?)null))
        {
            db.CurrentTenantId.ShouldBe(Guid.Empty);
            db.Set<TestNote>().Count().ShouldBe(0);
            db.Set<TestNote>().Any().ShouldBeFalse();
        }
        using (var detached = _database.DetachedContext())
        {
            detached.CurrentTenantId.ShouldBe(Guid.Empty);
            detached.Set<TestNote>().Count().ShouldBe(0);
        }
    }

    [Fact]
    public void The_filter_follows_the_attached_tenant_at_each_query()
    {
        // The model is cached and shared: the tenant must be read per query, not when the model was built.
        var tenant = new TestTenant(A);
        using var db = _database.Context(tenant);
        Texts(db).ShouldBe(["A1", "A2"]);
        using (tenant.Change(B))
            Texts(db).ShouldBe(["B-pinned", "B1"]);
        Texts(db).ShouldBe(["A1", "A2"]);
        using (tenant.Change(null))
            Texts(db).ShouldBeEmpty();

        static List<string> Texts(AppDbContext db) => db.Set<TestNote>().OrderBy(n => n.Text).Select(n => n.Text).ToList();
    }

    [Fact]
    public void Contexts_of_two_structures_side_by_side_do_not_mix()
    {
        using var first = _database.Context(A);
        using var second = _database.Context(B);
        for (var i = 0; i < 3; i++)
        {
            first.Set<TestNote>().Select(n => n.TenantId).Distinct().ToList().ShouldBe([A]);
            second.Set<TestNote>().Select(n => n.TenantId).Distinct().ToList().ShouldBe([B]);
        }
    }

    [Fact]
    public async Task Bulk_update_and_delete_touch_the_current_structure_rows_only()
    {
        // ExecuteUpdate/ExecuteDelete skip SaveChanges (so the interceptor): the filter is their only guard.
        await using (var db = _database.Context(A))
        {
            (await db.Set<TestNote>().ExecuteUpdateAsync(s => s.SetProperty(n => n.Text, n => n.Text + "!"))).ShouldBe(2);
            (await db.Set<TestNote>().Where(n => n.Text == "A1!").ExecuteDeleteAsync()).ShouldBe(1);
            (await db.Set<TestNote>().ExecuteDeleteAsync()).ShouldBe(1);
        }
        _database.AllRows().Select(r => r.Text).ShouldBe(["B-pinned", "B1"]);
    }

    [Fact]
    public void Ignoring_the_filter_by_name_shows_every_structure()
    {
        using var db = _database.Context(A);
        db.Set<TestNote>().IgnoreQueryFilters([AppDbContext.TenantFilter]).Count().ShouldBe(4);
    }
}
