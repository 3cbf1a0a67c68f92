namespace OpenEoBridge.Processes.Kernels;

/// <summary>
/// A reducer callback recognised as one reducer process over the whole <c>data</c> array (with a literal
/// <c>ignore_nodata</c>), optionally followed by element-wise work on the reduced value (<c>mean(data) * 2</c>).
/// The cube engine streams <see cref="CreateAccumulator"/> per output element (or buffers, when
/// <see cref="IReducerKernel.IsStreaming"/> is false) and runs <see cref="Finish"/> over the reduced values.
/// </summary>
public sealed class ReducerCallbackKernel(IReducerKernel reducer, bool ignoreNoData, SpanKernel? then)
{
    public IReducerKernel Reducer { get; } = reducer;

    public bool IgnoreNoData { get; } = ignoreNoData;

    /// <summary>The element-wise part after the reducer (one input: the reduced value); null when there is none.</summary>
    public SpanKernel? Then { get; } = then;

    public KernelValueType ResultType => Then?.ResultType ?? KernelValueType.Number;

    public IReducerAccumulator CreateAccumulator() => Reducer.CreateAccumulator(IgnoreNoData);

    /// <summary>Turns reduced values (valid = the reducer gave a number) into the callback's results.</summary>
    public void Finish(ReadOnlySpan<double> reduced, ReadOnlySpan<bool> valid, Span<double> result, Span<bool> resultValid)
    {
        if (Then is { } then)
        {
            then.Apply(reduced, valid, result, resultValid);
            return;
        }

        reduced.CopyTo(result);
        valid.CopyTo(resultValid);
    }
}
