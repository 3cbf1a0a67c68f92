using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Arrays;

/// <summary>
/// <c>array_append</c>. A labelled array needs a label for the new element; without one the new element is
/// labelled with its position, which is what the official cases expect.
/// </summary>
public sealed class ArrayAppend() : Process("array_append")
{
    public override ValueTask<Value> InvokeAsync(ProcessCall call)
    {
        var data = call.GetArray("data");
        var value = call.Get("value");
        var label = call.Get("label");
        if (!data.IsLabeled)
        {
            if (!label.IsNoData)
            {
                throw Fail("ArrayNotLabeled");
            }

            return ValueTask.FromResult<Value>(new ArrayValue(data.Items.Add(value)));
        }

        if (label.IsNoData)
        {
            label = Value.Number(data.Count);
        }
        else if (label is not (NumberValue or StringValue))
        {
            throw call.Invalid("label", "a number or a string");
        }

        if (data.IndexOfLabel(label) >= 0)
        {
            throw Fail("LabelExists");
        }

        return ValueTask.FromResult<Value>(new ArrayValue(data.Items.Add(value), data.Labels.Add(label)));
    }
}
