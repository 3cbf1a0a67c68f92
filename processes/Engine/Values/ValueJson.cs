using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OpenEoBridge.Processes.Values;

/// <summary>Converts between JSON and <see cref="Value"/>, keeping number text and key order.</summary>
public static class ValueJson
{
    /// <summary>Reads a JSON element. Marker objects from <see cref="NonFiniteJson"/> become non-finite numbers.</summary>
    public static Value FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null => Value.NoData,
        JsonValueKind.True => BooleanValue.True,
        JsonValueKind.False => BooleanValue.False,
        JsonValueKind.String => new StringValue(element.GetString()!),
        JsonValueKind.Number => ReadNumber(element.GetRawText()),
        JsonValueKind.Array => new ArrayValue([.. element.EnumerateArray().Select(FromJson)]),
        JsonValueKind.Object => TryReadNonFiniteMarker(element, out var number) ? number : new ObjectValue([.. element.EnumerateObject().Select(p => new KeyValuePair<string, Value>(p.Name, FromJson(p.Value)))]),
        _ => throw new ArgumentException($"Unsupported JSON value kind {element.ValueKind}.", nameof(element)),
    };

    public static NumberValue ReadNumber(string rawText) =>
        new(double.Parse(rawText, NumberStyles.Float, CultureInfo.InvariantCulture), rawText);

    public static bool TryReadNonFiniteMarker(JsonElement element, out NumberValue number)
    {
        number = null!;
        if (element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        using var properties = element.EnumerateObject();
        if (!properties.MoveNext() || properties.Current.Name != NonFiniteJson.MarkerKey || properties.Current.Value.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        var name = properties.Current.Value.GetString();
        if (properties.MoveNext())
        {
            return false;
        }

        double? value = name switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            _ => null,
        };
        if (value is null)
        {
            return false;
        }

        number = new NumberValue(value.Value);
        return true;
    }

    public static void Write(Utf8JsonWriter writer, Value value, NonFiniteNumbers nonFinite)
    {
        switch (value)
        {
            case NoDataValue:
                writer.WriteNullValue();
                break;
            case BooleanValue b:
                writer.WriteBooleanValue(b.Value);
                break;
            case StringValue s:
                writer.WriteStringValue(s.Value);
                break;
            case NumberValue n:
                WriteNumber(writer, n, nonFinite);
                break;
            case ArrayValue a:
                // JSON has no labelled arrays; labels are dropped on output, as the API's JSON result format does.
                writer.WriteStartArray();
                foreach (var item in a.Items)
                {
                    Write(writer, item, nonFinite);
                }

                writer.WriteEndArray();
                break;
            case ObjectValue o:
                writer.WriteStartObject();
                foreach (var property in o.Properties)
                {
                    writer.WritePropertyName(property.Key);
                    Write(writer, property.Value, nonFinite);
                }

                writer.WriteEndObject();
                break;
            default:
                throw new NotJsonRepresentableException($"A value of type {value.TypeName} cannot be written as JSON.");
        }
    }

    public static string ToJsonString(Value value, NonFiniteNumbers nonFinite)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { SkipValidation = nonFinite == NonFiniteNumbers.AsBareTokens, Indented = false }))
        {
            Write(writer, value, nonFinite);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteNumber(Utf8JsonWriter writer, NumberValue n, NonFiniteNumbers nonFinite)
    {
        if (n.RawText is { } raw)
        {
            writer.WriteRawValue(raw, skipInputValidation: true);
            return;
        }

        if (double.IsFinite(n.Value))
        {
            writer.WriteNumberValue(n.Value);
            return;
        }

        if (nonFinite == NonFiniteNumbers.Reject)
        {
            throw new NotJsonRepresentableException($"The number {NumberValue.Format(n.Value)} cannot be represented in strict JSON (RFC 8259).");
        }

        writer.WriteRawValue(NumberValue.Format(n.Value), skipInputValidation: true);
    }
}
