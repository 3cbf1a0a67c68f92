using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Arrays;

/// <summary><c>array_element</c>: by zero-based <c>index</c> or by <c>label</c> (labels match by type and value).</summary>
public sealed class ArrayElement() : Process("array_element")
{
    public override ValueTask<Value> InvokeAsync(ProcessCall call)
    {
        var data = call.GetArray("data");
        var hasIndex = call.IsProvided("index");
        var hasLabel = call.IsProvided("label");
        if (hasIndex && hasLabel)
        {
            throw Fail("ArrayElementParameterConflict");
        }

        if (!hasIndex && !hasLabel)
        {
            throw Fail("ArrayElementParameterMissing");
        }

        int position;
        if (hasIndex)
        {
            var index = call.GetInteger("index");
            position = index >= 0 && index < data.Count ? (int)index : -1;
        }
        else
        {
            if (!data.IsLabeled)
            {
                throw Fail("ArrayNotLabeled");
            }

            position = data.IndexOfLabel(call.Get("label"));
        }

        if (position >= 0)
        {
            return ValueTask.FromResult(data[position]);
        }

        return call.GetBoolean("return_nodata") ? ValueTask.FromResult<Value>(Value.NoData) : throw Fail("ArrayElementNotAvailable");
    }
}
