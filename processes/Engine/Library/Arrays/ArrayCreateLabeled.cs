using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Arrays;

/// <summary><c>array_create_labeled</c>: labels keep their type (number or string) and must be unique.</summary>
public sealed class ArrayCreateLabeled() : Process("array_create_labeled")
{
    public override ValueTask<Value> InvokeAsync(ProcessCall call)
    {
        var data = call.GetArray("data");
        var labels = call.GetArray("labels");
        if (data.Count != labels.Count)
        {
            throw Fail("ArrayLengthMismatch");
        }

        var seen = new LabelSet([]);
        for (var i = 0; i < labels.Count; i++)
        {
            if (labels[i] is not (NumberValue or StringValue))
            {
                throw call.Invalid("labels", $"numbers or strings (element {i} is {labels[i].TypeName})");
            }

            if (!seen.Add(labels[i]))
            {
                throw call.Invalid("labels", $"unique labels ({labels[i]} occurs twice)");
            }
        }

        return ValueTask.FromResult<Value>(new ArrayValue(data.Items, labels.Items));
    }
}
