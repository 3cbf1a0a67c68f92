using OpenEoBridge.Processes.Adapters;
using OpenEoBridge.Processes.Kernels;

namespace OpenEoBridge.Processes.Library.Statistics;

/// <summary><c>product</c>.</summary>
public sealed class Product() : StreamingReducerProcess<ProductReducer, ProductState>("product");

/// <summary><c>variance</c>.</summary>
public sealed class Variance() : StreamingReducerProcess<VarianceReducer, VarianceState>("variance");

/// <summary><c>sd</c>.</summary>
public sealed class StandardDeviation() : StreamingReducerProcess<StandardDeviationReducer, VarianceState>("sd");

/// <summary><c>median</c>: needs the whole group, so it uses the materialised reducer path.</summary>
public sealed class Median() : MaterialisedReducerProcess<Median.Reducer>("median")
{
    public readonly struct Reducer : IMaterialisedReducer
    {
        public static double? Reduce(ReadOnlySpan<double> values, ReadOnlySpan<bool> valid, bool ignoreNoData)
        {
            var sample = SortedSample.From(values, valid);
            if ((sample.SawNoData && !ignoreNoData) || (sample.Values.Length == 0 && !sample.HasNaN))
            {
                return null;
            }

            return sample.Quantile(0.5);
        }
    }
}
