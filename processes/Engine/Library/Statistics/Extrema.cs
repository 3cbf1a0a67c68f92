using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Kernels;
using OpenEoBridge.Processes.Library.Reducers;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Statistics;

/// <summary>
/// <c>extrema</c>: the <c>min</c> and <c>max</c> reducers run side by side in one pass, so it streams like them and
/// shares their rules (NaN propagates; no-data with <c>ignore_nodata: false</c> gives no-data).
/// </summary>
public sealed class Extrema() : Process("extrema")
{
    public override ValueTask<Value> InvokeAsync(ProcessCall call)
    {
        var (values, valid) = NumberArray.Read(call, "data");
        var ignoreNoData = call.GetBoolean("ignore_nodata");
        var min = new StreamingAccumulator<MinReducer, ExtremumState>(ignoreNoData);
        var max = new StreamingAccumulator<MaxReducer, ExtremumState>(ignoreNoData);
        min.Accumulate(values, valid);
        max.Accumulate(values, valid);
        return ValueTask.FromResult<Value>(new ArrayValue([Value.NumberOrNoData(min.Finish()), Value.NumberOrNoData(max.Finish())]));
    }
}
