using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Validation;

/// <summary>
/// Checks a value against an openEO parameter schema: a JSON Schema subset (type, enum, const, bounds, lengths,
/// pattern, items, properties, required, anyOf/oneOf/allOf/not) plus openEO's <c>subtype</c> (a list of schemas means
/// "any of them") and <c>dimensions</c> (cube values only). Returns null when the value matches, else a short reason naming what was expected.
/// Integer-ness is judged on the value (1.0 is an integer, as in JSON Schema); a typed parameter accepts any subtype
/// of its type unless the schema names a subtype.
/// </summary>
public static class SchemaMatcher
{
    public static string? Mismatch(JsonElement schema, Value value)
    {
        switch (schema.ValueKind)
        {
            case JsonValueKind.Undefined:
            case JsonValueKind.True:
                return null;
            case JsonValueKind.False:
                return "no value is allowed";
            case JsonValueKind.Array:
                return AnyOf(schema.EnumerateArray(), value);
            case JsonValueKind.Object:
                return MatchObjectSchema(schema, value);
            default:
                return null;
        }
    }

    /// <summary>A human description of what a schema expects (for error messages).</summary>
    public static string Describe(JsonElement schema)
    {
        if (schema.ValueKind == JsonValueKind.Array)
        {
            return string.Join(" or ", schema.EnumerateArray().Select(Describe).Distinct());
        }

        if (schema.ValueKind != JsonValueKind.Object)
        {
            return "any value";
        }

        var parts = new List<string>();
        if (schema.TryGetProperty("subtype", out var subtype) && subtype.ValueKind == JsonValueKind.String)
        {
            parts.Add(subtype.GetString()!);
        }
        else if (schema.TryGetProperty("type", out var type))
        {
            parts.Add(type.ValueKind == JsonValueKind.Array ? string.Join("/", type.EnumerateArray().Select(t => t.GetString())) : type.GetString() ?? "?");
        }

        if (schema.TryGetProperty("enum", out var values))
        {
            parts.Add("one of " + values.GetRawText());
        }

        return parts.Count == 0 ? "any value" : string.Join(" ", parts);
    }

    private static string? AnyOf(IEnumerable<JsonElement> schemas, Value value)
    {
        var reasons = new List<string>();
        foreach (var schema in schemas)
        {
            var reason = Mismatch(schema, value);
            if (reason is null)
            {
                return null;
            }

            reasons.Add(reason);
        }

        if (reasons.Count == 0)
        {
            return null;
        }

        // A cube's alternatives differ in their dimensions, which the short description would hide.
        return value is ExternalValue
            ? string.Join("; or ", reasons.Distinct())
            : $"expected {string.Join(" or ", schemas.Select(Describe).Distinct())}, got {Describe(value)}";
    }

    private static string? MatchObjectSchema(JsonElement schema, Value value)
    {
        if (schema.TryGetProperty("type", out var type) && !MatchesType(type, value))
        {
            return $"expected {Describe(schema)}, got {Describe(value)}";
        }

        if (schema.TryGetProperty("subtype", out var subtype) && subtype.ValueKind == JsonValueKind.String
            && SubtypeMismatch(subtype.GetString()!, value) is { } subtypeReason)
        {
            return subtypeReason;
        }

        if (value is ExternalValue cube && schema.TryGetProperty("dimensions", out var dimensions)
            && DimensionRequirements.Mismatch(dimensions, cube) is { } dimensionReason)
        {
            return dimensionReason;
        }

        if (value is CallbackValue or ExternalValue && !schema.TryGetProperty("subtype", out _) && schema.TryGetProperty("type", out _))
        {
            // A callback/cube passed where the schema only names a JSON type matched the type check above
            // (object), but it is not a plain object.
            return $"expected {Describe(schema)}, got {Describe(value)}";
        }

        if (schema.TryGetProperty("const", out var constant) && !ValueEquality.DeepEquals(ValueJson.FromJson(constant), value))
        {
            return $"expected the value {constant.GetRawText()}";
        }

        if (schema.TryGetProperty("enum", out var options) && options.ValueKind == JsonValueKind.Array
            && !options.EnumerateArray().Any(o => ValueEquality.DeepEquals(ValueJson.FromJson(o), value)))
        {
            return $"expected one of {options.GetRawText()}, got {ValueJson.ToJsonString(value, NonFiniteNumbers.AsBareTokens)}";
        }

        var reason = value switch
        {
            NumberValue n => NumberMismatch(schema, n),
            StringValue s => StringMismatch(schema, s.Value),
            ArrayValue a => ArrayMismatch(schema, a),
            ObjectValue o => ObjectMismatch(schema, o),
            _ => null,
        };
        if (reason is not null)
        {
            return reason;
        }

        foreach (var keyword in new[] { "anyOf", "oneOf" })
        {
            if (schema.TryGetProperty(keyword, out var alternatives) && alternatives.ValueKind == JsonValueKind.Array
                && AnyOf(alternatives.EnumerateArray(), value) is { } altReason)
            {
                return altReason;
            }
        }

        if (schema.TryGetProperty("allOf", out var all) && all.ValueKind == JsonValueKind.Array)
        {
            foreach (var part in all.EnumerateArray())
            {
                if (Mismatch(part, value) is { } partReason)
                {
                    return partReason;
                }
            }
        }

        if (schema.TryGetProperty("not", out var not) && Mismatch(not, value) is null)
        {
            return $"the value must not match {Describe(not)}";
        }

        return null;
    }

