using OpenEoBridge.Processes.Adapters;
using OpenEoBridge.Processes.Kernels;

namespace OpenEoBridge.Processes.Library.Trigonometry;

/// <summary><c>sinh</c>.</summary>
public sealed class Sinh() : UnaryNumberProcess<Sinh.Op>("sinh")
{
    public readonly struct Op : IUnaryNumberOperator
    {
        public static double Invoke(double x) => Math.Sinh(x);
    }
}

/// <summary><c>cosh</c>.</summary>
public sealed class Cosh() : UnaryNumberProcess<Cosh.Op>("cosh")
{
    public readonly struct Op : IUnaryNumberOperator
    {
        public static double Invoke(double x) => Math.Cosh(x);
    }
}

/// <summary><c>tanh</c>.</summary>
public sealed class Tanh() : UnaryNumberProcess<Tanh.Op>("tanh")
{
    public readonly struct Op : IUnaryNumberOperator
    {
        public static double Invoke(double x) => Math.Tanh(x);
    }
}

/// <summary><c>arsinh</c>.</summary>
public sealed class Arsinh() : UnaryNumberProcess<Arsinh.Op>("arsinh")
{
    public readonly struct Op : IUnaryNumberOperator
    {
        public static double Invoke(double x) => Math.Asinh(x);
    }
}

/// <summary><c>arcosh</c>.</summary>
public sealed class Arcosh() : UnaryNumberProcess<Arcosh.Op>("arcosh")
{
    public readonly struct Op : IUnaryNumberOperator
    {
        public static double Invoke(double x) => Math.Acosh(x);
    }
}

/// <summary><c>artanh</c>.</summary>
public sealed class Artanh() : UnaryNumberProcess<Artanh.Op>("artanh")
{
    public readonly struct Op : IUnaryNumberOperator
    {
        public static double Invoke(double x) => Math.Atanh(x);
    }
}
