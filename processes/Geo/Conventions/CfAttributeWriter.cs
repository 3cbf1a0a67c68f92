using System.Text.Json;
using OpenEoBridge.Geo.Time;

namespace OpenEoBridge.Geo.Conventions;

/// <summary>
/// The attribute sets we write so that xarray (CF decoding), rioxarray (<c>rio.crs</c>, <c>rio.transform()</c>)
/// and GDAL's Zarr driver open our stores with the right coordinates, time and CRS: CF-1.8 on every variable,
/// a rioxarray-style <c>spatial_ref</c> grid-mapping variable, GDAL's <c>_CRS</c> on data arrays (GDAL 3.6 reads
/// no CF grid mapping in Zarr) and GeoZarr <c>proj:</c>/<c>spatial:</c> on the group.
/// Dimension names (<c>_ARRAY_DIMENSIONS</c> / <c>dimension_names</c>) are the Zarr writer's business.
/// </summary>
public static class CfAttributeWriter
{
    /// <summary>The grid-mapping variable's name: rioxarray's default, which rioxarray also looks for first.</summary>
    public const string GridMappingVariable = "spatial_ref";

    public static IReadOnlyDictionary<string, JsonElement> Group(RasterGrid grid, string? title = null)
    {
        var attributes = new Dictionary<string, object?>
        {
            ["Conventions"] = "CF-1.8",
            ["zarr_conventions"] = new object[]
            {
                new { schema_url = "https://raw.githubusercontent.com/zarr-conventions/geo-proj/refs/tags/v1/schema.json", spec_url = "https://github.com/zarr-conventions/geo-proj/blob/v1/README.md", uuid = "f17cb550-5864-4468-aeb7-f3180cfb622f", name = "proj:", description = "Coordinate reference system information for geospatial data" },
                new { schema_url = "https://raw.githubusercontent.com/zarr-conventions/spatial/refs/tags/v1/schema.json", spec_url = "https://github.com/zarr-conventions/spatial/blob/v1/README.md", uuid = "689b58e2-cf7b-45e0-9fff-9cfc0883d6b4", name = "spatial:", description = "Spatial coordinate information" },
            },
            ["spatial:dimensions"] = new[] { grid.YDimension, grid.XDimension },
            ["spatial:transform"] = grid.Transform.ToArray(),
            ["spatial:shape"] = new[] { grid.Rows, grid.Columns },
            ["spatial:bbox"] = grid.Bounds.ToArray(),
            ["spatial:registration"] = "pixel",
        };
        if (grid.Crs.EpsgCode is { } code)
        {
            attributes["proj:code"] = $"EPSG:{code}";
        }
        else
        {
            attributes["proj:wkt2"] = grid.Crs.Wkt2;
        }

        if (title is not null)
        {
            attributes["title"] = title;
        }

        return ToJson(attributes);
    }

    public static IReadOnlyDictionary<string, JsonElement> TimeCoordinate(CfTimeUnits units) => ToJson(new Dictionary<string, object?>
    {
        ["standard_name"] = "time",
        ["long_name"] = "time",
        ["axis"] = "T",
        ["units"] = units.ToString(),
        ["calendar"] = units.Calendar.ToCfName(),
    });

    public static IReadOnlyDictionary<string, JsonElement> XCoordinate(RasterGrid grid) => ToJson(grid.Crs.IsGeographic
        ? new Dictionary<string, object?> { ["standard_name"] = "longitude", ["long_name"] = "longitude", ["units"] = "degrees_east", ["axis"] = "X" }
        : new Dictionary<string, object?> { ["standard_name"] = "projection_x_coordinate", ["long_name"] = "x coordinate of projection", ["units"] = LinearUnit(grid), ["axis"] = "X" });

    public static IReadOnlyDictionary<string, JsonElement> YCoordinate(RasterGrid grid) => ToJson(grid.Crs.IsGeographic
        ? new Dictionary<string, object?> { ["standard_name"] = "latitude", ["long_name"] = "latitude", ["units"] = "degrees_north", ["axis"] = "Y" }
        : new Dictionary<string, object?> { ["standard_name"] = "projection_y_coordinate", ["long_name"] = "y coordinate of projection", ["units"] = LinearUnit(grid), ["axis"] = "Y" });

