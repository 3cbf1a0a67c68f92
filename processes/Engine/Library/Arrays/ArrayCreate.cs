using System.Collections.Immutable;
using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Arrays;

/// <summary><c>array_create</c>: the elements repeated; the result size is checked against the memory budget first.</summary>
public sealed class ArrayCreate() : Process("array_create")
{
    private const long BytesPerElement = 8;

    public override ValueTask<Value> InvokeAsync(ProcessCall call)
    {
        var data = call.GetArray("data");
        var repeat = call.GetInteger("repeat");
        if (repeat < 1)
        {
            throw call.Invalid("repeat", "an integer of at least 1");
        }

        var total = data.Count * repeat;
        if (total > Array.MaxLength)
        {
            throw call.Invalid("repeat", $"a repetition count giving at most {Array.MaxLength} elements");
        }

        // The repeated array is the one place a tiny graph can ask for gigabytes; the budget turns that into an error.
        var bytes = total * BytesPerElement;
        call.Context.Memory.Reserve(bytes);
        try
        {
            var items = ImmutableArray.CreateBuilder<Value>((int)total);
            for (var r = 0; r < repeat; r++)
            {
                call.CancellationToken.ThrowIfCancellationRequested();
                items.AddRange(data.Items);
            }

            return ValueTask.FromResult<Value>(new ArrayValue(items.MoveToImmutable()));
        }
        finally
        {
            call.Context.Memory.Release(bytes);
        }
    }
}
