using OpenEoBridge.Processes.Kernels;

namespace OpenEoBridge.Processes.Library.Reducers;

/// <summary>Running sum with the counts needed for no-data rules (shared by <c>sum</c> and <c>mean</c>).</summary>
public struct SumState
{
    public double Sum;
    public long ValidCount;
    public bool SawNoData;
}

/// <summary>
/// Plain IEEE 754 summation: compensated summation would turn Infinity - Infinity in its correction term into NaN
/// for inputs whose true sum is infinite.
/// </summary>
public readonly struct SumReducer : IStreamingReducer<SumState>
{
    public static SumState Init() => default;

    public static void Accumulate(ref SumState state, ReadOnlySpan<double> values, ReadOnlySpan<bool> valid)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (valid[i])
            {
                state.Sum += values[i];
                state.ValidCount++;
            }
            else
            {
                state.SawNoData = true;
            }
        }
    }

    public static void Merge(ref SumState into, in SumState other)
    {
        into.Sum += other.Sum;
        into.ValidCount += other.ValidCount;
        into.SawNoData |= other.SawNoData;
    }

    public static double? Finish(in SumState state, bool ignoreNoData) =>
        (state.SawNoData && !ignoreNoData) || state.ValidCount == 0 ? null : state.Sum;
}

/// <summary>The mean: the sum state divided by the count of valid values.</summary>
public readonly struct MeanReducer : IStreamingReducer<SumState>
{
    public static SumState Init() => default;

    public static void Accumulate(ref SumState state, ReadOnlySpan<double> values, ReadOnlySpan<bool> valid) =>
        SumReducer.Accumulate(ref state, values, valid);

    public static void Merge(ref SumState into, in SumState other) => SumReducer.Merge(ref into, other);

    public static double? Finish(in SumState state, bool ignoreNoData) =>
        SumReducer.Finish(state, ignoreNoData) is { } sum ? sum / state.ValidCount : null;
}
