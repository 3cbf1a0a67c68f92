using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Arrays;

/// <summary><c>array_modify</c>: remove <c>length</c> elements at <c>index</c> and insert <c>values</c> there.</summary>
public sealed class ArrayModify() : Process("array_modify")
{
    public override ValueTask<Value> InvokeAsync(ProcessCall call)
    {
        var data = call.GetArray("data");
        var values = call.GetArray("values");
        var index = call.GetInteger("index");
        var length = call.GetInteger("length");
        if (index < 0 || index > data.Count)
        {
            throw Fail("ArrayElementNotAvailable");
        }

        if (length < 0)
        {
            throw call.Invalid("length", "a non-negative integer");
        }

        var result = ArraySplice.Splice(data, values, (int)index, (int)Math.Min(length, data.Count)) ?? throw Fail("ArrayLabelConflict");
        return ValueTask.FromResult<Value>(result);
    }
}
