using System.Numerics;
using OpenEoBridge.Processes.Adapters;
using OpenEoBridge.Processes.Kernels;

namespace OpenEoBridge.Processes.Library.Mathematics;

/// <summary><c>subtract</c>: IEEE 754 difference; no-data in either input gives no-data.</summary>
public sealed class Subtract() : VectorBinaryNumberProcess<Subtract.Operator>("subtract")
{
    public readonly struct Operator : IVectorBinaryNumberOperator
    {
        public static double Invoke(double x, double y) => x - y;

        public static Vector<double> Invoke(Vector<double> x, Vector<double> y) => x - y;
    }
}
