using System.Globalization;
using System.Text.Json;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Tests.Official;

/// <summary>
/// Compares a result with an expected value as the official runner does: numbers within <c>delta</c> (relative, and
/// absolute for values below 1), NaN equals NaN, integer vs float ignored, datetimes as instants, labelled arrays
/// by labels and values (a plain expected array ignores labels, since JSON cannot carry them).
/// </summary>
internal static class OfficialComparer
{
    public static string? Difference(JsonElement expected, Value actual, double delta, string at = "$")
    {
        if (OfficialValues.IsTyped(expected, "nodata"))
        {
            return actual is NoDataValue ? null : $"{at}: expected no-data, got {Show(actual)}";
        }

        if (OfficialValues.IsTyped(expected, "datetime"))
        {
            var want = expected.GetProperty("value").GetString()!;
            return actual is StringValue s && SameInstant(want, s.Value) ? null : $"{at}: expected the instant {want}, got {Show(actual)}";
        }

        if (OfficialValues.IsTyped(expected, "labeled-array"))
        {
            var entries = expected.GetProperty("data").EnumerateArray().ToArray();
            if (actual is not ArrayValue { IsLabeled: true } labeled)
            {
                return $"{at}: expected a labelled array, got {Show(actual)}";
            }

            if (labeled.Count != entries.Length)
            {
                return $"{at}: expected {entries.Length} elements, got {labeled.Count}";
            }

            for (var i = 0; i < entries.Length; i++)
            {
                if (!ValueEquality.LabelEquals(OfficialValues.ToValue(entries[i].GetProperty("key")), labeled.Labels[i]))
                {
                    return $"{at}[{i}]: expected the label {entries[i].GetProperty("key").GetRawText()}, got {Show(labeled.Labels[i])}";
                }

                if (Difference(entries[i].GetProperty("value"), labeled[i], delta, $"{at}[{i}]") is { } d)
                {
                    return d;
                }
            }

            return null;
        }

        if (ValueJson.TryReadNonFiniteMarker(expected, out var nonFinite))
        {
            return CompareNumbers(nonFinite.Value, actual, delta, at);
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Null:
                return actual is NoDataValue ? null : $"{at}: expected null, got {Show(actual)}";
            case JsonValueKind.Number:
                return CompareNumbers(expected.GetDouble(), actual, delta, at);
            case JsonValueKind.True or JsonValueKind.False:
                return actual is BooleanValue b && b.Value == expected.GetBoolean() ? null : $"{at}: expected {expected.GetRawText()}, got {Show(actual)}";
            case JsonValueKind.String:
                return actual is StringValue str && str.Value == expected.GetString() ? null : $"{at}: expected {expected.GetRawText()}, got {Show(actual)}";
            case JsonValueKind.Array:
                var items = expected.EnumerateArray().ToArray();
                if (actual is not ArrayValue array || array.Count != items.Length)
                {
                    return $"{at}: expected an array of {items.Length} elements, got {Show(actual)}";
                }

                for (var i = 0; i < items.Length; i++)
                {
                    if (Difference(items[i], array[i], delta, $"{at}[{i}]") is { } d)
                    {
                        return d;
                    }
                }

                return null;
            case JsonValueKind.Object:
                if (actual is not ObjectValue obj || obj.Properties.Length != expected.GetPropertyCount())
                {
                    return $"{at}: expected an object {expected.GetRawText()}, got {Show(actual)}";
                }

                foreach (var property in expected.EnumerateObject())
                {
                    if (!obj.TryGet(property.Name, out var value))
                    {
                        return $"{at}.{property.Name}: missing";
                    }

                    if (Difference(property.Value, value, delta, $"{at}.{property.Name}") is { } d)
                    {
                        return d;
                    }
                }

                return null;
            default:
                return $"{at}: cannot compare {expected.ValueKind}";
        }
    }

    private static string? CompareNumbers(double expected, Value actual, double delta, string at)
    {
        if (actual is not NumberValue n)
        {
            return $"{at}: expected the number {NumberValue.Format(expected)}, got {Show(actual)}";
        }

        var got = n.Value;
        var same = double.IsNaN(expected) ? double.IsNaN(got)
            : double.IsInfinity(expected) ? expected == got
            : Math.Abs(expected - got) <= delta * Math.Max(1, Math.Abs(expected));
        return same ? null : $"{at}: expected {NumberValue.Format(expected)}, got {NumberValue.Format(got)}";
    }

    private static bool SameInstant(string expected, string actual)
    {
        const DateTimeStyles styles = DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal;
        return DateTimeOffset.TryParse(expected, CultureInfo.InvariantCulture, styles, out var e)
            && DateTimeOffset.TryParse(actual, CultureInfo.InvariantCulture, styles, out var a)
            && e == a;
    }

    private static string Show(Value value)
    {
        var text = value.ToString();
        return text.Length > 200 ? text[..200] + "…" : text;
    }
}
