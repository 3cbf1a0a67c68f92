using System.Globalization;
using System.Text.Json;
using OpenEoBridge.Geo.Crs;

namespace OpenEoBridge.Geo.Conventions;

/// <summary>
/// Reads the CRS (and rioxarray's <c>GeoTransform</c>) of a CF grid-mapping variable, in the order GDAL and
/// rioxarray look: <c>crs_wkt</c>, <c>spatial_ref</c>, GeoZarr <c>proj:*</c>, EPSG attributes, then the CF
/// <c>grid_mapping_name</c> parameters for the cases that identify a CRS without WKT.
/// </summary>
public static class GridMapping
{
    /// <summary>
    /// Names of the grid-mapping variables a data variable refers to: the plain form (<c>"spatial_ref"</c>) or the
    /// CF 1.7 extended form (<c>"crsOSGB: x y crsWGS84: lat lon"</c>), first one first.
    /// </summary>
    public static IReadOnlyList<string> ReferencedNames(IReadOnlyDictionary<string, JsonElement> dataVariableAttributes)
    {
        var text = dataVariableAttributes.GetString("grid_mapping");
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        if (!text.Contains(':', StringComparison.Ordinal))
        {
            return [text.Trim()];
        }

        return text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(token => token.EndsWith(':'))
            .Select(token => token.TrimEnd(':'))
            .ToArray();
    }

    /// <summary>The CRS the attributes describe, or null when they name none.</summary>
    public static CoordinateReferenceSystem? ReadCrs(IReadOnlyDictionary<string, JsonElement> gridMappingAttributes)
    {
        foreach (var name in new[] { "crs_wkt", "spatial_ref", "proj:wkt2" })
        {
            if (gridMappingAttributes.GetString(name) is { Length: > 0 } wkt)
            {
                return CoordinateReferenceSystem.Parse(wkt);
            }
        }

        var geoZarr = GeoZarrAttributes.FromAttributes(gridMappingAttributes);
        if (geoZarr.HasCrs)
        {
            return geoZarr.ResolveCrs();
        }

        foreach (var name in new[] { "epsg_code", "EPSG", "epsg", "crs" })
        {
            if (gridMappingAttributes.TryGetValue(name, out var value) && EpsgFrom(value) is { } code)
            {
                return CoordinateReferenceSystem.FromEpsg(code);
            }
        }

        return FromCfParameters(gridMappingAttributes);
    }

    /// <summary>rioxarray's <c>GeoTransform</c> attribute, if present.</summary>
    public static AffineTransform? ReadGeoTransform(IReadOnlyDictionary<string, JsonElement> gridMappingAttributes) =>
        gridMappingAttributes.GetString("GeoTransform") is { Length: > 0 } text ? AffineTransform.FromGdalString(text)
        : gridMappingAttributes.GetDoubles("GeoTransform") is { Length: 6 } numbers ? AffineTransform.FromGdal(numbers)
        : null;

    private static int? EpsgFrom(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            return number;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!.Trim();
            var colon = text.LastIndexOf(':');
            var digits = colon >= 0 && text[..colon].Trim().Equals("EPSG", StringComparison.OrdinalIgnoreCase) ? text[(colon + 1)..] : text;
            if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
            {
                return code;
            }
        }

        return null;
    }

    // CF grid_mapping_name parameters as a PROJ string for the common cases; anything else needs crs_wkt.
    private static CoordinateReferenceSystem? FromCfParameters(IReadOnlyDictionary<string, JsonElement> a)
    {
        var name = a.GetString("grid_mapping_name");
        if (name is null)
        {
            return null;
        }

        string Ellipsoid()
        {
            var major = a.GetDouble("semi_major_axis") ?? a.GetDouble("earth_radius");
            var invFlattening = a.GetDouble("inverse_flattening");
            var datum = a.GetString("horizontal_datum_name") ?? string.Empty;

            // CF parameters carry the ellipsoid, not the datum: the WGS 84 ellipsoid (or a datum name saying so) is
            // taken as the WGS 84 datum, as rioxarray/pyproj do, so that EPSG identification works.
            if (major is null || datum.Contains("WGS 84", StringComparison.OrdinalIgnoreCase) || datum.Contains("World Geodetic System 1984", StringComparison.OrdinalIgnoreCase)
                || (major == 6378137.0 && invFlattening is { } rf && Math.Abs(rf - 298.257223563) < 1e-9))
            {
                return "+datum=WGS84";
            }

            var minor = a.GetDouble("semi_minor_axis");
            var text = FormattableString.Invariant($"+a={major}");
            return invFlattening is > 0 ? text + FormattableString.Invariant($" +rf={invFlattening}")
                : minor is not null ? text + FormattableString.Invariant($" +b={minor}")
                : text + FormattableString.Invariant($" +b={major}");
        }

        double P(string key, double fallback = 0) => a.GetDouble(key) ?? fallback;

        var proj = name switch
        {
            "latitude_longitude" => a.ContainsKey("semi_major_axis") ? $"+proj=longlat {Ellipsoid()}" : null,
            "transverse_mercator" => FormattableString.Invariant(
                $"+proj=tmerc +lat_0={P("latitude_of_projection_origin")} +lon_0={P("longitude_of_central_meridian")} +k={P("scale_factor_at_central_meridian", 1)} +x_0={P("false_easting")} +y_0={P("false_northing")} {Ellipsoid()} +units=m"),
            "lambert_azimuthal_equal_area" => FormattableString.Invariant(
                $"+proj=laea +lat_0={P("latitude_of_projection_origin")} +lon_0={P("longitude_of_projection_origin")} +x_0={P("false_easting")} +y_0={P("false_northing")} {Ellipsoid()} +units=m"),
            "polar_stereographic" => FormattableString.Invariant(
                $"+proj=stere +lat_0={P("latitude_of_projection_origin")} +lat_ts={P("standard_parallel", P("latitude_of_projection_origin"))} +lon_0={P("straight_vertical_longitude_from_pole")} +x_0={P("false_easting")} +y_0={P("false_northing")} {Ellipsoid()} +units=m"),
            _ => throw new CrsException($"grid_mapping_name '{name}' without crs_wkt/spatial_ref is not supported; add a crs_wkt attribute."),
        };

        // A bare latitude_longitude without ellipsoid is, in practice, WGS 84 (what GDAL assumes too).
        return proj is null ? CoordinateReferenceSystem.Wgs84 : CoordinateReferenceSystem.Parse(proj + " +no_defs +type=crs");
    }
}
