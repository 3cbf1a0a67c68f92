using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Kernels;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Adapters;

/// <summary>
/// A process <c>f(x: number|null, y: number|null) -> number|null</c> where no-data in either input gives no-data;
/// one operator serves the dynamic path and the span kernel.
/// </summary>
public class BinaryNumberProcess<TOp>(string id, string x = "x", string y = "y") : Process(id), IBinaryNumberKernel
    where TOp : IBinaryNumberOperator
{
    public (string X, string Y) InputParameters { get; } = (x, y);

    public override ValueTask<Value> InvokeAsync(ProcessCall call)
    {
        var a = call.GetNumberOrNull(InputParameters.X);
        var b = call.GetNumberOrNull(InputParameters.Y);
        return ValueTask.FromResult(a is { } l && b is { } r ? Compute(call, l, r) : Value.NoData);
    }

    /// <summary>Hook for processes that raise declared exceptions for some inputs.</summary>
    protected virtual Value Compute(ProcessCall call, double x, double y) => Value.Number(TOp.Invoke(x, y));

    public virtual void Apply(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> result) => NumberKernels.Binary<TOp>(x, y, result);
}

/// <summary>A <see cref="BinaryNumberProcess{TOp}"/> whose operator has a SIMD form.</summary>
public class VectorBinaryNumberProcess<TOp>(string id, string x = "x", string y = "y") : BinaryNumberProcess<TOp>(id, x, y)
    where TOp : IVectorBinaryNumberOperator
{
    public override void Apply(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> result) => NumberKernels.BinaryVector<TOp>(x, y, result);
}
