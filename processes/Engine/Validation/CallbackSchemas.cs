using System.Text.Json;
using OpenEoBridge.Processes.Contract;

namespace OpenEoBridge.Processes.Validation;

/// <summary>
/// Reads callback signatures from parameter schemas: the <c>process-graph</c> subtype schemas that apply to a child
/// graph (also inside arrays and objects, e.g. <c>metadata-filter</c>), the <c>parameters</c> they declare and the
/// JSON types their <c>returns</c> schema allows.
/// </summary>
internal static class CallbackSchemas
{
    /// <summary>The alternatives of a schema (lists and anyOf/oneOf flattened).</summary>
    public static IEnumerable<JsonElement> Alternatives(JsonElement schema)
    {
        switch (schema.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in schema.EnumerateArray())
                {
                    foreach (var alternative in Alternatives(item))
                    {
                        yield return alternative;
                    }
                }

                break;
            case JsonValueKind.Object:
                yield return schema;
                foreach (var keyword in new[] { "anyOf", "oneOf" })
                {
                    if (schema.TryGetProperty(keyword, out var options))
                    {
                        foreach (var alternative in Alternatives(options))
                        {
                            yield return alternative;
                        }
                    }
                }

                break;
        }
    }

    public static List<JsonElement> ProcessGraphs(IEnumerable<JsonElement> schemas) =>
        [.. schemas.SelectMany(Alternatives).Where(s => s.TryGetProperty("subtype", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "process-graph")];

    /// <summary>The schemas for the elements of an array argument.</summary>
    public static List<JsonElement> Items(IEnumerable<JsonElement> schemas) =>
        [.. schemas.SelectMany(Alternatives).Where(s => s.TryGetProperty("items", out var i) && i.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            .Select(s => s.GetProperty("items"))];

    /// <summary>The schemas for one property of an object argument.</summary>
    public static List<JsonElement> Property(IEnumerable<JsonElement> schemas, string key)
    {
        var result = new List<JsonElement>();
        foreach (var schema in schemas.SelectMany(Alternatives))
        {
            if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
                && properties.TryGetProperty(key, out var property))
            {
                result.Add(property);
            }
            else if (schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.Object)
            {
                result.Add(additional);
            }
        }

        return result;
    }

    /// <summary>The parameter names the callback schemas declare, or null when one of them does not say.</summary>
    public static HashSet<string>? DeclaredParameters(List<JsonElement> callbackSchemas)
    {
        if (callbackSchemas.Count == 0)
        {
            return null;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var schema in callbackSchemas)
        {
            if (!schema.TryGetProperty("parameters", out var parameters) || parameters.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            foreach (var parameter in parameters.EnumerateArray())
            {
                if (parameter.ValueKind == JsonValueKind.Object && parameter.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
                {
                    names.Add(name.GetString()!);
                }
            }
        }

        return names;
    }

    /// <summary>The JSON types the callbacks may return (integer counted as number), or null when any is allowed or unknown.</summary>
    public static HashSet<string>? ExpectedReturnTypes(List<JsonElement> callbackSchemas)
    {
        var types = new HashSet<string>(StringComparer.Ordinal);
        foreach (var schema in callbackSchemas)
        {
            if (!schema.TryGetProperty("returns", out var returns) || returns.ValueKind != JsonValueKind.Object
                || !returns.TryGetProperty("schema", out var returnSchema) || Types(returnSchema) is not { } some)
            {
                return null;
            }

            types.UnionWith(some);
        }

        return types.Count == 0 ? null : types;
    }

    /// <summary>What a process's <c>returns</c> schema allows, or null when it allows anything.</summary>
    public static HashSet<string>? ReturnTypes(ProcessDefinition definition) => Types(definition.ReturnsSchema);

    private static HashSet<string>? Types(JsonElement schema)
    {
        var types = new HashSet<string>(StringComparer.Ordinal);
        var any = false;
        foreach (var alternative in schema.ValueKind == JsonValueKind.Array ? schema.EnumerateArray() : Enumerable.Repeat(schema, 1))
        {
            if (alternative.ValueKind != JsonValueKind.Object || !alternative.TryGetProperty("type", out var type))
            {
                // anyOf/oneOf without a type at this level, or {} : work out the alternatives or give up.
                if (alternative.ValueKind == JsonValueKind.Object && (alternative.TryGetProperty("anyOf", out var options) || alternative.TryGetProperty("oneOf", out options))
                    && Types(options) is { } inner)
                {
                    types.UnionWith(inner);
                    continue;
                }

                any = true;
                continue;
            }

            foreach (var name in type.ValueKind == JsonValueKind.Array ? type.EnumerateArray() : Enumerable.Repeat(type, 1))
            {
                if (name.ValueKind == JsonValueKind.String)
                {
                    types.Add(name.GetString() == "integer" ? "number" : name.GetString()!);
                }
            }
        }

        return any ? null : types;
    }
}
