using CentresConnectes.ReferenceData.Contracts;

namespace CentresConnectes.ReferenceData.Application;

/// <summary>The contract other modules use to add a value; the same rules as the admin's page (<see cref="ReferenceListService.AddAsync"/>).</summary>
internal sealed class ReferenceValueCreator(ReferenceListService lists) : IReferenceValueCreator
{
    public Task<ReferenceItemDto> AddAsync(ReferenceListKind kind, string label, CancellationToken ct = default) =>
        lists.AddAsync(kind, label, ct);
}
