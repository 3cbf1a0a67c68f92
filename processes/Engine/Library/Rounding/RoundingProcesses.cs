using System.Numerics;
using OpenEoBridge.Processes.Adapters;
using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Kernels;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Rounding;

/// <summary>
/// <c>int</c>: truncation towards zero. NaN has no integer part, and the official cases expect no-data for it, so
/// the dynamic path maps NaN to no-data; the span kernel leaves NaN in place and <see cref="RestrictValidity"/>
/// marks it invalid, so fused callbacks agree with the dynamic path.
/// </summary>
public sealed class Int() : UnaryNumberProcess<Int.Op>("int"), IKernelResultValidity
{
    public void RestrictValidity(ReadOnlySpan<double> result, Span<bool> valid)
    {
        for (var i = 0; i < result.Length; i++)
        {
            valid[i] &= !double.IsNaN(result[i]);
        }
    }

    public override ValueTask<Value> InvokeAsync(ProcessCall call) =>
        ValueTask.FromResult(call.GetNumberOrNull("x") is { } x && !double.IsNaN(x) ? Value.Number(Op.Invoke(x)) : (Value)Value.NoData);

    public override void Apply(ReadOnlySpan<double> x, Span<double> result) => NumberKernels.UnaryVector<Op>(x, result);

    public readonly struct Op : IVectorUnaryNumberOperator
    {
        public static double Invoke(double x) => Math.Truncate(x);

        public static Vector<double> Invoke(Vector<double> x) => Vector.Truncate(x);
    }
}

/// <summary><c>floor</c>.</summary>
public sealed class Floor() : UnaryNumberProcess<Floor.Op>("floor")
{
    public override void Apply(ReadOnlySpan<double> x, Span<double> result) => NumberKernels.UnaryVector<Op>(x, result);

    public readonly struct Op : IVectorUnaryNumberOperator
    {
        public static double Invoke(double x) => Math.Floor(x);

        public static Vector<double> Invoke(Vector<double> x) => Vector.Floor(x);
    }
}

/// <summary><c>ceil</c>.</summary>
public sealed class Ceil() : UnaryNumberProcess<Ceil.Op>("ceil")
{
    public override void Apply(ReadOnlySpan<double> x, Span<double> result) => NumberKernels.UnaryVector<Op>(x, result);

    public readonly struct Op : IVectorUnaryNumberOperator
    {
        public static double Invoke(double x) => Math.Ceiling(x);

        public static Vector<double> Invoke(Vector<double> x) => Vector.Ceiling(x);
    }
}
