using CentresConnectes.ReferenceData.Domain;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.ReferenceData.Application;

/// <summary>The order of list values and age brackets, the structures' and the defaults' alike.</summary>
internal static class Ordering
{
    /// <summary>Swaps <paramref name="item"/> with its neighbour and renumbers; false (nothing changed) at either end.</summary>
    public static bool Move<T>(IList<T> ordered, T item, MoveDirection direction) where T : IOrderedValue
    {
        var index = ordered.IndexOf(item);
        var target = index + (int)direction;
        if (target < 0 || target >= ordered.Count)
            return false;
        (ordered[index], ordered[target]) = (ordered[target], ordered[index]);
        Renumber(ordered);
        return true;
    }

    /// <summary>Order = 1, 2, 3… in the given sequence.</summary>
    public static void Renumber<T>(IEnumerable<T> ordered) where T : IOrderedValue
    {
        var order = 1;
        foreach (var value in ordered)
            value.Order = order++;
    }

    /// <summary>Keeps Order = age order (the tracked, possibly modified brackets included, and one just added).</summary>
    public static async Task RenumberByAgeAsync<T>(IQueryable<T> stored, T? added, CancellationToken ct) where T : class, IAgeRange
    {
        var all = await stored.ToListAsync(ct);
        if (added is not null && !all.Contains(added))
            all.Add(added);
        Renumber(all.OrderBy(a => a.MinAge).ThenBy(a => a.MaxAge));
    }
}
