using CentresConnectes.Platform.Contracts;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CentresConnectes.Platform.Tests;

/// <summary>
/// A test-only module owning tenant rows: Platform itself has no <see cref="IMultiTenant"/> entity,
/// and the tenancy machinery must be proven on one before the business modules rely on it.
/// </summary>
public sealed class TestModule : IModule
{
    public string Name => "Test";

    public void AddServices(IServiceCollection services, IConfiguration configuration) { }

    public void ConfigureModel(ModelBuilder modelBuilder, DatabaseProvider provider)
    {
        modelBuilder.Entity<TestNote>(e =>
        {
            e.ToTable("Test_Notes");
            e.Property(n => n.Text).HasMaxLength(200).IsRequired();
        });
        // A derived type: the filter is declared on the root and must apply to queries on the subtype.
        modelBuilder.Entity<TestPinnedNote>();
    }

    public void DefinePermissions(PermissionDefinitionContext context) =>
        context.Add("Test.Notes", "Notes de test", "Test", Roles.Admin, Roles.Animateur);

    public void MapEndpoints(IEndpointRouteBuilder endpoints) { }
}

public class TestNote : IMultiTenant
{
    protected TestNote() { }

    public TestNote(string text)
    {
        Id = Guid.CreateVersion7();
        Text = text;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public string Text { get; set; } = "";
}

public sealed class TestPinnedNote : TestNote
{
    private TestPinnedNote() { }

    public TestPinnedNote(string text) : base(text) { }
}

/// <summary>The smallest <see cref="ICurrentTenant"/>: a settable id (the real one reads the user's claim).</summary>
public sealed class TestTenant(Guid? id) : ICurrentTenant
{
    public Guid? Id { get; set; } = id;

    public IDisposable Change(Guid? tenantId)
    {
        var previous = Id;
        Id = tenantId;
        return new Restore(() => Id = previous);
    }

    private sealed class Restore(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
