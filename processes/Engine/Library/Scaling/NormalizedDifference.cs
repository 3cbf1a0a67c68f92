using OpenEoBridge.Processes.Adapters;
using OpenEoBridge.Processes.Kernels;

namespace OpenEoBridge.Processes.Library.Scaling;

/// <summary><c>normalized_difference</c>: (x - y) / (x + y), the form shared by NDVI, NDWI and friends.</summary>
public sealed class NormalizedDifference() : BinaryNumberProcess<NormalizedDifference.Op>("normalized_difference")
{
    public readonly struct Op : IBinaryNumberOperator
    {
        public static double Invoke(double x, double y) => (x - y) / (x + y);
    }
}
