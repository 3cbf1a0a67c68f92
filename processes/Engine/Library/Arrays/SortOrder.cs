using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Library.Dates;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Arrays;

/// <summary>
/// The ordering shared by <c>order</c> and <c>sort</c>: a stable sort of the positions (ties keep their original
/// order in both directions), numbers numerically with NaN after every number, temporal strings by their instant.
/// No-data is dropped (<c>nodata</c> null), put last (true) or put first (false), in original order.
/// </summary>
internal static class SortOrder
{
    public static int[] Compute(ProcessCall call)
    {
        var data = call.GetArray("data");
        var ascending = call.GetBoolean("asc");
        var placement = call.GetBooleanOrNull("nodata");
        var keys = new SortKey[data.Count];
        var present = new List<int>(data.Count);
        var missing = new List<int>();
        for (var i = 0; i < data.Count; i++)
        {
            switch (data[i])
            {
                case NoDataValue:
                    missing.Add(i);
                    break;
                case NumberValue n:
                    keys[i] = new SortKey(0, n.Value, default);
                    present.Add(i);
                    break;
                case StringValue s when TemporalText.TryParse(s.Value, out var t):
                    keys[i] = new SortKey(1, 0, t.Instant);
                    present.Add(i);
                    break;
                default:
                    throw call.Invalid("data", $"numbers, dates, date-times or null (element {i} is {data[i].TypeName})");
            }
        }

        var sorted = present.ToArray();
        var direction = ascending ? 1 : -1;
        // List.Sort is not stable; comparing the positions last makes it so.
        Array.Sort(sorted, (a, b) =>
        {
            var byValue = direction * keys[a].CompareTo(keys[b]);
            return byValue != 0 ? byValue : a.CompareTo(b);
        });

        return placement switch
        {
            null => sorted,
            true => [.. sorted, .. missing],
            false => [.. missing, .. sorted],
        };
    }

    /// <summary>Numbers (kind 0) before temporal values (kind 1); NaN sorts after all numbers.</summary>
    private readonly record struct SortKey(int Kind, double Number, DateTimeOffset Instant)
    {
        public int CompareTo(SortKey other)
        {
            if (Kind != other.Kind)
            {
                return Kind.CompareTo(other.Kind);
            }

            if (Kind == 1)
            {
                return Instant.CompareTo(other.Instant);
            }

            var thisNaN = double.IsNaN(Number);
            var otherNaN = double.IsNaN(other.Number);
            return thisNaN || otherNaN ? thisNaN.CompareTo(otherNaN) : Number.CompareTo(other.Number);
        }
    }
}
