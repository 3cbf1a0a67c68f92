using System.Text.Json.Nodes;
using OpenEoBridge.Backend.Catalog;
using OpenEoBridge.Geo.Conventions;

namespace OpenEoBridge.Backend.Api.Collections;

/// <summary>
/// Per-band metadata for <c>summaries</c>: <c>eo:bands</c> (name, common name, description) and STAC 1.1 <c>bands</c>,
/// whose <c>data_type</c>, <c>nodata</c>, <c>scale</c> and <c>offset</c> describe the values as stored in the Zarr
/// asset, as in the STAC raster extension (physical value = stored * scale + offset; stored <c>nodata</c> means missing).
/// </summary>
public static class BandDocuments
{
    // EO extension common names; a band named like one gets it, so clients can find e.g. red and nir for an NDVI.
    private static readonly HashSet<string> CommonNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "pan", "coastal", "blue", "green", "green05", "yellow", "red", "rededge", "rededge071", "rededge075", "rededge078",
        "nir", "nir08", "nir09", "cirrus", "swir16", "swir22", "lwir", "lwir11", "lwir12",
    };

    /// <summary>One entry per band name, each with the metadata of the variable it comes from.</summary>
    public static IEnumerable<(string Name, BandVariable Variable)> Bands(LoadedCollection collection)
    {
        ArgumentNullException.ThrowIfNull(collection);
        var layout = collection.Dataset.Layout;
        return layout.BandDimension is null
            ? layout.Bands.Select(b => (b.Name, b))
            : collection.BandNames.Select(name => (name, layout.Bands[0]));
    }

    public static JsonArray EoBands(LoadedCollection collection) => new(Bands(collection).Select(band =>
    {
        var node = new JsonObject { ["name"] = band.Name };
        if (CommonNames.Contains(band.Name))
        {
            node["common_name"] = band.Name.ToLowerInvariant();
        }

        if (Description(band) is { } description)
        {
            node["description"] = description;
        }

        return (JsonNode)node;
    }).ToArray());

    public static JsonArray StacBands(LoadedCollection collection) => new(Bands(collection).Select(band =>
    {
        var variable = band.Variable;
        var packing = variable.Packing;
        var node = new JsonObject { ["name"] = band.Name };
        if (Description(band) is { } description)
        {
            node["description"] = description;
        }

        node["data_type"] = packing.StoredType.Name;
        if (packing.MaskedValues.Count > 0)
        {
            node["nodata"] = NoData(packing.MaskedValues[0]);
        }

        if (packing.ScaleFactor is { } scale)
        {
            node["scale"] = scale;
        }

        if (packing.AddOffset is { } offset)
        {
            node["offset"] = offset;
        }

        if (variable.Units is { } unit)
        {
            node["unit"] = unit;
        }

        return (JsonNode)node;
    }).ToArray());

    private static string? Description((string Name, BandVariable Variable) band) =>
        band.Variable.Name == band.Name
            ? band.Variable.LongName ?? band.Variable.StandardName
            : band.Variable.LongName is { } variableName ? $"{variableName} ({band.Name})" : null;

    // JSON has no NaN/Infinity; STAC (raster extension) writes them as strings.
    private static JsonNode NoData(double value) => value switch
    {
        double.NaN => "nan",
        double.PositiveInfinity => "inf",
        double.NegativeInfinity => "-inf",
        _ => value,
    };
}
