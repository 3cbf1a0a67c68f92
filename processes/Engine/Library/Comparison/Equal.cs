using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Kernels;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Comparison;

/// <summary><c>eq</c>: see <see cref="Equality"/>. Its number kernel serves calls without <c>delta</c>.</summary>
public sealed class Equal() : Process("eq"), INumberComparisonKernel
{
    public (string X, string Y) InputParameters => ("x", "y");

    public override ValueTask<Value> InvokeAsync(ProcessCall call) =>
        ValueTask.FromResult(Equality.Evaluate(call) is { } equal ? Value.Boolean(equal) : (Value)Value.NoData);

    public void Apply(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<bool> result) =>
        NumberKernels.Compare<Operator>(x, y, result);

    public readonly struct Operator : INumberComparisonOperator
    {
        public static bool Invoke(double x, double y) => x == y;
    }
}
