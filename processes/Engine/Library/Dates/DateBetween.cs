using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Dates;

/// <summary><c>date_between</c>: compares instants, so offsets and precision do not matter; swapped bounds give false.</summary>
public sealed class DateBetween() : Process("date_between")
{
    public override ValueTask<Value> InvokeAsync(ProcessCall call)
    {
        if (TemporalArguments.GetOrNull(call, "x") is not { } x)
        {
            return ValueTask.FromResult<Value>(Value.NoData);
        }

        var min = TemporalArguments.Get(call, "min").Instant;
        var max = TemporalArguments.Get(call, "max").Instant;
        var excludeMax = call.GetBoolean("exclude_max");
        var inside = x.Instant >= min && (excludeMax ? x.Instant < max : x.Instant <= max);
        return ValueTask.FromResult<Value>(Value.Boolean(inside));
    }
}
