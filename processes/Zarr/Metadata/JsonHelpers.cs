using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenEoBridge.Zarr.Metadata;

/// <summary>JSON parsing and formatting shared by the metadata readers and writers.</summary>
public static class JsonHelpers
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Splits a v3 extension point (<c>"name"</c> or <c>{"name":..., "configuration":...}</c>).</summary>
    public static (string Name, JsonObject? Configuration) ExtensionName(JsonNode node, string path, string what)
    {
        switch (node)
        {
            case JsonValue v when v.TryGetValue<string>(out var s):
                return (s, null);
            case JsonObject o when o["name"] is JsonValue n && n.TryGetValue<string>(out var name):
                return (name, o["configuration"] as JsonObject);
            default:
                throw new ZarrMetadataException(path, $"malformed {what}: {node.ToJsonString()}");
        }
    }

    public static JsonObject ParseObject(ReadOnlySpan<byte> bytes, string path, string key)
    {
        try
        {
            return JsonNode.Parse(bytes) as JsonObject ?? throw new ZarrMetadataException(path, $"'{key}' is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new ZarrMetadataException(path, $"'{key}' is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>
    /// Indented metadata JSON in plain ASCII, non-ASCII characters as <c>\uXXXX</c> escapes (what Python's
    /// <c>json.dumps</c> writes): zarr-python 2, and so xarray on older systems, decodes metadata as ASCII and
    /// fails on raw UTF-8 such as the degree sign in a PROJ WKT. Outside strings JSON is ASCII anyway.
    /// </summary>
    public static byte[] Serialize(JsonNode node)
    {
        var utf8 = JsonSerializer.SerializeToUtf8Bytes(node, Indented);
        return Array.TrueForAll(utf8, b => b < 0x80) ? utf8 : EscapeNonAscii(Encoding.UTF8.GetString(utf8));
    }

    private static byte[] EscapeNonAscii(string json)
    {
        var builder = new StringBuilder(json.Length + 32);
        foreach (var c in json)
        {
            if (c < 0x80)
            {
                builder.Append(c);
            }
            else
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
        }

        return Encoding.ASCII.GetBytes(builder.ToString());
    }

    /// <summary>A copy of <paramref name="node"/> with object keys sorted (zarr-python 2 style, stable output).</summary>
    public static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Sorted)]),
        null => null,
        _ => node.DeepClone(),
    };

    /// <summary>A JSON number as double, whether parsed from text or created in code from any numeric type.</summary>
    public static double ToDouble(JsonNode node) =>
        ((JsonValue)node).TryGetValue<JsonElement>(out var e) ? e.GetDouble() : JsonSerializer.SerializeToElement(node).GetDouble();

    /// <summary>A JSON integer as long, whether parsed from text or created in code from any integer type.</summary>
    public static long ToInt64(JsonNode node) =>
        ((JsonValue)node).TryGetValue<JsonElement>(out var e) ? e.GetInt64() : JsonSerializer.SerializeToElement(node).GetInt64();

    public static long[] LongArray(JsonNode? node, string path, string key)
    {
        if (node is not JsonArray a)
        {
            throw new ZarrMetadataException(path, $"'{key}' must be a list of integers");
        }

        try
        {
            return [.. a.Select(n => ToInt64(n!))];
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or NullReferenceException)
        {
            throw new ZarrMetadataException(path, $"'{key}' must be a list of integers", e);
        }
    }
}
