using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Arrays;

/// <summary><c>array_contains</c>: whether <c>array_find</c> would find the value.</summary>
public sealed class ArrayContains() : Process("array_contains")
{
    public override ValueTask<Value> InvokeAsync(ProcessCall call)
    {
        var data = call.GetArray("data");
        var value = call.Get("value");
        return ValueTask.FromResult<Value>(Value.Boolean(data.Items.Any(element => ScalarMatch.Matches(element, value))));
    }
}
