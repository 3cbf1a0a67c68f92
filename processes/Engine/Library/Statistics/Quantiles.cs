using System.Collections.Immutable;
using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Statistics;

/// <summary>
/// <c>quantiles</c> (type 7). <c>probabilities</c> is either a list or a count of equal intervals; the deprecated
/// <c>q</c> is the same count. With no usable values every requested quantile is no-data.
/// </summary>
public sealed class Quantiles() : Process("quantiles")
{
    public override ValueTask<Value> InvokeAsync(ProcessCall call)
    {
        var probabilities = ReadProbabilities(call);
        var (values, valid) = NumberArray.Read(call, "data");
        var sample = SortedSample.From(values, valid);
        var noResult = (sample.SawNoData && !call.GetBoolean("ignore_nodata")) || (sample.Values.Length == 0 && !sample.HasNaN);
        var results = ImmutableArray.CreateBuilder<Value>(probabilities.Length);
        foreach (var probability in probabilities)
        {
            results.Add(noResult ? Value.NoData : Value.Number(sample.Quantile(probability)));
        }

        return ValueTask.FromResult<Value>(new ArrayValue(results.MoveToImmutable()));
    }

    private double[] ReadProbabilities(ProcessCall call)
    {
        var probabilities = call.Get("probabilities");
        var q = call.Get("q");
        if (probabilities.IsNoData && q.IsNoData)
        {
            throw Fail("QuantilesParameterMissing");
        }

        if (!probabilities.IsNoData && !q.IsNoData)
        {
            throw Fail("QuantilesParameterConflict");
        }

        if (probabilities is ArrayValue list)
        {
            var result = new double[list.Count];
            for (var i = 0; i < list.Count; i++)
            {
                result[i] = list[i] is NumberValue { Value: >= 0 and <= 1 } n
                    ? n.Value
                    : throw call.Invalid("probabilities", "numbers between 0 and 1");
                if (i > 0 && result[i] < result[i - 1])
                {
                    throw Fail("AscendingProbabilitiesRequired");
                }
            }

            return result;
        }

        var intervals = probabilities.IsNoData ? call.GetInteger("q") : call.GetInteger("probabilities");
        if (intervals < 2)
        {
            throw call.Invalid(probabilities.IsNoData ? "q" : "probabilities", "an interval count of at least 2");
        }

        // q equal intervals have q - 1 inner cut points at k / q.
        var cuts = new double[intervals - 1];
        for (var k = 1; k < intervals; k++)
        {
            cuts[k - 1] = (double)k / intervals;
        }

        return cuts;
    }
}
