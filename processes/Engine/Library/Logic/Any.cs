using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Logic;

/// <summary><c>any</c>: stops at the first <c>true</c>; no-data counts only with <c>ignore_nodata: false</c>.</summary>
public sealed class Any() : Process("any")
{
    public override ValueTask<Value> InvokeAsync(ProcessCall call) =>
        ValueTask.FromResult(BooleanReduction.Reduce(call, stopAt: true));
}
