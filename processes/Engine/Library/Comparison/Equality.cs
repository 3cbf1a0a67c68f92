using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Comparison;

/// <summary>
/// The equality rule shared by <c>eq</c> and <c>neq</c>: strict types (the string "1" is not the number 1, but 1 equals
/// 1.0), numbers by IEEE 754 or within <c>delta</c>, strings optionally case-insensitive. Null when either side is no-data.
/// </summary>
internal static class Equality
{
    public static bool? Evaluate(ProcessCall call)
    {
        var x = call.Get("x");
        var y = call.Get("y");
        if (x.IsNoData || y.IsNoData)
        {
            return null;
        }

        return (x, y) switch
        {
            (NumberValue a, NumberValue b) => call.GetNumberOrNull("delta") is { } delta
                ? Math.Abs(a.Value - b.Value) <= delta
                : a.Value == b.Value,
            (StringValue a, StringValue b) => string.Equals(a.Value, b.Value,
                call.GetBoolean("case_sensitive") ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase),
            (BooleanValue a, BooleanValue b) => a.Value == b.Value,
            _ => false,
        };
    }
}
