using System.Text.Json;
using System.Text.Json.Nodes;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Tests.Official;

/// <summary>
/// Reads the JSON5 subset the official test files use: comments and trailing commas (System.Text.Json options) and
/// bare NaN/Infinity (rewritten into markers that <see cref="ValueJson"/> reads as numbers).
/// </summary>
internal static class Json5
{
    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 1024,
    };

    /// <summary>Parses into a mutable tree; duplicate keys (one official file has them) keep the last value, as JSON5 says.</summary>
    public static JsonNode ParseNode(string text)
    {
        using var document = JsonDocument.Parse(NonFiniteJson.Rewrite(text), Options);
        return ToNode(document.RootElement) ?? throw new FormatException("A JSON5 document must not be null.");
    }

    private static JsonNode? ToNode(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new JsonObject();
                foreach (var property in element.EnumerateObject())
                {
                    obj[property.Name] = ToNode(property.Value);
                }

                return obj;
            case JsonValueKind.Array:
                var array = new JsonArray();
                foreach (var item in element.EnumerateArray())
                {
                    array.Add(ToNode(item));
                }

                return array;
            case JsonValueKind.Null:
                return null;
            default:
                return JsonValue.Create(element.Clone());
        }
    }
}
