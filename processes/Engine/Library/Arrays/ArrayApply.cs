using System.Collections.Immutable;
using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Arrays;

/// <summary>
/// <c>array_apply</c>: calls the compiled callback per element with <c>x</c>, <c>index</c>, <c>label</c> (null for
/// unlabelled arrays) and <c>context</c>; the result keeps the input's labels.
/// </summary>
public sealed class ArrayApply() : Process("array_apply")
{
    public override async ValueTask<Value> InvokeAsync(ProcessCall call)
    {
        var data = call.GetArray("data");
        var callback = call.GetCallbackOrNull("process") ?? throw call.Invalid("process", "a process graph");
        var context = call.Get("context");
        var results = ImmutableArray.CreateBuilder<Value>(data.Count);
        for (var i = 0; i < data.Count; i++)
        {
            var parameters = new Dictionary<string, Value>(4, StringComparer.Ordinal)
            {
                ["x"] = data[i],
                ["index"] = Value.Number(i),
                ["label"] = data.IsLabeled ? data.Labels[i] : Value.NoData,
                ["context"] = context,
            };
            results.Add(await callback.InvokeAsync(parameters, call.CancellationToken).ConfigureAwait(false));
        }

        return data.WithItems(results.MoveToImmutable());
    }
}
