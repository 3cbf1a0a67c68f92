using System.Collections.Immutable;
using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Arrays;

/// <summary><c>order</c>: the permutation that sorts the array.</summary>
public sealed class Order() : Process("order")
{
    public override ValueTask<Value> InvokeAsync(ProcessCall call) =>
        ValueTask.FromResult<Value>(new ArrayValue([.. SortOrder.Compute(call).Select(i => (Value)Value.Number(i))]));
}

/// <summary><c>sort</c>: the array rearranged by its own <c>order</c>; labels travel with their elements.</summary>
public sealed class Sort() : Process("sort")
{
    public override ValueTask<Value> InvokeAsync(ProcessCall call) =>
        ValueTask.FromResult<Value>(Rearrange.Pick(call.GetArray("data"), SortOrder.Compute(call)));
}

/// <summary><c>rearrange</c>: picks elements by position; positions may be left out (the result is shorter).</summary>
public sealed class Rearrange() : Process("rearrange")
{
    public override ValueTask<Value> InvokeAsync(ProcessCall call)
    {
        var data = call.GetArray("data");
        var order = call.GetArray("order");
        var positions = new int[order.Count];
        for (var i = 0; i < order.Count; i++)
        {
            positions[i] = order[i] is NumberValue n && n.TryGetInt64(out var p) && p >= 0 && p < data.Count
                ? (int)p
                : throw call.Invalid("order", $"positions between 0 and {data.Count - 1} (element {i} is {order[i]})");
        }

        return ValueTask.FromResult<Value>(Pick(data, positions));
    }

    internal static ArrayValue Pick(ArrayValue data, IReadOnlyList<int> positions)
    {
        var items = ImmutableArray.CreateBuilder<Value>(positions.Count);
        foreach (var p in positions)
        {
            items.Add(data[p]);
        }

        if (!data.IsLabeled)
        {
            return new ArrayValue(items.MoveToImmutable());
        }

        var labels = ImmutableArray.CreateBuilder<Value>(positions.Count);
        foreach (var p in positions)
        {
            labels.Add(data.Labels[p]);
        }

        return new ArrayValue(items.MoveToImmutable(), labels.MoveToImmutable());
    }
}