    private static bool MatchesType(JsonElement type, Value value) => type.ValueKind switch
    {
        JsonValueKind.String => MatchesType(type.GetString()!, value),
        JsonValueKind.Array => type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && MatchesType(t.GetString()!, value)),
        _ => true,
    };

    private static bool MatchesType(string type, Value value) => type switch
    {
        "null" => value is NoDataValue,
        "boolean" => value is BooleanValue,
        "string" => value is StringValue,
        "number" => value is NumberValue,
        "integer" => value is NumberValue { IsInteger: true },
        "array" => value is ArrayValue,
        "object" => value is ObjectValue or CallbackValue or ExternalValue,
        _ => true,
    };

    private static string? SubtypeMismatch(string subtype, Value value) =>
        SubtypeRules.Mismatch(subtype, value) is { } expected ? $"expected {expected}, got {Describe(value)}" : null;

    private static string? NumberMismatch(JsonElement schema, NumberValue n)
    {
        var x = n.Value;
        if (double.IsNaN(x))
        {
            return null;
        }

        if (schema.TryGetProperty("minimum", out var min) && min.TryGetDouble(out var minimum) && x < minimum)
        {
            return $"the number must be at least {min.GetRawText()}, got {n.ToJsonText()}";
        }

        if (schema.TryGetProperty("maximum", out var max) && max.TryGetDouble(out var maximum) && x > maximum)
        {
            return $"the number must be at most {max.GetRawText()}, got {n.ToJsonText()}";
        }

        if (schema.TryGetProperty("exclusiveMinimum", out var emin) && emin.TryGetDouble(out var exclusiveMinimum) && x <= exclusiveMinimum)
        {
            return $"the number must be greater than {emin.GetRawText()}, got {n.ToJsonText()}";
        }

        if (schema.TryGetProperty("exclusiveMaximum", out var emax) && emax.TryGetDouble(out var exclusiveMaximum) && x >= exclusiveMaximum)
        {
            return $"the number must be less than {emax.GetRawText()}, got {n.ToJsonText()}";
        }

        return null;
    }

    private static string? StringMismatch(JsonElement schema, string s)
    {
        var length = new StringInfo(s).LengthInTextElements;
        if (schema.TryGetProperty("minLength", out var minLength) && minLength.TryGetInt32(out var minL) && length < minL)
        {
            return $"the string must have at least {minL} characters";
        }

        if (schema.TryGetProperty("maxLength", out var maxLength) && maxLength.TryGetInt32(out var maxL) && length > maxL)
        {
            return $"the string must have at most {maxL} characters";
        }

        if (schema.TryGetProperty("pattern", out var pattern) && pattern.GetString() is { } regex
            && !Regex.IsMatch(s, regex, RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            return $"the string must match the pattern {regex}";
        }

        return null;
    }

    private static string? ArrayMismatch(JsonElement schema, ArrayValue array)
    {
        if (schema.TryGetProperty("minItems", out var minItems) && minItems.TryGetInt32(out var min) && array.Count < min)
        {
            return $"the array must have at least {min} elements, got {array.Count}";
        }

        if (schema.TryGetProperty("maxItems", out var maxItems) && maxItems.TryGetInt32(out var max) && array.Count > max)
        {
            return $"the array must have at most {max} elements, got {array.Count}";
        }

        if (schema.TryGetProperty("items", out var items) && items.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (Mismatch(items, array[i]) is { } reason)
                {
                    return $"element {i}: {reason}";
                }
            }
        }

        return null;
    }

    private static string? ObjectMismatch(JsonElement schema, ObjectValue obj)
    {
        if (schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
        {
            foreach (var key in required.EnumerateArray())
            {
                if (key.GetString() is { } name && !obj.TryGet(name, out _))
                {
                    return $"the object must have the property '{name}'";
                }
            }
        }

        var hasProperties = schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object;
        foreach (var (key, value) in obj.Properties)
        {
            if (hasProperties && properties.TryGetProperty(key, out var propertySchema))
            {
                if (Mismatch(propertySchema, value) is { } reason)
                {
                    return $"property '{key}': {reason}";
                }
            }
            else if (schema.TryGetProperty("additionalProperties", out var additional))
            {
                if (additional.ValueKind == JsonValueKind.False)
                {
                    return $"the property '{key}' is not allowed";
                }

                if (additional.ValueKind == JsonValueKind.Object && Mismatch(additional, value) is { } reason)
                {
                    return $"property '{key}': {reason}";
                }
            }
        }

        return null;
    }

    private static string Describe(Value value) => value switch
    {
        NumberValue n => $"the number {n.ToJsonText()}",
        StringValue s => $"the string \"{(s.Value.Length > 40 ? s.Value[..40] + "…" : s.Value)}\"",
        BooleanValue b => b.Value ? "true" : "false",
        NoDataValue => "null",
        ExternalValue e => e.Subtype,
        _ => value.TypeName,
    };
}
