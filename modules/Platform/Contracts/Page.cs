namespace CentresConnectes.Platform.Contracts;

/// <summary>One page of a longer list, as screens and API endpoints show it.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalCount)
{
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
}

/// <summary>The one clamp of a page request: page 1 at least, 1 to <see cref="MaxPageSize"/> items (a query string asks what it likes).</summary>
public static class Paging
{
    public const int MaxPageSize = 200;

    public static (int Page, int PageSize, int Skip) Clamp(int page, int pageSize, int maxPageSize = MaxPageSize)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, maxPageSize);
        // A page past int range would overflow Skip: beyond the last page is an empty page anyway.
        var skip = (int)Math.Min(int.MaxValue, (long)(page - 1) * pageSize);
        return (page, pageSize, skip);
    }
}
