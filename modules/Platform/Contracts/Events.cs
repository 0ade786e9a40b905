namespace CentresConnectes.Platform.Contracts;

/// <summary>Handles an in-process event raised after SaveChanges, in the same scope, once the transaction (if any) has committed.</summary>
public interface IEventHandler<in TEvent>
{
    Task HandleAsync(TEvent @event, CancellationToken ct);
}

public interface IEventPublisher
{
    Task PublishAsync<TEvent>(TEvent @event, CancellationToken ct = default);
}

/// <summary>Raised when the super-admin creates a structure (modules seed their per-structure data).</summary>
public sealed record StructureCreated(Guid StructureId, string Name);

/// <summary>A figure a module adds to the super-admin's per-structure usage table.</summary>
public interface IStructureUsageContributor
{
    /// <summary>Label → count per structure id; implementations read across structures on purpose.</summary>
    Task<IReadOnlyDictionary<Guid, int>> CountAsync(CancellationToken ct);

    string Label { get; }
}
