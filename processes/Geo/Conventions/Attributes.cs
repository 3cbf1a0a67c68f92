using System.Globalization;
using System.Text.Json;

namespace OpenEoBridge.Geo.Conventions;

/// <summary>Typed reads of Zarr attribute dictionaries (JSON values as the store holds them).</summary>
public static class Attributes
{
    public static readonly IReadOnlyDictionary<string, JsonElement> Empty = new Dictionary<string, JsonElement>();

    public static string? GetString(this IReadOnlyDictionary<string, JsonElement> attributes, string name) =>
        attributes.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A number, or a numeric string ("NaN", "Infinity" and "-Infinity" included, as Zarr writes them).</summary>
    public static double? GetDouble(this IReadOnlyDictionary<string, JsonElement> attributes, string name) =>
        attributes.TryGetValue(name, out var value) ? AsDouble(value) : null;

    /// <summary>A single number or an array of numbers (CF allows both for <c>missing_value</c>, <c>valid_range</c>, ...).</summary>
    public static double[]? GetDoubles(this IReadOnlyDictionary<string, JsonElement> attributes, string name)
    {
        if (!attributes.TryGetValue(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            var values = value.EnumerateArray().Select(AsDouble).ToArray();
            return values.All(v => v.HasValue) ? values.Select(v => v!.Value).ToArray() : null;
        }

        return AsDouble(value) is { } single ? [single] : null;
    }

    public static string[]? GetStrings(this IReadOnlyDictionary<string, JsonElement> attributes, string name)
    {
        if (!attributes.TryGetValue(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Array when value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) =>
                value.EnumerateArray().Select(e => e.GetString()!).ToArray(),
            JsonValueKind.String => [value.GetString()!],
            _ => null,
        };
    }

    public static double? AsDouble(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String => value.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            var s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            _ => null,
        },
        _ => null,
    };
}
