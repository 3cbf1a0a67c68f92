using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Arrays;

/// <summary>
/// <c>first</c> / <c>last</c>: the element at one end, stepping over no-data unless <c>ignore_nodata</c> is false.
/// NaN is a value and is returned.
/// </summary>
public abstract class EndElementProcess(string id, bool fromEnd) : Process(id)
{
    public override ValueTask<Value> InvokeAsync(ProcessCall call)
    {
        var data = call.GetArray("data");
        var ignoreNoData = call.GetBoolean("ignore_nodata");
        for (var step = 0; step < data.Count; step++)
        {
            var element = data[fromEnd ? data.Count - 1 - step : step];
            if (!element.IsNoData || !ignoreNoData)
            {
                return ValueTask.FromResult(element);
            }
        }

        return ValueTask.FromResult<Value>(Value.NoData);
    }
}

/// <summary><c>first</c>.</summary>
public sealed class First() : EndElementProcess("first", fromEnd: false);

/// <summary><c>last</c>.</summary>
public sealed class Last() : EndElementProcess("last", fromEnd: true);
