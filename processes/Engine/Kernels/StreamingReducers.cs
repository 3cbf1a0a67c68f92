namespace OpenEoBridge.Processes.Kernels;

/// <summary>
/// A reducer over numbers that streams: state is initialised, fed chunk by chunk (values + validity mask),
/// partial states from parallel chunks are merged, and the result is finished. Written with static members
/// on a state struct so the loops specialise without virtual calls.
/// </summary>
public interface IStreamingReducer<TState>
    where TState : struct
{
    static abstract TState Init();

    static abstract void Accumulate(ref TState state, ReadOnlySpan<double> values, ReadOnlySpan<bool> valid);

    static abstract void Merge(ref TState into, in TState other);

    /// <summary>The result, or null for no-data (e.g. a no-data element seen with <c>ignore_nodata: false</c>).</summary>
    static abstract double? Finish(in TState state, bool ignoreNoData);
}

/// <summary>
/// A reducer that needs all values at once (median, quantiles). The chunked engine buffers a pixel's values
/// (charged to the memory budget) and calls it once per output element.
/// </summary>
public interface IMaterialisedReducer
{
    /// <summary>Reduces one group. <paramref name="valid"/> marks no-data positions.</summary>
    static abstract double? Reduce(ReadOnlySpan<double> values, ReadOnlySpan<bool> valid, bool ignoreNoData);
}

/// <summary>An accumulator instance the chunked engine drives for one output element or one chunk of them.</summary>
public interface IReducerAccumulator
{
    void Accumulate(ReadOnlySpan<double> values, ReadOnlySpan<bool> valid);

    void Merge(IReducerAccumulator other);

    double? Finish();
}

/// <summary>Implemented by reducer processes (sum, mean, min, max, median, ...) for the chunked engine.</summary>
public interface IReducerKernel
{
    /// <summary>The array parameter reduced (<c>data</c>).</summary>
    string DataParameter { get; }

    /// <summary>True when accumulate/merge stream; false when values are buffered (materialised fallback).</summary>
    bool IsStreaming { get; }

    IReducerAccumulator CreateAccumulator(bool ignoreNoData);
}

/// <summary>Adapts a static <see cref="IStreamingReducer{TState}"/> to an accumulator object.</summary>
public sealed class StreamingAccumulator<TReducer, TState>(bool ignoreNoData) : IReducerAccumulator
    where TReducer : IStreamingReducer<TState>
    where TState : struct
{
    private TState _state = TReducer.Init();

    public void Accumulate(ReadOnlySpan<double> values, ReadOnlySpan<bool> valid) => TReducer.Accumulate(ref _state, values, valid);

    public void Merge(IReducerAccumulator other) =>
        TReducer.Merge(ref _state, ((StreamingAccumulator<TReducer, TState>)other)._state);

    public double? Finish() => TReducer.Finish(_state, ignoreNoData);
}

/// <summary>Adapts a <see cref="IMaterialisedReducer"/>: buffers values until <see cref="Finish"/>.</summary>
public sealed class MaterialisedAccumulator<TReducer>(bool ignoreNoData) : IReducerAccumulator
    where TReducer : IMaterialisedReducer
{
    private readonly List<double> _values = [];
    private readonly List<bool> _valid = [];

    public void Accumulate(ReadOnlySpan<double> values, ReadOnlySpan<bool> valid)
    {
        _values.AddRange(values);
        foreach (var v in valid)
        {
            _valid.Add(v);
        }
    }

    public void Merge(IReducerAccumulator other)
    {
        var o = (MaterialisedAccumulator<TReducer>)other;
        _values.AddRange(o._values);
        _valid.AddRange(o._valid);
    }

    public double? Finish() => TReducer.Reduce(
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_values),
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_valid), ignoreNoData);
}
