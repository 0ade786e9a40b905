using CentresConnectes.Platform.Contracts;
using Microsoft.AspNetCore.Http;

namespace CentresConnectes.Platform.Infrastructure;

/// <summary>
/// The structure of the signed-in user (claim written at sign-in, never a header, query string or
/// form field), unless a scope changed it explicitly (jobs, host operations).
/// </summary>
internal sealed class CurrentTenant(IHttpContextAccessor httpContextAccessor) : ICurrentTenant
{
    private readonly Stack<Guid?> _overrides = new();

    public Guid? Id => _overrides.Count > 0
        ? _overrides.Peek()
        : httpContextAccessor.HttpContext?.User.GetTenantId();

    public IDisposable Change(Guid? tenantId)
    {
        _overrides.Push(tenantId);
        return new PopOnDispose(_overrides);
    }

    private sealed class PopOnDispose(Stack<Guid?> stack) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            stack.Pop();
        }
    }
}
