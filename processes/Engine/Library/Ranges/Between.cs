using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Ranges;

/// <summary>
/// <c>between</c>: <c>and(gte(x, min), lte(x, max))</c> for numbers (or <c>lt</c> with <c>exclude_max</c>); any other
/// type of <c>x</c> is simply not between two numbers, and swapped bounds include nothing.
/// </summary>
public sealed class Between() : Process("between")
{
    public override ValueTask<Value> InvokeAsync(ProcessCall call)
    {
        var x = call.Get("x");
        if (x.IsNoData)
        {
            return ValueTask.FromResult<Value>(Value.NoData);
        }

        if (x is not NumberValue number)
        {
            return ValueTask.FromResult<Value>(BooleanValue.False);
        }

        var min = call.GetNumber("min");
        var max = call.GetNumber("max");
        var inside = number.Value >= min && (call.GetBoolean("exclude_max") ? number.Value < max : number.Value <= max);
        return ValueTask.FromResult<Value>(Value.Boolean(inside));
    }
}
