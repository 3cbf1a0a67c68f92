using OpenEoBridge.Processes.Adapters;
using OpenEoBridge.Processes.Kernels;

namespace OpenEoBridge.Processes.Library.Arithmetic;

/// <summary><c>sgn</c>: -1, 0 or 1; NaN stays NaN (where <see cref="Math.Sign(double)"/> would throw).</summary>
public sealed class Sgn() : UnaryNumberProcess<Sgn.Op>("sgn")
{
    public readonly struct Op : IUnaryNumberOperator
    {
        public static double Invoke(double x) => x > 0 ? 1 : x < 0 ? -1 : x;
    }
}
