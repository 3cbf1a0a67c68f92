using System.Numerics;
using OpenEoBridge.Processes.Adapters;
using OpenEoBridge.Processes.Kernels;

namespace OpenEoBridge.Processes.Library.Mathematics;

/// <summary><c>divide</c>: IEEE 754 quotient: division by zero gives ±Infinity or NaN, which the definition allows instead of DivisionByZero.</summary>
public sealed class Divide() : VectorBinaryNumberProcess<Divide.Operator>("divide")
{
    public readonly struct Operator : IVectorBinaryNumberOperator
    {
        public static double Invoke(double x, double y) => x / y;

        public static Vector<double> Invoke(Vector<double> x, Vector<double> y) => x / y;
    }
}
