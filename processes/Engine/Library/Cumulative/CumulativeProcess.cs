using System.Collections.Immutable;
using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Cumulative;

/// <summary>A running combination of numbers (the step of <c>cumsum</c>, <c>cummax</c>, ...).</summary>
public interface ICumulativeOperator
{
    static abstract double Combine(double running, double next);
}

/// <summary>
/// A cumulative process: element i of the result combines elements 0..i. No-data stays no-data in place and the
/// running value skips it, unless <c>ignore_nodata</c> is false, which makes the rest of the array no-data.
/// Labels are kept.
/// </summary>
public class CumulativeProcess<TOp>(string id) : Process(id)
    where TOp : ICumulativeOperator
{
    public override ValueTask<Value> InvokeAsync(ProcessCall call)
    {
        var data = call.GetArray("data");
        var ignoreNoData = call.GetBoolean("ignore_nodata");
        var results = ImmutableArray.CreateBuilder<Value>(data.Count);
        double? running = null;
        var poisoned = false;
        for (var i = 0; i < data.Count; i++)
        {
            switch (data[i])
            {
                case NumberValue n when !poisoned:
                    running = running is { } r ? TOp.Combine(r, n.Value) : n.Value;
                    results.Add(Value.Number(running.Value));
                    break;
                case NumberValue:
                    results.Add(Value.NoData);
                    break;
                case NoDataValue:
                    poisoned |= !ignoreNoData;
                    results.Add(Value.NoData);
                    break;
                default:
                    throw call.Invalid("data", $"an array of numbers or null (element {i} is {data[i].TypeName})");
            }
        }

        return ValueTask.FromResult<Value>(data.WithItems(results.MoveToImmutable()));
    }

    /// <summary>The same running combination over a span with a validity mask, for the chunked engine.</summary>
    public static void Apply(ReadOnlySpan<double> values, ReadOnlySpan<bool> valid, bool ignoreNoData, Span<double> result, Span<bool> resultValid)
    {
        double? running = null;
        var poisoned = false;
        for (var i = 0; i < values.Length; i++)
        {
            poisoned |= !valid[i] && !ignoreNoData;
            if (!valid[i] || poisoned)
            {
                resultValid[i] = false;
                continue;
            }

            running = running is { } r ? TOp.Combine(r, values[i]) : values[i];
            result[i] = running.Value;
            resultValid[i] = true;
        }
    }
}