    /// <summary>The 0-d <c>spatial_ref</c> variable: WKT2 in both names rioxarray and GDAL read, plus the GDAL GeoTransform.</summary>
    public static IReadOnlyDictionary<string, JsonElement> GridMapping(RasterGrid grid)
    {
        var attributes = new Dictionary<string, object?>
        {
            ["crs_wkt"] = grid.Crs.Wkt2,
            ["spatial_ref"] = grid.Crs.Wkt2,
            ["GeoTransform"] = grid.Transform.ToGdalString(),
        };
        if (grid.Crs.IsGeographic && Ellipsoid(grid) is { } ellipsoid)
        {
            attributes["grid_mapping_name"] = "latitude_longitude";
            attributes["semi_major_axis"] = ellipsoid.SemiMajor;
            attributes["inverse_flattening"] = ellipsoid.InverseFlattening;
        }

        return ToJson(attributes);
    }

    /// <summary>
    /// A data variable on the grid. On Zarr v2 the fill value belongs in <c>.zarray</c> <c>fill_value</c> (xarray
    /// reads it from there); on v3 xarray needs the <c>_FillValue</c> attribute, base64 for floats.
    /// </summary>
    public static IReadOnlyDictionary<string, JsonElement> DataVariable(
        RasterGrid grid, string? units = null, string? longName = null, string? standardName = null,
        double? fillValue = null, NumericType? storedType = null, int zarrFormat = 2, double? scaleFactor = null, double? addOffset = null)
    {
        var attributes = new Dictionary<string, object?>
        {
            ["grid_mapping"] = GridMappingVariable,
            ["coordinates"] = GridMappingVariable,
            ["_CRS"] = grid.Crs.EpsgCode is { } code
                ? new Dictionary<string, string> { ["wkt"] = grid.Crs.Wkt2, ["url"] = $"http://www.opengis.net/def/crs/EPSG/0/{code}" }
                : new Dictionary<string, string> { ["wkt"] = grid.Crs.Wkt2 },
        };
        AddIfSet(attributes, "units", units);
        AddIfSet(attributes, "long_name", longName);
        AddIfSet(attributes, "standard_name", standardName);
        if (scaleFactor is { } scale)
        {
            attributes["scale_factor"] = scale;
        }

        if (addOffset is { } offset)
        {
            attributes["add_offset"] = offset;
        }

        if (zarrFormat == 3 && fillValue is { } fill)
        {
            attributes["_FillValue"] = storedType is { IsFloat: false } ? fill : ValuePacking.EncodeV3FloatFillValue(fill);
        }

        return ToJson(attributes);
    }

    private static void AddIfSet(Dictionary<string, object?> attributes, string name, string? value)
    {
        if (value is not null)
        {
            attributes[name] = value;
        }
    }

    private static string LinearUnit(RasterGrid grid)
    {
        using var json = JsonDocument.Parse(grid.Crs.ProjJson);
        var unit = json.RootElement.TryGetProperty("coordinate_system", out var cs) && cs.TryGetProperty("axis", out var axes)
            && axes[0].TryGetProperty("unit", out var u) ? (u.ValueKind == JsonValueKind.String ? u.GetString() : u.GetProperty("name").GetString()) : "metre";
        return unit is "metre" or "meter" ? "m" : unit ?? "m";
    }

    private static (double SemiMajor, double InverseFlattening)? Ellipsoid(RasterGrid grid)
    {
        using var json = JsonDocument.Parse(grid.Crs.ProjJson);
        var root = json.RootElement;
        var datum = root.TryGetProperty("datum", out var d) ? d : root.TryGetProperty("datum_ensemble", out var e) ? e : default;
        return datum.ValueKind == JsonValueKind.Object && datum.TryGetProperty("ellipsoid", out var ellipsoid)
            && ellipsoid.TryGetProperty("semi_major_axis", out var a) && ellipsoid.TryGetProperty("inverse_flattening", out var f)
            ? (a.GetDouble(), f.GetDouble())
            : null;
    }

    private static IReadOnlyDictionary<string, JsonElement> ToJson(Dictionary<string, object?> attributes) =>
        attributes.ToDictionary(kv => kv.Key, kv => JsonSerializer.SerializeToElement(kv.Value));
}
