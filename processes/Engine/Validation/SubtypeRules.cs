using System.Text.RegularExpressions;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Validation;

/// <summary>
/// What openEO's subtypes (processes <c>meta/subtype-schemas.json</c>) require beyond the JSON type, which the
/// schema's own <c>type</c> already checks. Rules look only at values of the subtype's JSON type; anything needing
/// the back-end's state (does the band or collection exist?) is left to the process. Deliberately not checked:
/// <c>temporal-interval</c>'s <c>uniqueItems</c> and order (the processes raise the more specific
/// <c>TemporalExtentEmpty</c>) and the full GeoJSON/STAC schemas (only their shape: type and required members).
/// Returns null when the value fits, else what was expected.
/// </summary>
internal static partial class SubtypeRules
{
    public static string? Mismatch(string subtype, Value value) => subtype switch
    {
        "process-graph" => value is CallbackValue ? null : "a process graph (callback)",
        "datacube" or "raster-cube" or "vector-cube" =>
            value is ExternalValue e && (e.Subtype == subtype || e.Subtype == "datacube") ? null : $"a {subtype}",
        "date-time" => value is StringValue s && !DateTimePattern().IsMatch(s.Value) ? "an RFC 3339 date-time such as 2020-06-01T12:00:00Z" : null,
        "date" => value is StringValue d && !DatePattern().IsMatch(d.Value) ? "an RFC 3339 date such as 2020-06-01" : null,
        "time" => value is StringValue t && !TimePattern().IsMatch(t.Value) ? "a time such as 12:00:00" : null,
        "year" => value is StringValue y && !YearPattern().IsMatch(y.Value) ? "a year" : null,
        "duration" => value is StringValue p && !DurationPattern().IsMatch(p.Value) ? "an ISO 8601 duration such as P1D" : null,
        "epsg-code" => value is NumberValue n && (!n.IsInteger || n.Value < 1000) ? "an EPSG code (an integer of at least 1000)" : null,
        "collection-id" => value is StringValue c && !CollectionIdPattern().IsMatch(c.Value) ? "a collection id (letters, digits, _ - . ~ /)" : null,
        "workspace-id" => value is StringValue w && !WorkspaceIdPattern().IsMatch(w.Value) ? "a workspace id (letters, digits, _ - . ~)" : null,
        "file-path" => value is StringValue f && !FilePathPattern().IsMatch(f.Value) ? "a relative file path" : null,
        "file-paths" => value is ArrayValue files && files.Items.Any(i => i is not StringValue sv || !FilePathPattern().IsMatch(sv.Value)) ? "an array of relative file paths" : null,
        "udf-code" => value is StringValue u && !u.Value.Contains('\n') && !u.Value.Contains('\r') ? "UDF source code (at least one line break)" : null,
        "uri" => value is StringValue uri && !Uri.TryCreate(uri.Value, UriKind.Absolute, out _) ? "an absolute URI" : null,
        "wkt2-definition" => value is StringValue wkt && !WktPattern().IsMatch(wkt.Value) ? "a WKT2 definition such as GEOGCRS[...]" : null,
        "bounding-box" => value is ObjectValue box ? BoundingBox(box) : null,
        "temporal-interval" => value is ArrayValue interval ? TemporalInterval(interval) : null,
        "temporal-intervals" => value is ArrayValue intervals ? TemporalIntervals(intervals) : null,
        "kernel" => value is ArrayValue kernel && kernel.Items.Any(row => row is not ArrayValue r || r.Items.Any(v => v is not NumberValue))
            ? "a kernel (a two-dimensional array of numbers)" : null,
        "chunk-size" => value is ObjectValue chunk ? ChunkSize(chunk) : null,
        "metadata-filter" => value is ObjectValue filter && filter.Properties.Any(p => p.Value is not CallbackValue)
            ? "a metadata filter (each property a process graph)" : null,
        "geojson" => value is ObjectValue geojson ? GeoJson(geojson) : null,
        "stac" => value is ObjectValue stac && !(stac.TryGet("stac_version", out var version) && version is StringValue)
            ? "a STAC Catalog, Collection or Item (with stac_version)" : null,
        _ => null,
    };

