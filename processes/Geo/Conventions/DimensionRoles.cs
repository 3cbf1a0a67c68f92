using System.Text.Json;
using OpenEoBridge.Geo.Time;

namespace OpenEoBridge.Geo.Conventions;

/// <summary>
/// Recognises x/y/t dimensions as xarray, cf_xarray and GDAL do: the coordinate variable's CF <c>axis</c> first,
/// then its <c>standard_name</c>, then its <c>units</c>, and only then the dimension name.
/// </summary>
public static class DimensionRoles
{
    private static readonly HashSet<string> XNames = new(StringComparer.OrdinalIgnoreCase) { "x", "lon", "long", "longitude", "easting" };
    private static readonly HashSet<string> YNames = new(StringComparer.OrdinalIgnoreCase) { "y", "lat", "latitude", "northing" };
    private static readonly HashSet<string> TimeNames = new(StringComparer.OrdinalIgnoreCase) { "t", "time", "valid_time", "date" };
    private static readonly HashSet<string> BandNames = new(StringComparer.OrdinalIgnoreCase) { "band", "bands", "spectral", "wavelength" };

    /// <param name="dimension">The dimension name.</param>
    /// <param name="coordinateAttributes">Attributes of the coordinate variable named like the dimension, if there is one.</param>
    public static DimensionRole Detect(string dimension, IReadOnlyDictionary<string, JsonElement>? coordinateAttributes)
    {
        var attributes = coordinateAttributes ?? Attributes.Empty;
        switch (attributes.GetString("axis")?.Trim().ToUpperInvariant())
        {
            case "X":
                return DimensionRole.X;
            case "Y":
                return DimensionRole.Y;
            case "T":
                return DimensionRole.Time;
            case "Z":
                return DimensionRole.Other;
        }

        switch (attributes.GetString("standard_name")?.Trim().ToLowerInvariant())
        {
            case "longitude" or "projection_x_coordinate" or "grid_longitude":
                return DimensionRole.X;
            case "latitude" or "projection_y_coordinate" or "grid_latitude":
                return DimensionRole.Y;
            case "time":
                return DimensionRole.Time;
        }

        var units = attributes.GetString("units")?.Trim();
        if (units is not null)
        {
            if (IsOneOf(units, "degrees_east", "degree_east", "degree_E", "degrees_E", "degreeE", "degreesE"))
            {
                return DimensionRole.X;
            }

            if (IsOneOf(units, "degrees_north", "degree_north", "degree_N", "degrees_N", "degreeN", "degreesN"))
            {
                return DimensionRole.Y;
            }

            if (CfTimeUnits.LooksLikeTimeUnits(units))
            {
                return DimensionRole.Time;
            }
        }

        return XNames.Contains(dimension) ? DimensionRole.X
            : YNames.Contains(dimension) ? DimensionRole.Y
            : TimeNames.Contains(dimension) ? DimensionRole.Time
            : BandNames.Contains(dimension) ? DimensionRole.Band
            : DimensionRole.Other;
    }

    private static bool IsOneOf(string value, params string[] options) => options.Contains(value, StringComparer.OrdinalIgnoreCase);
}
