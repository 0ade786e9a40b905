namespace CentresConnectes.Statistics.Application;

/// <summary>Opening hours of a day: the union of its slots' intervals (overlaps counted once).</summary>
public static class OpeningTime
{
    public static int UnitedMinutes(IEnumerable<(TimeOnly Start, TimeOnly End)> slots)
    {
        var total = 0;
        TimeOnly? start = null, end = null;
        foreach (var (s, e) in slots.OrderBy(x => x.Start))
        {
            if (end is { } currentEnd && s <= currentEnd)
            {
                if (e > currentEnd)
                    end = e;
                continue;
            }
            if (start is { } a && end is { } b)
                total += (int)(b - a).TotalMinutes;
            (start, end) = (s, e);
        }
        if (start is { } first && end is { } last)
            total += (int)(last - first).TotalMinutes;
        return total;
    }
}
