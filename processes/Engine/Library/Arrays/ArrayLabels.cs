using System.Collections.Immutable;
using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Arrays;

/// <summary><c>array_labels</c>: the labels with their types, or the positions for an unlabelled array.</summary>
public sealed class ArrayLabels() : Process("array_labels")
{
    public override ValueTask<Value> InvokeAsync(ProcessCall call)
    {
        var data = call.GetArray("data");
        var labels = data.IsLabeled
            ? data.Labels
            : [.. Enumerable.Range(0, data.Count).Select(i => (Value)Value.Number(i))];
        return ValueTask.FromResult<Value>(new ArrayValue(labels));
    }
}
