namespace OpenEoBridge.Processes.Library.Statistics;

/// <summary>
/// The valid values of a group, sorted, for order statistics. NaN has no place in an order, so a sample holding
/// NaN reports it and its order statistics are NaN (as the official median and quantile cases expect).
/// </summary>
internal readonly struct SortedSample
{
    private SortedSample(double[] values, bool hasNaN, bool sawNoData)
    {
        Values = values;
        HasNaN = hasNaN;
        SawNoData = sawNoData;
    }

    public double[] Values { get; }

    public bool HasNaN { get; }

    public bool SawNoData { get; }

    public static SortedSample From(ReadOnlySpan<double> values, ReadOnlySpan<bool> valid)
    {
        var kept = new List<double>(values.Length);
        var hasNaN = false;
        var sawNoData = false;
        for (var i = 0; i < values.Length; i++)
        {
            if (!valid[i])
            {
                sawNoData = true;
            }
            else if (double.IsNaN(values[i]))
            {
                hasNaN = true;
            }
            else
            {
                kept.Add(values[i]);
            }
        }

        var sorted = kept.ToArray();
        Array.Sort(sorted);
        return new SortedSample(sorted, hasNaN, sawNoData);
    }

    /// <summary>Hyndman and Fan type 7: linear interpolation between the order statistics at (n - 1) * p.</summary>
    public double Quantile(double probability)
    {
        if (HasNaN)
        {
            return double.NaN;
        }

        var position = (Values.Length - 1) * probability;
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, Values.Length - 1);
        var fraction = position - lower;
        var low = Values[lower];
        var high = Values[upper];
        if (fraction == 0 || low == high)
        {
            return low;
        }

        // Between a finite and an infinite neighbour the limit is the infinity; the formula would give NaN for -Infinity.
        if (double.IsInfinity(low) != double.IsInfinity(high))
        {
            return double.IsInfinity(low) ? low : high;
        }

        return low + (fraction * (high - low));
    }
}
