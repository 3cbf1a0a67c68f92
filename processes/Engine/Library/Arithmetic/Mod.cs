using OpenEoBridge.Processes.Adapters;
using OpenEoBridge.Processes.Kernels;

namespace OpenEoBridge.Processes.Library.Arithmetic;

/// <summary>
/// <c>mod</c>: floored modulo, so the result takes the sign of the divisor. A zero divisor behaves like
/// <c>divide</c> (±Infinity or NaN) and an infinite divisor leaves a finite dividend unchanged.
/// </summary>
public sealed class Mod() : BinaryNumberProcess<Mod.Op>("mod")
{
    public readonly struct Op : IBinaryNumberOperator
    {
        public static double Invoke(double x, double y)
        {
            if (y == 0)
            {
                return x / y;
            }

            if (double.IsInfinity(y) && double.IsFinite(x))
            {
                return x;
            }

            var remainder = x % y;
            return remainder != 0 && (remainder < 0) != (y < 0) ? remainder + y : remainder;
        }
    }
}
