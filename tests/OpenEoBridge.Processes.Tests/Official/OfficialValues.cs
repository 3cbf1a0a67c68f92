using System.Collections.Immutable;
using System.Text.Json;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Tests.Official;

/// <summary>
/// Turns the test files' encodings into engine values: <c>{"type":"nodata"}</c> → no-data,
/// <c>{"type":"labeled-array"}</c> → labelled array, <c>{"type":"datetime"}</c> → its string. Data cubes (inline or
/// from assets) are not representable yet: <see cref="ContainsCube"/> marks such cases as not offered.
/// </summary>
internal static class OfficialValues
{
    public static bool ContainsCube(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => IsTyped(element, "datacube") || element.TryGetProperty("$missing-asset", out _)
            || element.EnumerateObject().Any(p => ContainsCube(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().Any(ContainsCube),
        _ => false,
    };

    public static bool IsTyped(JsonElement element, string type) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == type
        && (type != "nodata" || element.GetPropertyCount() == 1);

    public static Value ToValue(JsonElement element)
    {
        if (IsTyped(element, "nodata"))
        {
            return Value.NoData;
        }

        if (IsTyped(element, "datetime") && element.TryGetProperty("value", out var datetime))
        {
            return ToValue(datetime);
        }

        if (IsTyped(element, "labeled-array") && element.TryGetProperty("data", out var entries))
        {
            var items = ImmutableArray.CreateBuilder<Value>();
            var labels = ImmutableArray.CreateBuilder<Value>();
            foreach (var entry in entries.EnumerateArray())
            {
                labels.Add(ToValue(entry.GetProperty("key")));
                items.Add(ToValue(entry.GetProperty("value")));
            }

            return new ArrayValue(items.ToImmutable(), labels.ToImmutable());
        }

        return element.ValueKind switch
        {
            JsonValueKind.Array => new ArrayValue([.. element.EnumerateArray().Select(ToValue)]),
            JsonValueKind.Object when ValueJson.TryReadNonFiniteMarker(element, out var number) => number,
            JsonValueKind.Object => new ObjectValue([.. element.EnumerateObject().Select(p => new KeyValuePair<string, Value>(p.Name, ToValue(p.Value)))]),
            _ => ValueJson.FromJson(element),
        };
    }
}
