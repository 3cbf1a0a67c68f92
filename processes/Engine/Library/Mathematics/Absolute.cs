using System.Numerics;
using OpenEoBridge.Processes.Adapters;
using OpenEoBridge.Processes.Kernels;

namespace OpenEoBridge.Processes.Library.Mathematics;

/// <summary><c>absolute</c>: |x|; no-data stays no-data.</summary>
public sealed class Absolute() : UnaryNumberProcess<Absolute.Operator>("absolute")
{
    public override void Apply(ReadOnlySpan<double> x, Span<double> result) => NumberKernels.UnaryVector<Operator>(x, result);

    public readonly struct Operator : IVectorUnaryNumberOperator
    {
        public static double Invoke(double x) => Math.Abs(x);

        public static Vector<double> Invoke(Vector<double> x) => Vector.Abs(x);
    }
}
