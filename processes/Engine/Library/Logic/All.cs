using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Logic;

/// <summary><c>all</c>: stops at the first <c>false</c>; no-data counts only with <c>ignore_nodata: false</c>.</summary>
public sealed class All() : Process("all")
{
    public override ValueTask<Value> InvokeAsync(ProcessCall call) =>
        ValueTask.FromResult(BooleanReduction.Reduce(call, stopAt: false));
}
