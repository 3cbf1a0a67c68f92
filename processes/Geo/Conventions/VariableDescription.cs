using System.Text.Json;

namespace OpenEoBridge.Geo.Conventions;

/// <summary>
/// What the conventions layer needs to know about one Zarr array, independent of the Zarr library:
/// name, named dimensions, shape, storage type and attributes.
/// </summary>
public sealed record VariableDescription(
    string Name,
    IReadOnlyList<string> Dimensions,
    IReadOnlyList<long> Shape,
    NumericType DataType,
    IReadOnlyDictionary<string, JsonElement> Attributes,
    JsonElement? ZarrV2FillValue = null)
{
    public int Rank => Dimensions.Count;

    public ValuePacking Packing => ValuePacking.FromAttributes(Attributes, DataType, ZarrV2FillValue);

    /// <summary>A v2 array as xarray writes it: dimension names in the <c>_ARRAY_DIMENSIONS</c> attribute.</summary>
    public static VariableDescription FromZarrV2(string name, JsonElement zarray, IReadOnlyDictionary<string, JsonElement> attributes)
    {
        var shape = zarray.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        var dimensions = attributes.GetStrings("_ARRAY_DIMENSIONS")
            ?? throw new FormatException($"Array '{name}' has no _ARRAY_DIMENSIONS attribute: its dimensions are unnamed (not written by xarray).");
        var fill = zarray.TryGetProperty("fill_value", out var f) ? f.Clone() : (JsonElement?)null;
        return Create(name, dimensions, shape, NumericType.Parse(zarray.GetProperty("dtype").GetString()!), attributes, fill);
    }

    /// <summary>A v3 array: dimension names from <c>dimension_names</c> in zarr.json.</summary>
    public static VariableDescription FromZarrV3(string name, JsonElement zarrJson)
    {
        var shape = zarrJson.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        var attributes = zarrJson.TryGetProperty("attributes", out var a)
            ? a.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone())
            : new Dictionary<string, JsonElement>();
        string[] dimensions;
        if (zarrJson.TryGetProperty("dimension_names", out var names) && names.ValueKind == JsonValueKind.Array)
        {
            dimensions = names.EnumerateArray().Select(n => n.ValueKind == JsonValueKind.String
                ? n.GetString()!
                : throw new FormatException($"Array '{name}' has an unnamed dimension (null in dimension_names).")).ToArray();
        }
        else
        {
            dimensions = shape.Length == 0 ? [] : throw new FormatException($"Array '{name}' has no dimension_names: its dimensions are unnamed.");
        }

        var dataType = zarrJson.GetProperty("data_type");
        return Create(name, dimensions, shape, NumericType.Parse(dataType.ValueKind == JsonValueKind.String ? dataType.GetString()! : "other"), attributes, null);
    }

    private static VariableDescription Create(string name, string[] dimensions, long[] shape, NumericType type, IReadOnlyDictionary<string, JsonElement> attributes, JsonElement? fill) =>
        dimensions.Length == shape.Length
            ? new VariableDescription(name, dimensions, shape, type, attributes, fill)
            : throw new FormatException($"Array '{name}' names {dimensions.Length} dimensions but has {shape.Length}.");
}
