using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Arrays;

/// <summary><c>array_find</c>: the zero-based position of the first (or, reversed, last) match, else no-data.</summary>
public sealed class ArrayFind() : Process("array_find")
{
    public override ValueTask<Value> InvokeAsync(ProcessCall call)
    {
        var data = call.GetArray("data");
        var value = call.Get("value");
        var reverse = call.GetBoolean("reverse");
        for (var step = 0; step < data.Count; step++)
        {
            var i = reverse ? data.Count - 1 - step : step;
            if (ScalarMatch.Matches(data[i], value))
            {
                return ValueTask.FromResult<Value>(Value.Number(i));
            }
        }

        return ValueTask.FromResult<Value>(Value.NoData);
    }
}
