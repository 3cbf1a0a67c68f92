using OpenEoBridge.Processes.Kernels;

namespace OpenEoBridge.Processes.Library.Statistics;

public struct ProductState
{
    public double Product;
    public long ValidCount;
    public bool SawNoData;
}

/// <summary>Running product; an empty (or all no-data) input has no product and gives no-data.</summary>
public readonly struct ProductReducer : IStreamingReducer<ProductState>
{
    public static ProductState Init() => new() { Product = 1 };

    public static void Accumulate(ref ProductState state, ReadOnlySpan<double> values, ReadOnlySpan<bool> valid)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (valid[i])
            {
                state.Product *= values[i];
                state.ValidCount++;
            }
            else
            {
                state.SawNoData = true;
            }
        }
    }

    public static void Merge(ref ProductState into, in ProductState other)
    {
        into.Product *= other.Product;
        into.ValidCount += other.ValidCount;
        into.SawNoData |= other.SawNoData;
    }

    public static double? Finish(in ProductState state, bool ignoreNoData) =>
        (state.SawNoData && !ignoreNoData) || state.ValidCount == 0 ? null : state.Product;
}
