using System.Numerics;

namespace OpenEoBridge.Processes.Kernels;

/// <summary>A scalar number function, written once as a static method the JIT inlines into span loops.</summary>
public interface IUnaryNumberOperator
{
    static abstract double Invoke(double x);
}

/// <summary>A unary operator that also has a SIMD form (used when the hardware supports <see cref="Vector{T}"/>).</summary>
public interface IVectorUnaryNumberOperator : IUnaryNumberOperator
{
    static abstract Vector<double> Invoke(Vector<double> x);
}

public interface IBinaryNumberOperator
{
    static abstract double Invoke(double x, double y);
}

public interface IVectorBinaryNumberOperator : IBinaryNumberOperator
{
    static abstract Vector<double> Invoke(Vector<double> x, Vector<double> y);
}

/// <summary>A comparison of two numbers giving a boolean (NaN compares false, as IEEE 754).</summary>
public interface INumberComparisonOperator
{
    static abstract bool Invoke(double x, double y);
}
