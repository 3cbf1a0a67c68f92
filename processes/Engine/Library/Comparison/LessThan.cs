using OpenEoBridge.Processes.Adapters;
using OpenEoBridge.Processes.Kernels;

namespace OpenEoBridge.Processes.Library.Comparison;

/// <summary><c>lt</c>: <c>x < y</c> for numbers, false for other types, no-data for no-data.</summary>
public sealed class LessThan() : NumberComparisonProcess<LessThan.Operator>("lt")
{
    public readonly struct Operator : INumberComparisonOperator
    {
        public static bool Invoke(double x, double y) => x < y;
    }
}
