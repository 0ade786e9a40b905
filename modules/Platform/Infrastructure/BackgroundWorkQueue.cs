using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CentresConnectes.Platform.Infrastructure;

/// <summary>
/// Short work done off the request path, in its own DI scope, by the web process itself (no job
/// store needed): the password-reset request answers at once and in the same time whether the
/// account exists, and the e-mail is looked up and sent here. Lost on a crash, which for these
/// e-mails is acceptable: the visitor asks again.
/// </summary>
public sealed class BackgroundWorkQueue
{
    private readonly Channel<Func<IServiceProvider, CancellationToken, Task>> _channel =
        Channel.CreateBounded<Func<IServiceProvider, CancellationToken, Task>>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Queues <paramref name="work"/>; when 1,000 items already wait (a flood), the new one is dropped.</summary>
    public void Enqueue(Func<IServiceProvider, CancellationToken, Task> work) => _channel.Writer.TryWrite(work);

    internal ChannelReader<Func<IServiceProvider, CancellationToken, Task>> Reader => _channel.Reader;
}

internal sealed class BackgroundWorkService(BackgroundWorkQueue queue, IServiceScopeFactory scopes, ILogger<BackgroundWorkService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var work in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await work(scope.ServiceProvider, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Background work failed");
            }
        }
    }
}
