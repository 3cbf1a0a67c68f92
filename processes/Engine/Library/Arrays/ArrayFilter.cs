using System.Collections.Immutable;
using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Arrays;

/// <summary>
/// <c>array_filter</c>: keeps the elements whose condition returns exactly <c>true</c> (no-data drops the element),
/// together with their labels.
/// </summary>
public sealed class ArrayFilter() : Process("array_filter")
{
    public override async ValueTask<Value> InvokeAsync(ProcessCall call)
    {
        var data = call.GetArray("data");
        var condition = call.GetCallbackOrNull("condition") ?? throw call.Invalid("condition", "a process graph");
        var context = call.Get("context");
        var items = ImmutableArray.CreateBuilder<Value>();
        var labels = ImmutableArray.CreateBuilder<Value>();
        for (var i = 0; i < data.Count; i++)
        {
            var parameters = new Dictionary<string, Value>(4, StringComparer.Ordinal)
            {
                ["x"] = data[i],
                ["index"] = Value.Number(i),
                ["label"] = data.IsLabeled ? data.Labels[i] : Value.NoData,
                ["context"] = context,
            };
            if (await condition.InvokeAsync(parameters, call.CancellationToken).ConfigureAwait(false) is BooleanValue { Value: true })
            {
                items.Add(data[i]);
                if (data.IsLabeled)
                {
                    labels.Add(data.Labels[i]);
                }
            }
        }

        return data.IsLabeled ? new ArrayValue(items.ToImmutable(), labels.ToImmutable()) : new ArrayValue(items.ToImmutable());
    }
}
