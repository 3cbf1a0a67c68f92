using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Logic;

/// <summary><c>xor</c>: no-data whenever either side is no-data (xor is never decided by one side).</summary>
public sealed class Xor() : Process("xor")
{
    public override ValueTask<Value> InvokeAsync(ProcessCall call)
    {
        var x = call.GetBooleanOrNull("x");
        var y = call.GetBooleanOrNull("y");
        return ValueTask.FromResult(x is { } a && y is { } b ? Value.Boolean(a ^ b) : (Value)Value.NoData);
    }
}
