using System.Numerics;
using OpenEoBridge.Processes.Adapters;
using OpenEoBridge.Processes.Kernels;

namespace OpenEoBridge.Processes.Library.Exponential;

// IEEE 754 results throughout: ln(0) = -Infinity and log of a negative number = NaN, which the definitions allow
// instead of an error.

/// <summary><c>exp</c> (parameter <c>p</c>).</summary>
public sealed class Exp() : UnaryNumberProcess<Exp.Op>("exp", "p")
{
    public readonly struct Op : IUnaryNumberOperator
    {
        public static double Invoke(double x) => Math.Exp(x);
    }
}

/// <summary><c>ln</c>.</summary>
public sealed class Ln() : UnaryNumberProcess<Ln.Op>("ln")
{
    public readonly struct Op : IUnaryNumberOperator
    {
        public static double Invoke(double x) => Math.Log(x);
    }
}

/// <summary><c>log</c> to an arbitrary base.</summary>
public sealed class Log() : BinaryNumberProcess<Log.Op>("log", "x", "base")
{
    public readonly struct Op : IBinaryNumberOperator
    {
        public static double Invoke(double x, double newBase) => Math.Log(x, newBase);
    }
}

/// <summary><c>sqrt</c>.</summary>
public sealed class Sqrt() : UnaryNumberProcess<Sqrt.Op>("sqrt")
{
    public override void Apply(ReadOnlySpan<double> x, Span<double> result) => NumberKernels.UnaryVector<Op>(x, result);

    public readonly struct Op : IVectorUnaryNumberOperator
    {
        public static double Invoke(double x) => Math.Sqrt(x);

        public static Vector<double> Invoke(Vector<double> x) => Vector.SquareRoot(x);
    }
}

/// <summary><c>power</c>.</summary>
public sealed class Power() : BinaryNumberProcess<Power.Op>("power", "base", "p")
{
    public readonly struct Op : IBinaryNumberOperator
    {
        public static double Invoke(double x, double p) => Math.Pow(x, p);
    }
}
