using CentresConnectes.Platform.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace CentresConnectes.Platform.Infrastructure;

internal sealed class EventPublisher(IServiceProvider services) : IEventPublisher
{
    public async Task PublishAsync<TEvent>(TEvent @event, CancellationToken ct = default)
    {
        foreach (var handler in services.GetServices<IEventHandler<TEvent>>())
            await handler.HandleAsync(@event, ct);
    }
}
