using CentresConnectes.Platform.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace CentresConnectes.Platform.Infrastructure;

/// <summary>
/// A sibling scope per query. The scope's structure is the caller's (a claim read from the request, or
/// a job's override, which a new scope would not see): never another one. The signed-in user flows
/// with the request (<c>IHttpContextAccessor</c> follows the execution context into the task).
/// </summary>
internal sealed class SideBySideQueries(IServiceScopeFactory scopes, ICurrentTenant tenant) : ISideBySideQueries
{
    public Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> query, CancellationToken ct = default)
    {
        var structure = tenant.RequireId();
        return Task.Run(async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            // cross-tenant: none — the sibling scope is given the caller's own structure, never another (test: Side_by_side_queries_work_in_the_callers_structure_only)
            using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(structure))
                return await query(scope.ServiceProvider);
        }, ct);
    }
}
