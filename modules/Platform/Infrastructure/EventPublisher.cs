using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using Microsoft.Extensions.DependencyInjection;

namespace CentresConnectes.Platform.Infrastructure;

internal sealed class EventPublisher(IServiceProvider services, AppDbContext db) : IEventPublisher
{
    public async Task PublishAsync<TEvent>(TEvent @event, CancellationToken ct = default)
    {
        // Events go after the commit: a handler must never act on data a rollback could still take
        // back, nor run its own writes inside someone else's transaction.
        if (db.Database.CurrentTransaction is not null)
            throw new InvalidOperationException($"{typeof(TEvent).Name} published inside an open transaction: publish it after CommitAsync.");
        foreach (var handler in services.GetServices<IEventHandler<TEvent>>())
            await handler.HandleAsync(@event, ct);
    }
}
