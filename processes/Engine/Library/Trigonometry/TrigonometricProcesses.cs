using OpenEoBridge.Processes.Adapters;
using OpenEoBridge.Processes.Kernels;

namespace OpenEoBridge.Processes.Library.Trigonometry;

// Circular functions and their inverses over radians; IEEE 754 gives NaN outside the domains (e.g. arcsin(2)).

/// <summary><c>sin</c>.</summary>
public sealed class Sin() : UnaryNumberProcess<Sin.Op>("sin")
{
    public readonly struct Op : IUnaryNumberOperator
    {
        public static double Invoke(double x) => Math.Sin(x);
    }
}

/// <summary><c>cos</c>.</summary>
public sealed class Cos() : UnaryNumberProcess<Cos.Op>("cos")
{
    public readonly struct Op : IUnaryNumberOperator
    {
        public static double Invoke(double x) => Math.Cos(x);
    }
}

/// <summary><c>tan</c>.</summary>
public sealed class Tan() : UnaryNumberProcess<Tan.Op>("tan")
{
    public readonly struct Op : IUnaryNumberOperator
    {
        public static double Invoke(double x) => Math.Tan(x);
    }
}

/// <summary><c>arcsin</c>.</summary>
public sealed class Arcsin() : UnaryNumberProcess<Arcsin.Op>("arcsin")
{
    public readonly struct Op : IUnaryNumberOperator
    {
        public static double Invoke(double x) => Math.Asin(x);
    }
}

/// <summary><c>arccos</c>.</summary>
public sealed class Arccos() : UnaryNumberProcess<Arccos.Op>("arccos")
{
    public readonly struct Op : IUnaryNumberOperator
    {
        public static double Invoke(double x) => Math.Acos(x);
    }
}

/// <summary><c>arctan</c>.</summary>
public sealed class Arctan() : UnaryNumberProcess<Arctan.Op>("arctan")
{
    public readonly struct Op : IUnaryNumberOperator
    {
        public static double Invoke(double x) => Math.Atan(x);
    }
}

/// <summary><c>arctan2</c>: note the parameter order <c>y</c>, <c>x</c>, as in the definition and in atan2.</summary>
public sealed class Arctan2() : BinaryNumberProcess<Arctan2.Op>("arctan2", "y", "x")
{
    public readonly struct Op : IBinaryNumberOperator
    {
        public static double Invoke(double y, double x) => Math.Atan2(y, x);
    }
}
