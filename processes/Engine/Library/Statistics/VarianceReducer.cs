using OpenEoBridge.Processes.Kernels;

namespace OpenEoBridge.Processes.Library.Statistics;

/// <summary>Welford's running mean and sum of squared deviations; partial states merge with Chan's formula.</summary>
public struct VarianceState
{
    public long Count;
    public double Mean;
    public double SquaredDeviations;
    public bool SawNoData;
}

/// <summary>
/// Sample variance (denominator n - 1). Welford's update is numerically stable for long series and turns any
/// infinite input into NaN (Infinity - Infinity), as the official cases expect. Fewer than two values give no-data.
/// </summary>
public readonly struct VarianceReducer : IStreamingReducer<VarianceState>
{
    public static VarianceState Init() => default;

    public static void Accumulate(ref VarianceState state, ReadOnlySpan<double> values, ReadOnlySpan<bool> valid)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!valid[i])
            {
                state.SawNoData = true;
                continue;
            }

            state.Count++;
            var delta = values[i] - state.Mean;
            state.Mean += delta / state.Count;
            state.SquaredDeviations += delta * (values[i] - state.Mean);
        }
    }

    public static void Merge(ref VarianceState into, in VarianceState other)
    {
        into.SawNoData |= other.SawNoData;
        if (other.Count == 0)
        {
            return;
        }

        if (into.Count == 0)
        {
            (into.Count, into.Mean, into.SquaredDeviations) = (other.Count, other.Mean, other.SquaredDeviations);
            return;
        }

        var count = into.Count + other.Count;
        var delta = other.Mean - into.Mean;
        into.SquaredDeviations += other.SquaredDeviations + (delta * delta * into.Count * other.Count / count);
        into.Mean += delta * other.Count / count;
        into.Count = count;
    }

    public static double? Finish(in VarianceState state, bool ignoreNoData) =>
        (state.SawNoData && !ignoreNoData) || state.Count < 2 ? null : state.SquaredDeviations / (state.Count - 1);
}

/// <summary>Sample standard deviation: the square root of <see cref="VarianceReducer"/>.</summary>
public readonly struct StandardDeviationReducer : IStreamingReducer<VarianceState>
{
    public static VarianceState Init() => default;

    public static void Accumulate(ref VarianceState state, ReadOnlySpan<double> values, ReadOnlySpan<bool> valid) =>
        VarianceReducer.Accumulate(ref state, values, valid);

    public static void Merge(ref VarianceState into, in VarianceState other) => VarianceReducer.Merge(ref into, other);

    public static double? Finish(in VarianceState state, bool ignoreNoData) =>
        VarianceReducer.Finish(state, ignoreNoData) is { } variance ? Math.Sqrt(variance) : null;
}
