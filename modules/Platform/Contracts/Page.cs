namespace CentresConnectes.Platform.Contracts;

/// <summary>One page of a longer list, as screens and API endpoints show it.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalCount)
{
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
}
