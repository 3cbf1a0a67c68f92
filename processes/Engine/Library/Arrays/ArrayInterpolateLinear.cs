using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Library.Dates;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Arrays;

/// <summary>
/// <c>array_interpolate_linear</c>: gaps (no-data or NaN) between two numbers are filled on a straight line. The x
/// axis is the numeric labels, the instants of temporal labels, or else the positions; gaps at either end stay.
/// An infinite neighbour makes the filled values that infinity rather than NaN.
/// </summary>
public sealed class ArrayInterpolateLinear() : Process("array_interpolate_linear")
{
    public override ValueTask<Value> InvokeAsync(ProcessCall call)
    {
        var data = call.GetArray("data");
        var axis = Axis(data);
        var items = data.Items.ToBuilder();
        var previous = -1;
        for (var i = 0; i < data.Count; i++)
        {
            if (data[i] is not NumberValue { IsNaN: false } current)
            {
                if (data[i] is not (NumberValue or NoDataValue))
                {
                    throw call.Invalid("data", $"an array of numbers or null (element {i} is {data[i].TypeName})");
                }

                continue;
            }

            if (previous >= 0 && i - previous > 1)
            {
                var start = ((NumberValue)data[previous]).Value;
                for (var gap = previous + 1; gap < i; gap++)
                {
                    items[gap] = Value.Number(Interpolate(start, current.Value, (axis[gap] - axis[previous]) / (axis[i] - axis[previous])));
                }
            }

            previous = i;
        }

        return ValueTask.FromResult<Value>(data.WithItems(items.ToImmutable()));
    }

    private static double Interpolate(double from, double to, double fraction)
    {
        var fromInfinite = double.IsInfinity(from);
        var toInfinite = double.IsInfinity(to);
        if (fromInfinite && toInfinite)
        {
            // Same infinity on both sides stays; from -Infinity to +Infinity has no defined value in between.
            return from == to ? from : double.NaN;
        }

        if (fromInfinite || toInfinite)
        {
            // The line towards an infinite neighbour is that infinity everywhere (the formula would give NaN from -Infinity).
            return fromInfinite ? from : to;
        }

        return from + ((to - from) * fraction);
    }

    private static double[] Axis(ArrayValue data)
    {
        var axis = new double[data.Count];
        var numeric = data.IsLabeled && data.Labels.All(l => l is NumberValue);
        var temporal = data.IsLabeled && !numeric && data.Labels.All(l => l is StringValue s && TemporalText.TryParse(s.Value, out _));
        for (var i = 0; i < data.Count; i++)
        {
            axis[i] = numeric ? ((NumberValue)data.Labels[i]).Value
                : temporal && TemporalText.TryParse(((StringValue)data.Labels[i]).Value, out var t) ? t.Instant.UtcTicks
                : i;
        }

        return axis;
    }
}
