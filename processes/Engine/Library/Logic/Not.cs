using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Logic;

/// <summary><c>not</c>: negation; no-data stays no-data.</summary>
public sealed class Not() : Process("not")
{
    public override ValueTask<Value> InvokeAsync(ProcessCall call) =>
        ValueTask.FromResult(call.GetBooleanOrNull("x") is { } x ? Value.Boolean(!x) : (Value)Value.NoData);
}
