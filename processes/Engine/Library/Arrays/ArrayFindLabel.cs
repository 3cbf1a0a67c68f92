using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Arrays;

/// <summary><c>array_find_label</c>: label types must match (the number 1 is not the label "1"); unlabelled arrays find nothing.</summary>
public sealed class ArrayFindLabel() : Process("array_find_label")
{
    public override ValueTask<Value> InvokeAsync(ProcessCall call)
    {
        var index = call.GetArray("data").IndexOfLabel(call.Get("label"));
        return ValueTask.FromResult(index < 0 ? Value.NoData : (Value)Value.Number(index));
    }
}