    private static string? BoundingBox(ObjectValue box)
    {
        foreach (var side in new[] { "west", "south", "east", "north" })
        {
            if (!box.TryGet(side, out var v) || v is not NumberValue)
            {
                return $"a bounding box with a number '{side}'";
            }
        }

        foreach (var optional in new[] { "base", "height" })
        {
            if (box.TryGet(optional, out var v) && v is not (NumberValue or NoDataValue))
            {
                return $"a bounding box whose '{optional}' is a number or null";
            }
        }

        // null is taken as "the default (4326)", as clients commonly send it.
        if (box.TryGet("crs", out var crs) && crs is not NoDataValue)
        {
            var ok = crs switch
            {
                NumberValue => Mismatch("epsg-code", crs) is null,
                StringValue => Mismatch("wkt2-definition", crs) is null,
                _ => false,
            };
            if (!ok)
            {
                return "a bounding box whose 'crs' is an EPSG code or a WKT2 definition";
            }
        }

        return null;
    }

    private static string? TemporalInterval(ArrayValue interval)
    {
        const string expected = "a temporal interval: two elements, each a date-time, date, time, year or null, not both null";
        if (interval.Count != 2 || interval.Items.All(i => i is NoDataValue))
        {
            return expected;
        }

        foreach (var item in interval.Items)
        {
            var ok = item switch
            {
                NoDataValue => true,
                StringValue s => DateTimePattern().IsMatch(s.Value) || DatePattern().IsMatch(s.Value) || TimePattern().IsMatch(s.Value),
                NumberValue n => n.IsInteger,
                _ => false,
            };
            if (!ok)
            {
                return expected;
            }
        }

        return null;
    }

    private static string? TemporalIntervals(ArrayValue intervals)
    {
        if (intervals.Count == 0)
        {
            return "at least one temporal interval";
        }

        for (var i = 0; i < intervals.Count; i++)
        {
            if (intervals[i] is not ArrayValue interval || TemporalInterval(interval) is not null)
            {
                return $"temporal intervals (element {i} is not a temporal interval)";
            }
        }

        return null;
    }

    private static string? ChunkSize(ObjectValue chunk)
    {
        if (!chunk.TryGet("dimension", out var dimension) || dimension is not StringValue)
        {
            return "a chunk size with a 'dimension' name";
        }

        if (!chunk.TryGet("value", out var size))
        {
            return "a chunk size with a 'value'";
        }

        var ok = size switch
        {
            NoDataValue => true,
            NumberValue n => n.Value >= 0,
            StringValue s => DurationPattern().IsMatch(s.Value),
            _ => false,
        };
        return ok ? null : "a chunk size whose 'value' is null, a non-negative number or a duration";
    }

    private static readonly HashSet<string> GeometryTypes = ["Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon"];

    private static string? GeoJson(ObjectValue geojson)
    {
        if (!geojson.TryGet("type", out var typeValue) || typeValue is not StringValue { Value: var type })
        {
            return "GeoJSON (an object with a 'type')";
        }

        return type switch
        {
            _ when GeometryTypes.Contains(type) => geojson.TryGet("coordinates", out var c) && c is ArrayValue ? null : $"a GeoJSON {type} with 'coordinates'",
            "Feature" => geojson.TryGet("geometry", out var g) && g is ObjectValue or NoDataValue ? null : "a GeoJSON Feature with a 'geometry'",
            "FeatureCollection" => geojson.TryGet("features", out var f) && f is ArrayValue ? null : "a GeoJSON FeatureCollection with 'features'",
            "GeometryCollection" => "GeoJSON other than a GeometryCollection (not supported by openEO)",
            _ => $"GeoJSON (unknown type '{type}')",
        };
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})?$")]
    private static partial Regex DateTimePattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})?$")]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"^-?\d{4,}$")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"^(-?)P(?=\d|T\d)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)([DW]))?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^[\w\-\.~/]+$")]
    private static partial Regex CollectionIdPattern();

    [GeneratedRegex(@"^[\w\-\.~]+$")]
    private static partial Regex WorkspaceIdPattern();

    [GeneratedRegex("^[^\r\n\\\\:'\"]+$")]
    private static partial Regex FilePathPattern();

    [GeneratedRegex(@"^\s*[A-Za-z][A-Za-z0-9_]*\s*\[[\s\S]*\]\s*$")]
    private static partial Regex WktPattern();
}
