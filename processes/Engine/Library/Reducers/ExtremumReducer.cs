using OpenEoBridge.Processes.Kernels;

namespace OpenEoBridge.Processes.Library.Reducers;

public struct ExtremumState
{
    public double Value;
    public bool HasValue;
    public bool SawNoData;
}

/// <summary>Minimum or maximum; NaN propagates (as <see cref="Math.Min(double, double)"/> does), as the official cases expect.</summary>
public readonly struct MinReducer : IStreamingReducer<ExtremumState>
{
    public static ExtremumState Init() => default;

    public static void Accumulate(ref ExtremumState state, ReadOnlySpan<double> values, ReadOnlySpan<bool> valid)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!valid[i])
            {
                state.SawNoData = true;
            }
            else
            {
                state.Value = state.HasValue ? Math.Min(state.Value, values[i]) : values[i];
                state.HasValue = true;
            }
        }
    }

    public static void Merge(ref ExtremumState into, in ExtremumState other)
    {
        if (other.HasValue)
        {
            into.Value = into.HasValue ? Math.Min(into.Value, other.Value) : other.Value;
            into.HasValue = true;
        }

        into.SawNoData |= other.SawNoData;
    }

    public static double? Finish(in ExtremumState state, bool ignoreNoData) =>
        (state.SawNoData && !ignoreNoData) || !state.HasValue ? null : state.Value;
}

/// <inheritdoc cref="MinReducer"/>
public readonly struct MaxReducer : IStreamingReducer<ExtremumState>
{
    public static ExtremumState Init() => default;

    public static void Accumulate(ref ExtremumState state, ReadOnlySpan<double> values, ReadOnlySpan<bool> valid)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!valid[i])
            {
                state.SawNoData = true;
            }
            else
            {
                state.Value = state.HasValue ? Math.Max(state.Value, values[i]) : values[i];
                state.HasValue = true;
            }
        }
    }

    public static void Merge(ref ExtremumState into, in ExtremumState other)
    {
        if (other.HasValue)
        {
            into.Value = into.HasValue ? Math.Max(into.Value, other.Value) : other.Value;
            into.HasValue = true;
        }

        into.SawNoData |= other.SawNoData;
    }

    public static double? Finish(in ExtremumState state, bool ignoreNoData) =>
        (state.SawNoData && !ignoreNoData) || !state.HasValue ? null : state.Value;
}
