using OpenEoBridge.Processes.Kernels;

namespace OpenEoBridge.Processes.Library.Reducers;

/// <summary>Counts valid elements: present and finite (what <c>is_valid</c> accepts), as <c>count</c> without a condition.</summary>
public readonly struct CountValidReducer : IStreamingReducer<long>
{
    public static long Init() => 0;

    public static void Accumulate(ref long state, ReadOnlySpan<double> values, ReadOnlySpan<bool> valid)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (valid[i] && double.IsFinite(values[i]))
            {
                state++;
            }
        }
    }

    public static void Merge(ref long into, in long other) => into += other;

    public static double? Finish(in long state, bool ignoreNoData) => state;
}

/// <summary>Counts every element, no-data included, as <c>count</c> with <c>condition: true</c>.</summary>
public readonly struct CountAllReducer : IStreamingReducer<long>
{
    public static long Init() => 0;

    public static void Accumulate(ref long state, ReadOnlySpan<double> values, ReadOnlySpan<bool> valid) => state += values.Length;

    public static void Merge(ref long into, in long other) => into += other;

    public static double? Finish(in long state, bool ignoreNoData) => state;
}

/// <summary>The <see cref="IReducerKernel"/> over one of the count reducers.</summary>
public sealed class CountKernel<TReducer> : IReducerKernel
    where TReducer : IStreamingReducer<long>
{
    public static readonly CountKernel<TReducer> Instance = new();

    public string DataParameter => "data";

    public bool IsStreaming => true;

    public IReducerAccumulator CreateAccumulator(bool ignoreNoData) => new StreamingAccumulator<TReducer, long>(ignoreNoData);
}
