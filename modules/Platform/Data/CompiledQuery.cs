using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CentresConnectes.Platform.Data;

/// <summary>
/// An EF compiled query (<c>EF.CompileAsyncQuery</c>), compiled once per model. For the reads every
/// kiosk request makes: a compiled query skips extracting the parameters from the expression tree
/// and looking the query up in the cache on each call (13.6 % of the kiosk's processor in a profile,
/// docs/performance.md, checkin-load 2026-12-04).
/// EF ties a compiled query to the first model it runs against and refuses any other, and a process
/// can hold several models (the tests run PostgreSQL and SQLite hosts side by side: one compiled
/// query for both made Ludotheque.Tests fail), hence one per model, let go with it. The named tenant filter still applies: it reads the context's current
/// structure at each execution.
/// </summary>
public sealed class CompiledQuery<TDelegate> where TDelegate : class
{
    private readonly ConditionalWeakTable<IModel, TDelegate> _byModel = new();
    private readonly ConditionalWeakTable<IModel, TDelegate>.CreateValueCallback _compile;

    public CompiledQuery(Func<TDelegate> compile) => _compile = _ => compile();

    /// <summary>The query compiled for this context's model; call it with the same context.</summary>
    public TDelegate For(DbContext db) => _byModel.GetValue(db.Model, _compile);
}
