using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Arrays;

/// <summary><c>array_concat</c>: <c>array2</c> spliced in after the end of <c>array1</c>.</summary>
public sealed class ArrayConcat() : Process("array_concat")
{
    public override ValueTask<Value> InvokeAsync(ProcessCall call)
    {
        var first = call.GetArray("array1");
        var second = call.GetArray("array2");
        var result = ArraySplice.Splice(first, second, first.Count, 0) ?? throw Fail("ArrayLabelConflict");
        return ValueTask.FromResult<Value>(result);
    }
}
